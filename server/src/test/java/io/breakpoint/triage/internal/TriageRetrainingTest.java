package io.breakpoint.triage.internal;

import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engineers' corrections become training examples, and a retraining replaces the model in use only when it is
 * not worse on the held-out split (docs/decisions/0011). The Spring context is shared with other API tests, so each
 * test puts the shipped model back in use afterwards.
 */
abstract class TriageRetrainingTest extends ApiTest {

    @Autowired
    Retraining retraining;
    @Autowired
    LiveModel live;
    @Autowired
    TriageModels models;

    @AfterEach
    void backToTheShippedModel() {
        jdbc.sql("delete from triage_models").update();
        jdbc.sql("delete from triage_examples where corrected_by is null or subject like '%zorbex%' or subject like '%Zorbex%'").update();
        live.use(0, ShippedModel.classifier());
    }

    @Test
    void anEngineersCorrectionOfCategoryPriorityOrTierBecomesATrainingExample() {
        UUID id = id(opens(clinics.ellis(), aTicket().about("label thing").describedAs("the little label printer by lab spits blank labels")));
        api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/classification", Map.of("category", "PRINTING_SCANNING", "priority", "P2")).expect(200);

        assertThat(example(id)).containsEntry("category", "PRINTING_SCANNING").containsEntry("priority", "P2")
                .containsEntry("subject", "label thing").containsEntry("description", "the little label printer by lab spits blank labels");

        api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 2, "reason", "it is the lab interface, not the printer")).expect(200);
        assertThat(example(id)).as("the latest correction wins: one example per ticket").containsEntry("tier", 2)
                .containsEntry("category", "PRINTING_SCANNING");
        assertThat(jdbc.sql("select count(*) from triage_examples where ticket_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedCorrectionLeavesNoExample() {
        UUID id = id(opens(clinics.ellis(), aTicket()));
        api.as(clinics.ellis()).post("/api/v1/tickets/" + id + "/classification", Map.of("category", "PRINTING_SCANNING")).expect(403);
        api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/classification", Map.of()).expect(400);
        assertThat(jdbc.sql("select count(*) from triage_examples where ticket_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aBetterModelIsPutInUseAndThePreviewRouteAnswersWithIt() {
        JsonNode before = preview();
        assertThat(before.path("category").asString()).isNotEqualTo("PHONES_TELEPHONY");
        for (String[] t : RetrainingFixtures.TEXTS) {
            UUID id = id(opens(clinics.ellis(), aTicket().about(t[0]).describedAs(t[1])));
            api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/classification", Map.of("category", "PHONES_TELEPHONY", "priority", "P3")).expect(200);
        }

        Retraining.Result r = retraining.retrain("TEST");

        assertThat(r.inUse()).as(r.outcome()).isTrue();
        assertThat(r.correctionExamples()).as("triage got some of them right already: no correction there").isPositive();
        assertThat(preview().path("category").asString()).isEqualTo("PHONES_TELEPHONY");
        assertThat(models.latest(1)).singleElement().satisfies(run -> {
            assertThat(run.inUse()).isTrue();
            assertThat(run.trigger()).isEqualTo("TEST");
            assertThat(run.p1Recall()).isEqualTo(1.0);
            assertThat(run.outcome()).startsWith("put in use");
        });
        assertThat(models.inUse()).as("the model in use is in the database, for other instances and restarts")
                .hasValueSatisfying(m -> assertThat(TextClassifier.fromBytes(m.model())).isNotNull());
    }

    @Test
    void aRetrainingThatWouldBeWorseIsRefusedAndLogged() {
        // Poisoned corrections: the corpus's own train tickets with every category shifted by one.
        var categories = io.breakpoint.tickets.Category.values();
        var train = Corpus.shipped().train();
        for (int i = 0; i < 400; i++) {
            LabelledTicket t = train.get(i * 3);
            jdbc.sql("insert into triage_examples (ticket_id, subject, description, category, tier, priority, corrected_by, corrected_at) values (?,?,?,?,?,?,null,current_timestamp)")
                    .params(UUID.randomUUID(), t.subject(), t.description(), categories[(t.category().ordinal() + 1) % categories.length].name(),
                            t.tier(), t.priority().name())
                    .update();
        }
        JsonNode before = preview();

        Retraining.Result r = retraining.retrain("TEST");

        assertThat(r.inUse()).as(r.outcome()).isFalse();
        assertThat(r.candidate().categoryRight()).isLessThan(r.was().categoryRight());
        assertThat(live.id()).as("the shipped model stays in use").isZero();
        assertThat(preview()).isEqualTo(before);
        assertThat(models.latest(1)).singleElement().satisfies(run -> {
            assertThat(run.inUse()).isFalse();
            assertThat(run.outcome()).startsWith("refused");
            assertThat(run.categoryAccuracy()).isLessThan(run.wasCategoryAccuracy());
        });
        assertThat(models.inUse()).isEmpty();
    }

    private JsonNode preview() {
        return api.as(clinics.ellis()).post("/api/v1/triage/preview",
                Map.of("subject", RetrainingFixtures.PROBE_SUBJECT, "description", RetrainingFixtures.PROBE_TEXT)).expect(200);
    }

    private Map<String, Object> example(UUID ticket) {
        return jdbc.sql("select subject, description, category, tier, priority from triage_examples where ticket_id = ?").param(ticket)
                .query((rs, n) -> Map.<String, Object>of("subject", rs.getString(1), "description", rs.getString(2),
                        "category", rs.getString(3), "tier", rs.getInt(4), "priority", rs.getString(5)))
                .single();
    }
}

@OnH2
class TriageRetrainingOnH2Test extends TriageRetrainingTest {
}

@OnPostgres
class TriageRetrainingOnPostgresTest extends TriageRetrainingTest {
}

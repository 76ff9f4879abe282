package io.breakpoint.triage.web;

import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Done when" edge cases on the preview route and on ticket creation: empty text, 20,000 characters, and text
 * that is not English (Spanish, which the rules know a little, and scripts they do not read at all).
 */
abstract class TriageEdgeCasesApiTest extends ApiTest {

    private static final String PREVIEW = "/api/v1/triage/preview";
    /** A pasted error log of exactly 20,000 characters with the one line that matters at its very end. */
    private static final String LONG_PASTE;

    static {
        String tail = " Then a ransomware note appeared on screen asking for bitcoin.";
        LONG_PASTE = "ERROR 0x80070005 at module ntdll.dll stack frame ".repeat(500).substring(0, 20_000 - tail.length()) + tail;
    }

    @Test
    void emptyTextIsRefusedWithAProblemAndAnEmptyDescriptionIsNot() {
        var empty = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(empty.body()).contains("subject");
        var ticket = api.as(clinics.ellis()).post("/api/v1/tickets", Map.of("subject", "  ", "description", ""));
        assertThat(ticket.status()).isEqualTo(400);
        assertThat(ticket.isProblem()).isTrue();

        // The portal asks while the requester is still typing: a subject alone is enough.
        JsonNode typing = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", "printer")).expect(200);
        assertThat(typing.path("reasons").size()).isPositive();
        // Punctuation only: nothing to go on, so a human triages at Tier 1 rather than a guess.
        JsonNode nothing = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", "???", "description", "!!!")).expect(200);
        assertThat(nothing.path("dispatched").asBoolean()).isTrue();
        assertThat(nothing.path("tier").asInt()).isEqualTo(1);
    }

    @Test
    void twentyThousandCharactersAreReadToTheEndOnPreviewAndOnCreation() {
        assertThat(LONG_PASTE).hasSize(20_000);
        JsonNode preview = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", "pc weird", "description", LONG_PASTE)).expect(200);
        assertThat(preview.path("category").asString()).isEqualTo("SECURITY_INCIDENT");
        assertThat(preview.path("priority").asString()).isEqualTo("P1");

        JsonNode t = opens(clinics.ellis(), aTicket().about("pc weird").describedAs(LONG_PASTE));
        assertThat(t.path("category").asString()).isEqualTo("SECURITY_INCIDENT");
        assertThat(t.path("tier").asInt()).isEqualTo(3);
        assertThat(t.path("priority").asString()).isEqualTo("P1");
        assertThat(t.path("description").asString()).isEqualTo(LONG_PASTE);
    }

    @Test
    void spanishIsTriagedAndKeptAsWritten() {
        String text = "No hay internet en toda la clínica, nadie puede abrir los expedientes y hay pacientes esperando";
        JsonNode preview = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", "¡Sin internet!", "description", text)).expect(200);
        assertThat(preview.path("priority").asString()).isEqualTo("P1");
        assertThat(preview.path("reasons").toString()).contains("toda la clinica");

        JsonNode t = opens(clinics.ellis(), aTicket().about("¡Sin internet!").describedAs(text));
        assertThat(t.path("priority").asString()).isEqualTo("P1");
        assertThat(t.path("subject").asString()).isEqualTo("¡Sin internet!");
        assertThat(t.path("description").asString()).isEqualTo(text);
    }

    @Test
    void aScriptTheRulesCannotReadGoesToAHumanAtTierOneIntact() {
        String subject = "打印机卡纸了 🖨️", text = "前台的打印机一直卡纸，病人在等。Принтер не печатает.";
        JsonNode preview = api.as(clinics.ellis()).post(PREVIEW, Map.of("subject", subject, "description", text)).expect(200);
        assertThat(preview.path("tier").asInt()).isEqualTo(1);
        assertThat(preview.path("confidence").asDouble()).isBetween(0.0, 1.0);

        JsonNode t = opens(clinics.ellis(), aTicket().about(subject).describedAs(text));
        assertThat(t.path("tier").asInt()).isEqualTo(1);
        assertThat(t.path("subject").asString()).isEqualTo(subject);
        assertThat(t.path("description").asString()).isEqualTo(text);
        assertThat(t.path("sla").path("firstResponseDueAt").isNull()).isFalse();
    }
}

@OnH2
class TriageEdgeCasesOnH2Test extends TriageEdgeCasesApiTest {
}

@OnPostgres
class TriageEdgeCasesOnPostgresTest extends TriageEdgeCasesApiTest {
}

package io.breakpoint.phi;

import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each PHI policy over the API, for new tickets, replies and notes. The context is shared: every test puts WARN back. */
abstract class PhiPolicyApiTest extends ApiTest {

    private static final String WITH_PHI = "Can't open the chart for Maria Gonzalez DOB 03/14/1962, MRN 00482913, Epic says locked";

    @Autowired
    PhiPolicies policies;
    @Autowired
    Directory directory;

    @AfterEach
    void backToWarn() {
        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.WARN);
    }

    @Test
    void warnKeepsTheTextAndFlagsTheTicketForEngineers() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Chart locked").describedAs(WITH_PHI));

        assertThat(t.path("description").asString()).isEqualTo(WITH_PHI);
        assertThat(t.path("containsPhi").asBoolean()).isTrue();
        assertThat(t.path("phiKinds").toString()).isEqualTo("[\"PATIENT_NAME\",\"DATE_OF_BIRTH\",\"MEDICAL_RECORD_NUMBER\"]");

        JsonNode seen = api.as(clinics.ava()).get("/api/v1/tickets/" + id(t)).expect(200);
        assertThat(seen.path("containsPhi").asBoolean()).isTrue();
        JsonNode queue = api.as(clinics.ava()).get("/api/v1/tickets?limit=200").expect(200);
        assertThat(queue.path("items").values()).filteredOn(r -> r.path("id").asString().equals(id(t).toString()))
                .singleElement().satisfies(r -> assertThat(r.path("containsPhi").asBoolean()).isTrue());
        // The audit trail says what happened, never the values.
        assertThat(jdbc.sql("select count(*) from audit_events where detail like '%00482913%' or detail like '%Gonzalez%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTicketWithoutPhiCarriesNoFlag() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Printer CNB3K52231 jams").describedAs("Ticket BP-10234 again; Dr. Patel's room, IP 10.20.4.17"));
        assertThat(t.path("containsPhi").asBoolean()).isFalse();
        assertThat(t.path("phiKinds").values()).isEmpty();
    }

    @Test
    void redactReplacesThePhiBeforeAnythingIsStored() {
        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.REDACT);

        JsonNode t = opens(clinics.ellis(), aTicket().about("Chart locked for DOB 03/14/1962").describedAs(WITH_PHI));

        assertThat(t.path("subject").asString()).isEqualTo("Chart locked for DOB [date of birth removed]");
        assertThat(t.path("description").asString()).isEqualTo("Can't open the chart for [patient's name removed] DOB "
                + "[date of birth removed], MRN [medical record number removed], Epic says locked");
        assertThat(t.path("containsPhi").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from tickets where description like '%00482913%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select detail from audit_events where ticket_id = ? and action = 'PHI_REDACTED'").param(id(t))
                .query(String.class).single()).contains("DATE_OF_BIRTH").doesNotContain("1962");
    }

    @Test
    void blockRefusesWith422NamingTheKindsNotTheValuesAndStoresNothing() {
        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.BLOCK);
        long tickets = count("tickets");

        Api.Response r = api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about("Chart locked").describedAs(WITH_PHI).json());

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        JsonNode p = r.json();
        assertThat(p.path("phiKinds").toString()).isEqualTo("[\"PATIENT_NAME\",\"DATE_OF_BIRTH\",\"MEDICAL_RECORD_NUMBER\"]");
        assertThat(p.path("field").asString()).isEqualTo("description");
        assertThat(p.path("detail").asString()).contains("a patient's name, a date of birth and a medical record number");
        assertThat(r.body()).doesNotContain("Gonzalez").doesNotContain("1962").doesNotContain("00482913");
        assertThat(count("tickets")).isEqualTo(tickets);

        // Without PHI the same organization submits as usual.
        opens(clinics.ellis(), aTicket().about("Chart locked").describedAs("Epic says the chart is locked by another user"));
    }

    @Test
    void repliesAndNotesFollowThePolicyToo() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Portal login fails"));
        String comments = "/api/v1/tickets/" + id(t) + "/comments";

        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.BLOCK);
        Api.Response blocked = api.as(clinics.ellis()).post(comments, Map.of("body", "Her cell is 312-555-0147, SSN 123-45-6789"));
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().path("phiKinds").toString()).isEqualTo("[\"SSN\",\"PHONE_NUMBER\"]");
        Api.Response note = api.as(clinics.ava()).post(comments, Map.of("body", "Pt Maria Gonzalez DOB 3/14/62", "visibility", "INTERNAL"));
        assertThat(note.status()).isEqualTo(422);

        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.REDACT);
        JsonNode redacted = api.as(clinics.ava()).post(comments, Map.of("body", "Called her back at 312-555-0147")).expect(201);
        assertThat(redacted.toString()).contains("Called her back at [phone number removed]").doesNotContain("312-555-0147");

        setPolicy(clinics.grant(), clinics.riverbend(), PhiPolicy.WARN);
        assertThat(api.as(clinics.ava()).get("/api/v1/tickets/" + id(t)).expect(200).path("containsPhi").asBoolean()).isFalse();
        JsonNode warned = api.as(clinics.ellis()).post(comments, Map.of("body", "My patient's MRN is 00482913")).expect(201);
        assertThat(warned.path("containsPhi").asBoolean()).isTrue();
        assertThat(warned.path("phiKinds").toString()).isEqualTo("[\"MEDICAL_RECORD_NUMBER\"]");
    }

    @Test
    void onlyTheOrganizationsAdminOrTheMspAdminSetsThePolicy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setPolicy(clinics.jones(), clinics.riverbend(), PhiPolicy.BLOCK))
                .hasMessageContaining("Organization");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setPolicy(clinics.ellis(), clinics.riverbend(), PhiPolicy.BLOCK))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        setPolicy(clinics.mspAdmin(), clinics.riverbend(), PhiPolicy.REDACT);
        assertThat(policies.policyOf(clinics.riverbend())).isEqualTo(PhiPolicy.REDACT);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'PHI_POLICY_CHANGED' and organization_id = ?")
                .param(clinics.riverbend()).query(Long.class).single()).isPositive();
    }

    private void setPolicy(Clinics.Person who, UUID org, PhiPolicy policy) {
        clinics.as(who, () -> policies.change(Actors.current(), org, policy));
    }
}

@OnH2
class PhiPolicyApiOnH2Test extends PhiPolicyApiTest {
}

@OnPostgres
class PhiPolicyApiOnPostgresTest extends PhiPolicyApiTest {
}

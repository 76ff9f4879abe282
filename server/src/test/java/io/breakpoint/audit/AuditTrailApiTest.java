package io.breakpoint.audit;

import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

abstract class AuditTrailApiTest extends ApiTest {

    @Autowired
    List<RequestMappingHandlerMapping> mappings;

    @Test
    void everyTicketReadAndChangeLeavesAnAuditRowWithActorChannelAndAddress() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Outlook keeps asking for the password"));
        String path = "/api/v1/tickets/" + t.path("id").asString();
        api.as(clinics.ava()).get(path).expect(200);
        api.as(clinics.ava()).post(path + "/assign", Map.of("assigneeId", clinics.ava().id())).expect(200);
        api.as(clinics.ava()).post(path + "/comments", Map.of("body", "Resetting your profile.")).expect(201);
        api.as(clinics.ava()).post(path + "/comments", Map.of("body", "MFA token stale", "visibility", "INTERNAL")).expect(201);
        api.as(clinics.ava()).post(path + "/status", Map.of("status", "WAITING_ON_VENDOR")).expect(200);
        api.as(clinics.ava()).post(path + "/classification", Map.of("category", "EMAIL_COLLABORATION")).expect(200);
        api.as(clinics.ava()).post(path + "/escalate", Map.of("toTier", 2, "reason", "Exchange side")).expect(200);
        api.as(clinics.ben()).post(path + "/resolve", Map.of("resolution", "New profile.")).expect(200);
        api.as(clinics.ellis()).get(path).expect(200);
        api.as(clinics.ellis()).post(path + "/reopen", Map.of("reason", "Asks again.")).expect(200);

        JsonNode all = api.as(clinics.mspAdmin()).get("/api/v1/audit?ticketId=" + t.path("id").asString()).expect(200).path("items");
        // The desk's own rows (no actor: an SLA due time moved when the vendor wait ended, which happens only in clinic
        // hours, or routing) depend on the hour the suite runs; this test is about what people did.
        List<JsonNode> rows = all.values().stream().filter(r -> !r.path("actorId").isNull() && !r.path("actorId").asString().isEmpty()).toList();

        assertThat(rows).extracting(r -> r.path("action").asString() + " by " + r.path("actorEmail").asString())
                .containsExactlyInAnyOrder(
                        "TICKET_OPENED by " + clinics.ellis().email(),
                        "TICKET_VIEWED by " + clinics.ava().email(),
                        "TICKET_ASSIGNED by " + clinics.ava().email(),
                        "TICKET_REPLIED by " + clinics.ava().email(),
                        "TICKET_NOTE_ADDED by " + clinics.ava().email(),
                        "TICKET_STATUS_CHANGED by " + clinics.ava().email(),
                        "TICKET_RECLASSIFIED by " + clinics.ava().email(),
                        "TICKET_ESCALATED by " + clinics.ava().email(),
                        "TICKET_RESOLVED by " + clinics.ben().email(),
                        "TICKET_VIEWED by " + clinics.ellis().email(),
                        "TICKET_REOPENED by " + clinics.ellis().email());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.path("channel").asString()).isEqualTo("API");
            assertThat(r.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(r.path("organizationId").asString()).isEqualTo(clinics.riverbend().toString());
            assertThat(r.path("actorId").asString()).isIn(clinics.ellis().id().toString(), clinics.ava().id().toString(),
                    clinics.ben().id().toString());
        });
    }

    @Test
    void listingTicketsIsAudited() {
        long before = auditRowsBy(clinics.grant().id());
        api.as(clinics.grant()).get("/api/v1/tickets").expect(200);
        assertThat(auditRowsBy(clinics.grant().id())).isEqualTo(before + 1);
    }

    @Test
    void anOrgAdminSeesOnlyTheirOrganizationsAuditRows() {
        JsonNode lakesideTicket = opens(clinics.ivy(), aTicket().about("Vaccine fridge monitor offline"));
        opens(clinics.ellis(), aTicket().about("Fax not received"));

        JsonNode grants = api.as(clinics.grant()).get("/api/v1/audit?limit=500").expect(200).path("items");
        assertThat(grants.values()).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("organizationId").asString()).isEqualTo(clinics.riverbend().toString()));
        assertThat(api.as(clinics.grant()).get("/api/v1/audit?ticketId=" + lakesideTicket.path("id").asString())
                .expect(200).path("items").values()).isEmpty();
        assertThat(api.as(clinics.grant()).get("/api/v1/audit?organizationId=" + clinics.lakeside())
                .expect(200).path("items").values()).isEmpty();

        JsonNode jones = api.as(clinics.jones()).get("/api/v1/audit?ticketId=" + lakesideTicket.path("id").asString())
                .expect(200).path("items");
        assertThat(jones.values()).extracting(r -> r.path("action").asString()).contains("TICKET_OPENED");
    }

    @Test
    void onlyAdminsReadTheAuditTrail() {
        for (var p : List.of(clinics.ellis(), clinics.hale(), clinics.ava(), clinics.dan())) {
            Api.Response r = api.as(p).get("/api/v1/audit");
            assertThat(r.status()).as(p.role().name()).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
    }

    @Test
    void noRouteUpdatesOrDeletesAuditRows() {
        // Counted by this admin, once signed in (signing in is audited): the desk may add rows of its own meanwhile
        // (routing after commit, in shift hours).
        Api.Caller admin = api.as(clinics.mspAdmin());
        long rows = auditRowsBy(clinics.mspAdmin().id());
        for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
            for (String path : List.of("/api/v1/audit", "/api/v1/audit/1")) {
                Api.Response r = admin.send(method, path, "{}");
                assertThat(r.status()).as("%s %s", method, path).isIn(404, 405);
            }
        }
        assertThat(auditRowsBy(clinics.mspAdmin().id())).isEqualTo(rows);

        // And no handler anywhere accepts anything but GET for an audit path.
        for (RequestMappingHandlerMapping m : mappings) {
            m.getHandlerMethods().forEach((info, handler) -> {
                boolean audit = info.getPatternValues().stream().anyMatch(p -> p.contains("audit"));
                if (audit) {
                    assertThat(info.getMethodsCondition().getMethods()).as(info.toString()).isEqualTo(Set.of(RequestMethod.GET));
                }
            });
        }
    }

    private long auditRowsBy(UUID actor) {
        return jdbc.sql("select count(*) from audit_events where actor_id = ?").param(actor).query(Long.class).single();
    }
}

@OnH2
class AuditTrailApiOnH2Test extends AuditTrailApiTest {
}

@OnPostgres
class AuditTrailApiOnPostgresTest extends AuditTrailApiTest {
}

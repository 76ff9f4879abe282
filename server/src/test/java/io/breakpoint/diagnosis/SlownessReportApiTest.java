package io.breakpoint.diagnosis;

import io.breakpoint.agent.protocol.*;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-click report as the agent sends it: device credentials, a burst, and a ticket that carries the diagnosis. */
abstract class SlownessReportApiTest extends ApiTest {

    private record Device(UUID id, String authorization) {
    }

    private Device enrolled(UUID siteId, String hostname) {
        String code = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + siteId + "/enrollment-codes", Map.of()).expect(201)
                .path("code").asString();
        JsonNode r = api.anonymous().post("/api/v1/agent/enrollments", Map.of("code", code, "hostname", hostname)).expect(201);
        UUID id = UUID.fromString(r.path("deviceId").asString());
        return new Device(id, new DeviceCredentials(id, r.path("secret").asString()).authorizationHeader());
    }

    private static List<Sample> burst(int n) {
        List<Sample> out = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            out.add(new Sample(UUID.randomUUID(), now.minusSeconds(10 - i), now, "10.20.1.15", null,
                    new DeviceState(0.3, 0.5, 0.6, List.of()),
                    List.of(new ProbeResult("GATEWAY", "10.20.1.1:443", null, 2.0, null, null, null, 3, 0, 0.4, null),
                            new ProbeResult("EMR", "https://emr.example.com", 5.0, 20.0, 30.0, 180.0, 220.0, 1, 0, null, null)),
                    null, null, true));
        }
        return out;
    }

    private Api.Response report(Device d, UUID path, Object body) {
        return api.anonymous().post("/api/v1/devices/" + path + "/slowness-reports", body, "Authorization", d.authorization());
    }

    @Test
    void aReportOpensAnEmrPerformanceTicketForTheUserWithTheEvidenceForEngineersOnly() {
        Device d = enrolled(clinics.chesterfield(), "CHES-EXAM-9");

        JsonNode receipt = report(d, d.id(), new SlownessReport("Charts take a minute to open", clinics.ellis().email(), burst(3)))
                .expect(201);

        assertThat(receipt.path("breakpoint").asString()).isEqualTo("INSUFFICIENT_DATA"); // a device enrolled a minute ago
        assertThat(receipt.path("summary").asString()).isNotBlank();
        String ticket = "/api/v1/tickets/" + receipt.path("ticketId").asString();
        JsonNode asEngineer = api.as(clinics.ben()).get(ticket).expect(200);
        assertThat(asEngineer.path("category").asString()).isEqualTo("EMR_PERFORMANCE");
        assertThat(asEngineer.path("requester").path("id").asString()).isEqualTo(clinics.ellis().id().toString());
        assertThat(asEngineer.toString()).contains("Breakpoint diagnosis: INSUFFICIENT_DATA").contains("CHES-EXAM-9");
        JsonNode asRequester = api.as(clinics.ellis()).get(ticket).expect(200);
        assertThat(asRequester.toString()).doesNotContain("Breakpoint diagnosis:").contains(receipt.path("summary").asString());
        assertThat(asRequester.path("firstResponseAt").isNull()).as("the desk's automatic line is no first response").isTrue();
        assertThat(api.as(clinics.ben()).get("/api/v1/diagnosis/tickets/" + receipt.path("ticketId").asString()).expect(200)
                .path("deviceId").asString()).isEqualTo(d.id().toString());
    }

    @Test
    void theAgentRetryingTheSameReportGetsTheSameTicket() {
        Device d = enrolled(clinics.chesterfield(), "CHES-EXAM-10");
        SlownessReport r = new SlownessReport(null, clinics.ellis().email(), burst(2));

        JsonNode first = report(d, d.id(), r).expect(201);
        JsonNode again = report(d, d.id(), r).expect(201);

        assertThat(again.path("ticketId").asString()).isEqualTo(first.path("ticketId").asString());
        assertThat(jdbc.sql("select count(*) from slowness_reports where device_id = ?").param(d.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAKnownUserTheTicketGoesToTheSitesPracticeManagerNotToSomeoneElsesOrganization() {
        Device d = enrolled(clinics.mainCampus(), "MAIN-EXAM-9");

        JsonNode receipt = report(d, d.id(), new SlownessReport("slow", clinics.ivy().email(), List.of())).expect(201);

        JsonNode ticket = api.as(clinics.mspAdmin()).get("/api/v1/tickets/" + receipt.path("ticketId").asString()).expect(200);
        assertThat(ticket.path("requester").path("id").asString()).isEqualTo(clinics.grant().id().toString());
        assertThat(ticket.path("organizationId").asString()).isEqualTo(clinics.riverbend().toString());
    }

    @Test
    void badReportsAreRefusedWithProblemDetailsAndOpenNothing() {
        Device d = enrolled(clinics.chesterfield(), "CHES-EXAM-11");
        Device other = enrolled(clinics.chesterfield(), "CHES-EXAM-12");
        long tickets = count("tickets");

        List<Api.Response> answers = List.of(
                report(d, other.id(), new SlownessReport(null, null, List.of())),
                report(d, d.id(), new SlownessReport("x".repeat(2001), null, List.of())),
                report(d, d.id(), new SlownessReport(null, null, burst(31))),
                report(d, d.id(), "{\"note\": 5, \"burst\": \"many\"}"),
                api.anonymous().post("/api/v1/devices/" + d.id() + "/slowness-reports", new SlownessReport(null, null, List.of())),
                api.as(clinics.ellis()).post("/api/v1/devices/" + d.id() + "/slowness-reports", new SlownessReport(null, null, List.of())));

        assertThat(answers).extracting(Api.Response::status).containsExactly(403, 400, 400, 400, 401, 401);
        assertThat(answers).allMatch(Api.Response::isProblem);
        assertThat(count("tickets")).isEqualTo(tickets);
    }
}

@OnH2
class SlownessReportApiOnH2Test extends SlownessReportApiTest {
}

@OnPostgres
class SlownessReportApiOnPostgresTest extends SlownessReportApiTest {
}

package io.breakpoint.diagnosis;

import io.breakpoint.agent.protocol.*;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-click report as the agent sends it: device credentials, a burst, and a ticket that carries the diagnosis. */
abstract class SlownessReportApiTest extends ApiTest {

    @Autowired
    Administration admin;

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

    /**
     * Issue 4, item 4: "Many reports from one site in a short time join one major incident". The reports' tickets are
     * opened through the ticket desk like any other, so the incidents module's burst detection sees them: five from
     * one site within the window (docs/decisions/0010) make one incident that links all five.
     */
    @Test
    void fiveReportsFromOneSiteInAFewMinutesJoinOneMajorIncident() {
        UUID[] made = new UUID[2];
        String n = "Slowness Clinic " + UUID.randomUUID().toString().substring(0, 8);
        clinics.asMspAdmin(() -> made[0] = admin.createOrganization(n, false));
        clinics.asMspAdmin(() -> made[1] = admin.createSite(made[0], "West Clinic", "America/Chicago", Map.of(), Map.of()));
        String email = "pm." + UUID.randomUUID().toString().substring(0, 6) + "@slowness.test";
        clinics.asMspAdmin(() -> admin.createPerson(new NewPerson(email, "Pia Manager", Role.ORG_ADMIN, made[0], made[1], Set.of(),
                Clinics.PASSWORD)));

        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Device d = enrolled(made[1], "WEST-EXAM-" + i);
            tickets.add(report(d, d.id(), new SlownessReport("Charts take a minute to open", email, burst(1))).expect(201)
                    .path("ticketId").asString());
        }

        JsonNode incident = incidentLinking(tickets);
        assertThat(incident.path("category").asString()).isEqualTo("EMR_PERFORMANCE");
        assertThat(incident.path("siteName").asString()).isEqualTo("West Clinic");
        assertThat(api.as(clinics.mspAdmin()).get("/api/v1/incidents").expect(200).values().stream()
                .filter(i -> i.path("organizationId").asString().equals(made[0].toString())).count())
                .as("one incident for the five reports").isEqualTo(1);
    }

    /** The incident whose tickets include all of these, waiting for detection (after commit, on another thread). */
    private JsonNode incidentLinking(List<String> tickets) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            for (JsonNode i : api.as(clinics.mspAdmin()).get("/api/v1/incidents").expect(200).values()) {
                JsonNode d = api.as(clinics.mspAdmin()).get("/api/v1/incidents/" + i.path("id").asString()).expect(200);
                List<String> linked = d.path("tickets").values().stream().map(t -> t.path("id").asString()).toList();
                if (linked.containsAll(tickets)) return i;
            }
            if (System.nanoTime() > until) throw new AssertionError("the five reports' tickets joined no single incident");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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

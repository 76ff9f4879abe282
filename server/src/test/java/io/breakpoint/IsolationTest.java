package io.breakpoint;

import io.breakpoint.testing.Api;
import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.*;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2, point 6: a user never sees or changes anything of another organization; such ids answer exactly as ids
 * that do not exist. This walks every API route that Spring knows, with a person of every role of organization A
 * (Riverbend Health: its requester, practice manager and own IT, and the MSP's Tier 1-3 engineers and vCIO who serve
 * only Riverbend), against the ticket, site, organization and people of organization B (Lakeside Pediatrics).
 * <ul>
 * <li>A route with an id (path, body or filter) is called twice: with B's id and with a random one. Both answers
 * must be the same, status and body (with the id itself masked), and must mention nothing of B.</li>
 * <li>A list is called without filters and must mention nothing of B.</li>
 * <li>A route this test does not know fails the test, so no new route ships unclassified: add its probes below.</li>
 * </ul>
 * MSP_ADMIN is left out by design: it is the MSP-wide role and sees every client organization of its MSP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IsolationTest extends ApiTest {

    @Autowired
    List<RequestMappingHandlerMapping> mappings;

    private JsonNode foreignTicket;
    private JsonNode foreignResolved;
    private final Map<Person, String> ownTicket = new HashMap<>();
    /** Strings that only B's objects have: if any reaches an A user, B leaked. */
    private final Set<String> foreignMarkers = new LinkedHashSet<>();

    /** A request that names a thing by {@code id}. */
    private record Named(String what, BiFunction<Api.Caller, String, Response> send, Function<IsolationTest, String> foreignId) {
    }

    /** A request that names nothing; what it lists must not include B. */
    private record Listing(String what, Function<Api.Caller, Response> send) {
    }

    /** The probes of each route, by "METHOD pattern". */
    private Map<String, List<Object>> probes() {
        Map<String, List<Object>> p = new TreeMap<>();
        String t = "/api/v1/tickets/";
        p.put("POST /api/v1/auth/token", List.of(
                new Named("sign-in of B's requester with a wrong password", (c, email) -> api.anonymous().post(
                        "/api/v1/auth/token", Map.of("username", email, "password", "wrong-password-1")),
                        s -> s.clinics.ivy().email())));
        p.put("POST /api/v1/auth/logout", List.of(
                new Listing("logout acts on the caller's own token only", c -> api.anonymous().post("/api/v1/auth/logout", null))));
        // Sign-in security (issue 5): tokens are listed and revoked by their owner, or by an MSP admin only.
        p.put("GET /api/v1/auth/tokens", List.of(
                new Listing("my own tokens", c -> c.get("/api/v1/auth/tokens")),
                new Named("B's person's tokens", (c, id) -> c.get("/api/v1/auth/tokens?userId=" + id), s -> s.clinics.ivy().id().toString())));
        p.put("DELETE /api/v1/auth/tokens/{id}", List.of(
                new Named("revoke a token of B's person", (c, id) -> c.send("DELETE", "/api/v1/auth/tokens/0123456789abcdef?userId=" + id, null),
                        s -> s.clinics.ivy().id().toString())));
        p.put("POST /api/v1/tickets", List.of(
                new Named("submit at B's site", (c, id) -> c.post("/api/v1/tickets", aTicket().with("siteId", id).json()),
                        s -> s.clinics.lakesideClinic().toString())));
        p.put("GET /api/v1/tickets/{id}", List.of(
                new Named("read B's ticket", (c, id) -> c.get(t + id), IsolationTest::foreignTicketId)));
        p.put("GET /api/v1/tickets", List.of(
                new Listing("all my tickets", c -> c.get("/api/v1/tickets?limit=200")),
                new Listing("search for B's subject", c -> c.get("/api/v1/tickets?q=" + "Vaccine%20fridge")),
                new Listing("search for B's ticket number", c -> c.get("/api/v1/tickets?q=BP-" + foreignTicket.path("number").asLong())),
                new Named("filter by B", (c, id) -> c.get("/api/v1/tickets?organizationId=" + id), s -> s.clinics.lakeside().toString()),
                new Named("filter by B's site", (c, id) -> c.get("/api/v1/tickets?siteId=" + id), s -> s.clinics.lakesideClinic().toString()),
                new Named("filter by B's engineer", (c, id) -> c.get("/api/v1/tickets?assigneeId=" + id), s -> s.clinics.lin().id().toString())));
        p.put("POST /api/v1/tickets/{id}/comments", List.of(
                new Named("reply to B's ticket", (c, id) -> c.post(t + id + "/comments", Map.of("body", "Hello")), IsolationTest::foreignTicketId),
                new Named("note on B's ticket", (c, id) -> c.post(t + id + "/comments", Map.of("body", "Hm", "visibility", "INTERNAL")),
                        IsolationTest::foreignTicketId)));
        p.put("POST /api/v1/tickets/{id}/escalate", List.of(
                new Named("escalate B's ticket", (c, id) -> c.post(t + id + "/escalate", Map.of("toTier", 2, "reason", "Because")),
                        IsolationTest::foreignTicketId)));
        p.put("POST /api/v1/tickets/{id}/assign", List.of(
                new Named("take B's ticket", (c, id) -> c.post(t + id + "/assign", Map.of("assigneeId", clinics.ava().id())),
                        IsolationTest::foreignTicketId),
                // Not Lin: MSP engineers are people of the MSP, colleagues of A's engineers, whichever clients they serve.
                new Named("give an own ticket to B's IT", (c, id) -> c.post(t + ownTicket.get(callerOf(c)) + "/assign",
                        Map.of("assigneeId", id)), s -> s.clinics.lee().id().toString())));
        p.put("POST /api/v1/tickets/{id}/resolve", List.of(
                new Named("resolve B's ticket", (c, id) -> c.post(t + id + "/resolve", Map.of("resolution", "Done")),
                        IsolationTest::foreignTicketId)));
        p.put("POST /api/v1/tickets/{id}/reopen", List.of(
                new Named("reopen B's resolved ticket", (c, id) -> c.post(t + id + "/reopen", Map.of("reason", "Again")),
                        s -> s.foreignResolved.path("id").asString())));
        p.put("POST /api/v1/tickets/{id}/status", List.of(
                new Named("set B's ticket waiting", (c, id) -> c.post(t + id + "/status", Map.of("status", "WAITING_ON_VENDOR")),
                        IsolationTest::foreignTicketId)));
        p.put("POST /api/v1/tickets/{id}/classification", List.of(
                new Named("reclassify B's ticket", (c, id) -> c.post(t + id + "/classification", Map.of("priority", "P1")),
                        IsolationTest::foreignTicketId)));
        p.put("GET /api/v1/tickets/{id}/assignable", List.of(
                new Listing("who may take an own ticket", c -> c.get(t + ownTicket.get(callerOf(c)) + "/assignable")),
                new Named("who may take B's ticket", (c, id) -> c.get(t + id + "/assignable"), IsolationTest::foreignTicketId)));
        p.put("GET /api/v1/me", List.of(new Listing("who I am", c -> c.get("/api/v1/me"))));
        p.put("POST /api/v1/triage/preview", List.of(new Listing("preview",
                c -> c.post("/api/v1/triage/preview", Map.of("subject", "Printer jam", "description", "")))));
        p.put("GET /api/v1/metrics/desk", List.of(
                new Listing("my desk metrics", c -> c.get("/api/v1/metrics/desk")),
                new Named("B's metrics", (c, id) -> c.get("/api/v1/metrics/desk?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        p.put("GET /api/v1/metrics/sla", List.of(
                new Listing("my SLA attainment", c -> c.get("/api/v1/metrics/sla")),
                new Named("B's SLA attainment", (c, id) -> c.get("/api/v1/metrics/sla?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        p.put("GET /api/v1/organizations", List.of(new Listing("my organizations", c -> c.get("/api/v1/organizations"))));
        // SLA policies per organization (decision 0012)
        String policy = "/api/v1/organizations/%s/sla-policy";
        Map<String, Object> level = Map.of("firstResponse", Map.of("clock", "CLINIC_TIME", "minutes", 10),
                "resolution", Map.of("clock", "CLINIC_DAYS", "days", 2), "tierTarget", Map.of("clock", "CLINIC_TIME", "minutes", 60),
                "onBreach", "TIER_LEAD");
        p.put("GET /api/v1/organizations/{organizationId}/sla-policy", List.of(
                new Named("read B's SLA policy", (c, id) -> c.get(policy.formatted(id)), s -> s.clinics.lakeside().toString())));
        p.put("PUT /api/v1/organizations/{organizationId}/sla-policy/{priority}", List.of(
                new Named("change B's SLA policy", (c, id) -> c.send("PUT", policy.formatted(id) + "/P3", level), s -> s.clinics.lakeside().toString())));
        p.put("DELETE /api/v1/organizations/{organizationId}/sla-policy/{priority}", List.of(
                new Named("reset B's SLA policy", (c, id) -> c.send("DELETE", policy.formatted(id) + "/P3", null), s -> s.clinics.lakeside().toString())));
        p.put("GET /api/v1/sites", List.of(
                new Listing("my sites", c -> c.get("/api/v1/sites")),
                new Named("B's sites", (c, id) -> c.get("/api/v1/sites?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        p.put("GET /api/v1/audit", List.of(
                new Listing("my audit trail", c -> c.get("/api/v1/audit?limit=500")),
                new Named("audit of B's ticket", (c, id) -> c.get("/api/v1/audit?ticketId=" + id), IsolationTest::foreignTicketId),
                new Named("audit of B's requester", (c, id) -> c.get("/api/v1/audit?userId=" + id), s -> s.clinics.ivy().id().toString()),
                new Named("audit of B", (c, id) -> c.get("/api/v1/audit?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        // telemetry (issue 4): the agent routes take device credentials only, so people's tokens get 401 there;
        // B's device, enrollment code and segment are made on first use, before the walk reads any list.
        String device = foreignTelemetry("device");
        String sites = "/api/v1/sites/";
        Function<IsolationTest, String> bSite = s -> s.clinics.lakesideClinic().toString();
        p.put("POST /api/v1/agent/enrollments", List.of(new Listing("enroll with a code that does not exist", c -> api.anonymous()
                .post("/api/v1/agent/enrollments", Map.of("code", "AAAA-BBBB-CCCC-DDDD", "hostname", "x")))));
        p.put("GET /api/v1/agent/config", List.of(new Listing("agent config with a person's token", c -> c.get("/api/v1/agent/config"))));
        p.put("GET /api/v1/agent/throughput", List.of(new Listing("throughput with a person's token", c -> c.get("/api/v1/agent/throughput"))));
        p.put("POST /api/v1/telemetry", List.of(new Named("telemetry for B's device with a person's token", (c, id) -> c.post(
                "/api/v1/telemetry", Map.of("deviceId", id, "samples", List.of())), s -> device)));
        p.put("GET /api/v1/devices", List.of(
                new Listing("my devices", c -> c.get("/api/v1/devices")),
                new Named("devices of B's site", (c, id) -> c.get("/api/v1/devices?siteId=" + id), bSite)));
        p.put("GET /api/v1/devices/{id}", List.of(new Named("B's device", (c, id) -> c.get("/api/v1/devices/" + id), s -> device)));
        p.put("POST /api/v1/devices/{id}/retire", List.of(new Named("retire B's device", (c, id) -> c.post("/api/v1/devices/" + id + "/retire", null), s -> device)));
        p.put("POST /api/v1/sites/{siteId}/enrollment-codes", List.of(new Named("code for B's site",
                (c, id) -> c.post(sites + id + "/enrollment-codes", Map.of()), bSite)));
        p.put("GET /api/v1/sites/{siteId}/enrollment-codes", List.of(new Named("codes of B's site",
                (c, id) -> c.get(sites + id + "/enrollment-codes"), bSite)));
        p.put("POST /api/v1/enrollment-codes/{id}/revoke", List.of(new Named("revoke B's code",
                (c, id) -> c.post("/api/v1/enrollment-codes/" + id + "/revoke", null), s -> s.foreignTelemetry("code"))));
        p.put("GET /api/v1/sites/{siteId}/segments", List.of(new Named("segments of B's site", (c, id) -> c.get(sites + id + "/segments"), bSite)));
        p.put("POST /api/v1/sites/{siteId}/segments", List.of(new Named("segment at B's site", (c, id) -> c.post(sites + id + "/segments",
                Map.of("name", "Sneaky", "purpose", "GUEST", "cidrs", List.of("10.99.0.0/16"))), bSite)));
        p.put("DELETE /api/v1/segments/{id}", List.of(new Named("delete B's segment", (c, id) -> c.send("DELETE", "/api/v1/segments/" + id, null),
                s -> s.foreignTelemetry("segment"))));
        p.put("GET /api/v1/sites/{siteId}/probe-settings", List.of(new Named("B's probe settings", (c, id) -> c.get(sites + id + "/probe-settings"), bSite)));
        p.put("PUT /api/v1/sites/{siteId}/probe-settings", List.of(new Named("change B's probe settings",
                (c, id) -> c.send("PUT", sites + id + "/probe-settings", Map.of("edgeHost", "evil.example")), bSite)));
        // diagnosis (issue 4): B's site, device and ticket answer exactly as ids that do not exist
        String dg = "/api/v1/diagnosis/";
        p.put("GET /api/v1/diagnosis/sites/{id}", List.of(
                new Named("diagnose B's site", (c, id) -> c.get(dg + "sites/" + id), s -> s.clinics.lakesideClinic().toString()),
                new Named("diagnose B's site over a window", (c, id) -> c.get(dg + "sites/" + id + "?from=2026-01-01T00:00:00Z&to=2026-01-01T06:00:00Z"),
                        s -> s.clinics.lakesideClinic().toString())));
        p.put("GET /api/v1/sites/{id}/diagnosis", List.of(
                new Named("diagnose B's site (PRODUCT.md's route)", (c, id) -> c.get("/api/v1/sites/" + id + "/diagnosis"),
                        s -> s.clinics.lakesideClinic().toString())));
        p.put("GET /api/v1/diagnosis/devices/{id}", List.of(
                new Named("diagnose B's device", (c, id) -> c.get(dg + "devices/" + id), s -> s.foreignTelemetry("device"))));
        p.put("POST /api/v1/devices/{id}/slowness-reports", List.of(new Named("slowness report for B's device with a person's token",
                (c, id) -> c.post("/api/v1/devices/" + id + "/slowness-reports", Map.of("note", "slow")), s -> s.foreignTelemetry("device"))));
        p.put("GET /api/v1/diagnosis/tickets/{id}", List.of(
                new Named("diagnose B's ticket", (c, id) -> c.get(dg + "tickets/" + id), IsolationTest::foreignTicketId)));
        // Major incidents (docs/decisions/0010): B's own incident, and one shared by A and B that A's people may read
        // (through A's ticket) but whose B ticket they must never see, link, unlink, answer or resolve.
        String in = "/api/v1/incidents/";
        p.put("GET /api/v1/incidents", List.of(
                new Listing("my incidents", c -> c.get("/api/v1/incidents")),
                new Listing("my open incidents", c -> c.get("/api/v1/incidents?status=OPEN"))));
        p.put("POST /api/v1/incidents", List.of(
                new Named("declare an incident of B's ticket", (c, id) -> c.post("/api/v1/incidents",
                        Map.of("title", "Outage", "ticketIds", List.of(id))), IsolationTest::foreignTicketId)));
        p.put("GET /api/v1/incidents/{id}", List.of(
                new Named("read B's incident", (c, id) -> c.get(in + id), s -> s.foreignIncident),
                new Listing("read the shared incident", c -> c.get(in + sharedIncident))));
        p.put("POST /api/v1/incidents/{id}/tickets", List.of(
                new Named("link to B's incident", (c, id) -> c.post(in + id + "/tickets", Map.of("ticketId", ownTicket.get(callerOf(c)))),
                        s -> s.foreignIncident),
                new Named("link B's ticket to the shared incident", (c, id) -> c.post(in + sharedIncident + "/tickets",
                        Map.of("ticketId", id)), IsolationTest::foreignTicketId)));
        p.put("DELETE /api/v1/incidents/{id}/tickets/{ticketId}", List.of(
                new Named("unlink from B's incident", (c, id) -> c.send("DELETE", in + id + "/tickets/" + ownTicket.get(callerOf(c)), null),
                        s -> s.foreignIncident),
                new Named("unlink B's ticket from the shared incident", (c, id) -> c.send("DELETE", in + sharedIncident + "/tickets/" + id, null),
                        s -> s.sharedForeignTicket)));
        p.put("POST /api/v1/incidents/{id}/replies", List.of(
                new Named("answer B's incident", (c, id) -> c.post(in + id + "/replies", Map.of("body", "Hello")), s -> s.foreignIncident),
                new Listing("answer everyone of the shared incident", c -> c.post(in + sharedIncident + "/replies", Map.of("body", "Hello")))));
        p.put("POST /api/v1/incidents/{id}/resolve", List.of(
                new Named("resolve B's incident", (c, id) -> c.post(in + id + "/resolve", Map.of("resolution", "Done")), s -> s.foreignIncident),
                new Listing("resolve the shared incident", c -> c.post(in + sharedIncident + "/resolve", Map.of("resolution", "Done")))));
        p.put("PUT /api/v1/incidents/{id}/owner", List.of(
                new Named("take B's incident", (c, id) -> c.send("PUT", in + id + "/owner", Map.of("ownerId", callerOf(c).id().toString())),
                        s -> s.foreignIncident),
                new Named("hand the shared incident to B's IT", (c, id) -> c.send("PUT", in + sharedIncident + "/owner",
                        Map.of("ownerId", id)), s -> s.clinics.lee().id().toString())));
        compliance(p);
        // Tamper-evident audit and PHI detection (issue 5, items 4 and 5).
        p.put("GET /api/v1/audit/export", List.of(
                new Listing("export of today's audit records", c -> c.get("/api/v1/audit/export?from="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
                new Listing("export as CSV", c -> c.get("/api/v1/audit/export?from=2020-01-01&to=2099-12-31&format=csv"))));
        return p;
    }

    private final Map<String, String> telemetryForeign = new HashMap<>();

    /** B's telemetry objects, made through the API as B's practice manager (and B's enrollment code for the device). */
    private String foreignTelemetry(String what) {
        return telemetryForeign.computeIfAbsent(what, w -> {
            Api a = Api.at(port);
            String site = "/api/v1/sites/" + clinics.lakesideClinic();
            if (w.equals("code")) return a.as(clinics.jones()).post(site + "/enrollment-codes", Map.of()).expect(201).path("id").asString();
            if (w.equals("segment")) return a.as(clinics.jones()).post(site + "/segments", Map.of("name", "Lakeside guest " + UUID.randomUUID(),
                    "purpose", "GUEST", "cidrs", List.of("192.168.77.0/24"))).expect(201).path("id").asString();
            String code = a.as(clinics.jones()).post(site + "/enrollment-codes", Map.of()).expect(201).path("code").asString();
            return a.anonymous().post("/api/v1/agent/enrollments", Map.of("code", code, "hostname", "Lakeside-Front-1"))
                    .expect(201).path("deviceId").asString();
        });
    }

    /** The compliance workspace (issue 5, item 8): B's organization and B's assessment, by every role of A. */
    private void compliance(Map<String, List<Object>> p) {
        String c = "/api/v1/compliance/";
        Function<IsolationTest, String> org = s -> s.clinics.lakeside().toString();
        Function<IsolationTest, String> assessment = s -> s.foreignAssessment;
        p.put("GET /api/v1/compliance/organizations/{organizationId}/assessments", List.of(
                new Named("B's assessments", (x, id) -> x.get(c + "organizations/" + id + "/assessments"), org)));
        p.put("POST /api/v1/compliance/organizations/{organizationId}/assessments", List.of(
                new Named("start an assessment of B", (x, id) -> x.post(c + "organizations/" + id + "/assessments", null), org)));
        p.put("GET /api/v1/compliance/organizations/{organizationId}/evidence", List.of(
                new Named("B's evidence", (x, id) -> x.get(c + "organizations/" + id + "/evidence"), org)));
        p.put("GET /api/v1/compliance/organizations/{organizationId}/self-audit", List.of(
                new Named("B's self-audit", (x, id) -> x.get(c + "organizations/" + id + "/self-audit"), org)));
        p.put("GET /api/v1/compliance/assessments/{id}", List.of(
                new Named("read B's assessment", (x, id) -> x.get(c + "assessments/" + id), assessment)));
        p.put("POST /api/v1/compliance/assessments/{id}/answers", List.of(
                new Named("answer in B's assessment", (x, id) -> x.post(c + "assessments/" + id + "/answers",
                        Map.of("citation", "164.312(d)", "answer", "NO")), assessment)));
        p.put("POST /api/v1/compliance/assessments/{id}/remediations", List.of(
                new Named("plan in B's assessment", (x, id) -> x.post(c + "assessments/" + id + "/remediations",
                        Map.of("citation", "164.312(d)", "action", "Nothing", "dueOn", "2027-01-01")), assessment)));
        p.put("POST /api/v1/compliance/assessments/{id}/complete", List.of(
                new Named("complete B's assessment", (x, id) -> x.post(c + "assessments/" + id + "/complete", null), assessment)));
        p.put("GET /api/v1/compliance/assessments/{id}/csf", List.of(
                new Named("B's CSF view", (x, id) -> x.get(c + "assessments/" + id + "/csf"), assessment)));
        p.put("GET /api/v1/compliance/assessments/{id}/comparison", List.of(
                new Named("B's comparison", (x, id) -> x.get(c + "assessments/" + id + "/comparison"), assessment)));
        p.put("GET /api/v1/compliance/assessments/{id}/report", List.of(
                new Named("B's report", (x, id) -> x.get(c + "assessments/" + id + "/report"), assessment)));
        p.put("GET /api/v1/compliance/assessments/{id}/report.pdf", List.of(
                new Named("B's PDF report", (x, id) -> x.get(c + "assessments/" + id + "/report.pdf"), assessment)));
    }

    private String foreignAssessment;

    private final Map<Api.Caller, Person> callers = new IdentityHashMap<>();

    private Person callerOf(Api.Caller c) {
        return callers.get(c);
    }

    private String foreignTicketId() {
        return foreignTicket.path("id").asString();
    }

    @BeforeAll
    void foreignAndOwnObjects() {
        Api api = Api.at(port);
        foreignTicket = api.as(clinics.ivy()).post("/api/v1/tickets", aTicket().about("Vaccine fridge monitor offline")
                .describedAs("The fridge in the Lakeside vaccine room shows no temperature.").json()).expect(201);
        api.as(clinics.lin()).post("/api/v1/tickets/" + foreignTicket.path("id").asString() + "/assign",
                Map.of("assigneeId", clinics.lin().id())).expect(200);
        api.as(clinics.lin()).post("/api/v1/tickets/" + foreignTicket.path("id").asString() + "/comments",
                Map.of("body", "Lakeside internal: sensor battery", "visibility", "INTERNAL")).expect(201);
        foreignResolved = api.as(clinics.jones()).post("/api/v1/tickets", aTicket().about("Lakeside check-in kiosk frozen").json()).expect(201);
        api.as(clinics.lee()).post("/api/v1/tickets/" + foreignResolved.path("id").asString() + "/resolve",
                Map.of("resolution", "Rebooted the kiosk.")).expect(200);

        for (Person p : clinics.riverbendRoles()) {
            // A ticket of Riverbend that p may work on or read; MSP staff do not submit tickets of their own.
            Person requester = p.role().isMspRole() ? clinics.fox() : p;
            JsonNode mine = api.as(requester).post("/api/v1/tickets",
                    aTicket().about("Own ticket for " + p.role()).json()).expect(201);
            ownTicket.put(p, mine.path("id").asString());
        }

        Response started = api.as(clinics.jones()).post("/api/v1/compliance/organizations/" + clinics.lakeside() + "/assessments", null);
        foreignAssessment = started.status() == 201 ? started.json().path("id").asString()
                : api.as(clinics.jones()).get("/api/v1/compliance/organizations/" + clinics.lakeside() + "/assessments").expect(200).get(0).path("id").asString();
        api.as(clinics.jones()).post("/api/v1/compliance/assessments/" + foreignAssessment + "/answers",
                Map.of("citation", "164.312(d)", "answer", "PARTIAL", "evidence", "Lakeside MFA rollout")).expect(200);

        foreignMarkers.addAll(List.of(clinics.lakeside().toString(), clinics.lakesideClinic().toString(), "Lakeside",
                foreignTicket.path("id").asString(), foreignResolved.path("id").asString(), "Vaccine fridge", "kiosk"));
        for (Person p : clinics.lakesidePeople()) {
            foreignMarkers.add(p.id().toString());
            foreignMarkers.add(p.email());
        }
    }

    private String foreignIncident, sharedIncident, sharedForeignTicket;

    @BeforeAll
    void foreignAndSharedIncidents() {
        Api api = Api.at(port);
        String lakesideOnly = api.as(clinics.ivy()).post("/api/v1/tickets", aTicket().about("Laptop request for the new Lakeside nurse")
                .describedAs("Please order a laptop for the nurse who starts Monday.").json()).expect(201).path("id").asString();
        foreignIncident = api.as(clinics.lin()).post("/api/v1/incidents", Map.of("title", "Lakeside laptop rollout",
                "ticketIds", List.of(lakesideOnly))).expect(201).path("incident").path("id").asString();
        String riverbends = api.as(clinics.fox()).post("/api/v1/tickets", aTicket().about("New hire needs an EMR account")
                .describedAs("Our new medical assistant starts Monday.").json()).expect(201).path("id").asString();
        sharedForeignTicket = api.as(clinics.ivy()).post("/api/v1/tickets", aTicket().about("New Lakeside hire needs an account")
                .describedAs("Lakeside front desk hire starts Monday.").json()).expect(201).path("id").asString();
        sharedIncident = api.as(clinics.mspAdmin()).post("/api/v1/incidents", Map.of("title", "Onboarding backlog",
                "ticketIds", List.of(riverbends, sharedForeignTicket))).expect(201).path("incident").path("id").asString();
        foreignMarkers.addAll(List.of(foreignIncident, lakesideOnly, sharedForeignTicket, "laptop rollout"));
    }

    @Test
    void theForeignObjectsExistForThoseWhoMaySeeThem() {
        // Without this the walk below could pass against objects that are missing.
        assertThat(api.as(clinics.mspAdmin()).get("/api/v1/tickets/" + foreignTicketId()).status()).isEqualTo(200);
        assertThat(api.as(clinics.lin()).get("/api/v1/tickets/" + foreignTicketId()).status()).isEqualTo(200);
        assertThat(api.as(clinics.jones()).get("/api/v1/sites").body()).contains(clinics.lakesideClinic().toString());
        assertThat(api.as(clinics.jones()).get("/api/v1/audit?limit=500").body()).contains(foreignTicketId());
    }

    @Test
    void everyApiRouteIsKnownToThisWalk() {
        assertThat(probes().keySet()).as("routes that need probes in IsolationTest").containsAll(apiRoutes());
        assertThat(apiRoutes()).as("probes of routes that no longer exist").containsAll(probes().keySet());
    }

    @Test
    void noRoleOfOneOrganizationSeesOrChangesAnythingOfAnother() {
        long foreignTickets = foreignTicketRows();
        long foreignEntries = foreignEntryRows();
        Map<String, List<Object>> probes = probes();
        List<String> failures = new ArrayList<>();
        for (String route : apiRoutes()) {
            List<Object> checks = probes.get(route);
            if (checks == null) {
                failures.add(route + ": no probe; classify it in IsolationTest");
                continue;
            }
            for (Person p : clinics.riverbendRoles()) {
                Api.Caller caller = api.as(p);
                callers.put(caller, p);
                for (Object check : checks) {
                    String where = route + " as " + p.role() + " (" + p.email() + "): ";
                    if (check instanceof Named n) {
                        String foreignId = n.foreignId().apply(this);
                        String randomId = foreignId.contains("@") ? "nobody-" + UUID.randomUUID() + "@lakeside.test"
                                : UUID.randomUUID().toString();
                        Response foreign = n.send().apply(caller, foreignId);
                        Response none = n.send().apply(caller, randomId);
                        String f = foreign.body().replace(foreignId, "<id>");
                        String x = none.body().replace(randomId, "<id>");
                        if (foreign.status() != none.status() || !f.equals(x)) {
                            failures.add(where + n.what() + ": B's id answered " + foreign.status() + " " + f
                                    + " but a nonexistent id " + none.status() + " " + x);
                        }
                        leaks(where + n.what(), f, failures);
                    } else {
                        Listing l = (Listing) check;
                        Response r = l.send().apply(caller);
                        if (r.status() >= 500) failures.add(where + l.what() + ": " + r.status());
                        leaks(where + l.what(), r.body(), failures);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(foreignTicketRows()).as("no ticket was opened in B").isEqualTo(foreignTickets);
        assertThat(foreignEntryRows()).as("nothing was written to B's tickets").isEqualTo(foreignEntries);
        assertThat(api.as(clinics.jones()).get("/api/v1/compliance/assessments/" + foreignAssessment).expect(200).path("status").asString())
                .as("B's assessment is still in progress").isEqualTo("IN_PROGRESS");
    }

    private void leaks(String where, String body, List<String> failures) {
        for (String m : foreignMarkers) {
            if (body.contains(m)) failures.add(where + ": the answer mentions B's " + m + ": " + body);
        }
    }

    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping m : mappings) {
            m.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/api/"))
                    .forEach(pattern -> {
                        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                        if (methods.isEmpty()) routes.add("ANY " + pattern);
                        methods.forEach(method -> routes.add(method + " " + pattern));
                    }));
        }
        return routes;
    }

    private long foreignTicketRows() {
        return jdbc.sql("select count(*) from tickets where organization_id = ?").param(clinics.lakeside()).query(Long.class).single();
    }

    private long foreignEntryRows() {
        return jdbc.sql("select count(*) from ticket_entries e join tickets t on t.id = e.ticket_id where t.organization_id = ?")
                .param(clinics.lakeside()).query(Long.class).single();
    }
}

@OnH2
class IsolationOnH2Test extends IsolationTest {
}

@OnPostgres
class IsolationOnPostgresTest extends IsolationTest {
}

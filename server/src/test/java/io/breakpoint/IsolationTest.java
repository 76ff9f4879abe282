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
        p.put("GET /api/v1/sites", List.of(
                new Listing("my sites", c -> c.get("/api/v1/sites")),
                new Named("B's sites", (c, id) -> c.get("/api/v1/sites?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        p.put("GET /api/v1/audit", List.of(
                new Listing("my audit trail", c -> c.get("/api/v1/audit?limit=500")),
                new Named("audit of B's ticket", (c, id) -> c.get("/api/v1/audit?ticketId=" + id), IsolationTest::foreignTicketId),
                new Named("audit of B's requester", (c, id) -> c.get("/api/v1/audit?userId=" + id), s -> s.clinics.ivy().id().toString()),
                new Named("audit of B", (c, id) -> c.get("/api/v1/audit?organizationId=" + id), s -> s.clinics.lakeside().toString())));
        // Tamper-evident audit and PHI detection (issue 5, items 4 and 5).
        p.put("GET /api/v1/audit/export", List.of(
                new Listing("export of today's audit records", c -> c.get("/api/v1/audit/export?from="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
                new Listing("export as CSV", c -> c.get("/api/v1/audit/export?from=2020-01-01&to=2099-12-31&format=csv"))));
        return p;
    }

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

        foreignMarkers.addAll(List.of(clinics.lakeside().toString(), clinics.lakesideClinic().toString(), "Lakeside",
                foreignTicket.path("id").asString(), foreignResolved.path("id").asString(), "Vaccine fridge", "kiosk"));
        for (Person p : clinics.lakesidePeople()) {
            foreignMarkers.add(p.id().toString());
            foreignMarkers.add(p.email());
        }
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

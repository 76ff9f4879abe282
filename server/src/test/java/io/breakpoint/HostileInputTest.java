package io.breakpoint;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.tickets.internal.SubmissionLimit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 7: every route the application maps (found from its handler mappings, as IsolationTest does) gets
 * hostile input: script injection, SQL meta-characters, NUL and odd Unicode, oversized and deeply nested JSON,
 * malformed UTF-8, wrong content types, and path tricks (../, encoded slashes, very long paths). Each answer must be
 * a clean 4xx (a problem on the API) or a correct result, never a 500; reflected input comes back escaped; stored
 * input shows inert on every main page; and nothing of the other organization (Lakeside) changes.
 * Objects a route may rename, disable or re-password are throwaways made for this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputTest extends ApiTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "\"><img src=x onerror=\"window.__xss=1\">";
    static final String XSS = "Hostile " + SCRIPT + IMG + "'";
    /** What must never appear in an HTML answer: the markup of the payloads, unescaped. */
    static final List<String> RAW = List.of("<script>window.__xss", "<img src=x onerror");
    static final List<String> STRINGS = List.of(XSS, "' OR '1'='1' -- ", "\"; DROP TABLE tickets; --", "a\u0000b",
            "../../../../etc/passwd", "%2e%2e%2f%00", "[[${7*7}]] ${T(java.lang.Runtime).getRuntime()}",
            "\uD83D\uDE00 \u202E\u0301 \uFFFF", "x".repeat(70_000));
    static final List<String> PATH_TRICKS = List.of("..%2F..%2Fadmin", "%2e%2e%2f%2e%2e%2f", "..;", "%252e%252e%252f",
            "%00", "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a".repeat(9_000), "%C0%AE%C0%AE%2F", "%FF%FE");

    @Autowired
    List<RequestMappingHandlerMapping> mappings;
    @Autowired
    Administration admin;
    @Autowired
    Directory directory;
    @Autowired
    SubmissionLimit limit;

    private final HttpClient http = HttpClient.newHttpClient();
    private UUID hostileOrg, hostileSite, target, ticket, assessment;
    private String riverbendHelp;
    private final Map<Person, WebSession> sessions = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    record Route(RequestMethod method, String pattern, HandlerMethod handler) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeAll
    void throwaways() {
        Api api = Api.at(port);
        clinics.asMspAdmin(() -> {
            hostileOrg = admin.createOrganization("Hostile Input Clinic " + UUID.randomUUID().toString().substring(0, 6), false);
        });
        clinics.asMspAdmin(() -> {
            hostileSite = admin.createSite(hostileOrg, "Hostile Site", "America/Chicago",
                    Map.of(DayOfWeek.MONDAY, new io.breakpoint.identity.ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(17, 0))), Map.of());
            target = admin.createPerson(new NewPerson("target." + UUID.randomUUID().toString().substring(0, 8) + "@riverbend.test",
                    "Hostile Target", Role.REQUESTER, clinics.riverbend(), clinics.mainCampus(), Set.of(), Clinics.PASSWORD));
        });
        riverbendHelp = directory.accountHelp(clinics.riverbend()).orElse("");
        ticket = id(api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about("Hostile input target").json()).expect(201));
        JsonNode history = api.as(clinics.grant()).get("/api/v1/compliance/organizations/" + clinics.riverbend() + "/assessments").expect(200);
        if (!history.isEmpty() && history.get(0).path("status").asString().equals("IN_PROGRESS")) {
            assessment = UUID.fromString(history.get(0).path("id").asString());
        } else {
            assessment = id(api.as(clinics.grant()).post("/api/v1/compliance/organizations/" + clinics.riverbend() + "/assessments", null).expect(201));
        }
    }

    @Test
    void everyRouteAnswersHostileInputWithoutAServerErrorAndLeavesTheOtherOrganizationAlone() {
        String lakesideBefore = lakesideFingerprint();
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(40);
        try {
            for (Route r : routes) {
                if (skipped(r)) continue;
                for (String s : STRINGS) send(r, s);
                for (String trick : PATH_TRICKS) pathTrick(r, trick);
                if (r.api() && r.method() == RequestMethod.POST) bodies(r);
                if (!r.api() && r.method() == RequestMethod.POST) wrongFormBodies(r);
            }
        } finally {
            clinics.asMspAdmin(() -> admin.setAccountHelp(clinics.riverbend(), riverbendHelp));
        }
        assertThat(failures).isEmpty();
        assertThat(lakesideFingerprint()).as("nothing of the other organization changed").isEqualTo(lakesideBefore);
    }

    @Test
    void storedScriptShowsInertOnTheMainPages() {
        String t = "/api/v1/tickets/" + ticket;
        JsonNode stored = api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about(XSS).describedAs(XSS).json()).expect(201);
        assertThat(stored.path("subject").asString()).as("the API keeps the text as sent").isEqualTo(XSS);
        String storedId = stored.path("id").asString();
        api.as(clinics.ellis()).post(t + "/comments", Map.of("body", XSS)).expect(201);
        api.as(clinics.ava()).post("/api/v1/tickets/" + storedId + "/comments", Map.of("body", XSS, "visibility", "INTERNAL")).expect(201);
        api.as(clinics.grant()).post("/api/v1/compliance/assessments/" + assessment + "/answers",
                Map.of("citation", "164.310(b)", "answer", "YES", "evidence", XSS, "owner", XSS)).expect(200);

        Map<Person, List<String>> pages = new LinkedHashMap<>();
        pages.put(clinics.ellis(), List.of("/portal", "/portal/tickets/" + storedId, "/portal/tickets/" + ticket));
        pages.put(clinics.ava(), List.of("/console?tier=1", "/console?tier=2", "/console?tier=3", "/console/tickets/" + storedId, "/dashboard"));
        pages.put(clinics.grant(), List.of("/org/tickets", "/org/tickets/" + storedId, "/audit", "/compliance/assessments/" + assessment,
                "/compliance/assessments/" + assessment + "/report", "/compliance/organizations/" + clinics.riverbend()));
        pages.put(clinics.mspAdmin(), List.of("/admin/users", "/admin/organizations", "/audit"));
        boolean shown = false;
        for (Map.Entry<Person, List<String>> e : pages.entrySet()) {
            WebSession web = session(e.getKey());
            for (String page : e.getValue()) {
                WebSession.Page p = web.get(page);
                assertThat(p.status()).as(page).isEqualTo(200);
                for (String raw : RAW) assertThat(p.html()).as(page + " shows the payload escaped").doesNotContain(raw);
                shown |= p.html().contains("&lt;script&gt;window.__xss=1&lt;/script&gt;");
            }
        }
        assertThat(shown).as("the payload was shown somewhere, as text").isTrue();
        Response report = api.as(clinics.grant()).get("/api/v1/compliance/assessments/" + assessment + "/report");
        for (String raw : RAW) assertThat(report.body()).doesNotContain(raw);
    }

    @Test
    void ticketCreationIsLimitedPerPersonWithRetryAfter() throws Exception {
        int before = limit.perMinute();
        limit.perMinute(3);
        try {
            for (int i = 0; i < 3; i++) api.as(clinics.fox()).post("/api/v1/tickets", aTicket().about("Burst " + i).json()).expect(201);
            long tickets = count("tickets");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + api.signIn(clinics.fox().email(), Clinics.PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"One more\",\"description\":\"Again\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(refused.body()).contains("retryAfterSeconds");
            assertThat(count("tickets")).as("the refused ticket was not opened").isEqualTo(tickets);
            api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about("Someone else").json()).expect(201);
        } finally {
            limit.perMinute(before);
        }
    }

    // ---- the walk

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingHandlerMapping m : mappings) {
            m.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, pattern, handler));
                }
            }));
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    /** Springdoc's own pages and the container's error page take no input of ours. */
    private static boolean skipped(Route r) {
        return r.pattern().startsWith("/v3/api-docs") || r.pattern().startsWith("/swagger-ui") || r.pattern().equals("/error");
    }

    /** Who sends to a route: someone it is meant for, so the input reaches the code behind it. */
    private Person caller(Route r) {
        String p = r.pattern();
        if (p.startsWith("/portal") || p.equals("/api/v1/tickets") && r.method() == RequestMethod.POST) return clinics.ellis();
        if (p.startsWith("/settings") || p.contains("compliance")) return clinics.grant();
        if (p.startsWith("/console") || p.startsWith("/api/v1/tickets/")) return clinics.ava();
        if (p.startsWith("/org/")) return clinics.grant();
        return clinics.mspAdmin();
    }

    /** Signing out revokes the token it is sent with: that route gets a token of its own each time. */
    private static boolean logout(Route r) {
        return r.pattern().equals("/api/v1/auth/logout");
    }

    private Api.Caller apiCaller(Route r) {
        return logout(r) ? api.withToken(api.signIn(caller(r).email(), Clinics.PASSWORD)) : api.as(caller(r));
    }

    private String path(Route r, String trick) {
        String p = r.pattern();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/admin/organizations/{id}", hostileOrg.toString());
        ids.put("/admin/users/{id}", target.toString());
        ids.put("/admin/sites/{id}", hostileSite.toString());
        ids.put("/compliance/organizations/{organizationId}", clinics.riverbend().toString());
        ids.put("/compliance/assessments/{id}", assessment.toString());
        ids.put("tickets/{id}", ticket.toString());
        ids.put("/tickets/{id}", ticket.toString());
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (p.contains(e.getKey())) {
                String key = e.getKey().substring(e.getKey().lastIndexOf('{'));
                p = p.replace(key, trick != null ? trick : e.getValue());
            }
        }
        return p.replaceAll("\\{[^}]+}", trick != null ? trick : UUID.randomUUID().toString());
    }

    private void send(Route r, String s) {
        Map<String, String> fields = fields(r, s);
        String where = r + " with " + abbreviate(s) + ": ";
        if (r.method() == RequestMethod.GET) {
            String url = path(r, null) + query(fields);
            if (r.api()) check(where, apiCaller(r).get(url), true);
            else checkPage(where, session(caller(r)).get(url), true);
        } else if (r.api()) {
            Map<String, Object> body = new LinkedHashMap<>(jsonBody(r, s));
            check(where, apiCaller(r).send(r.method().name(), path(r, null) + query(fields), body.isEmpty() ? null : body), false);
        } else {
            List<String> pairs = new ArrayList<>();
            fields.forEach((k, v) -> { pairs.add(k); pairs.add(v); });
            WebSession web = session(caller(r));
            WebSession.Page p = web.post(path(r, null), pairs.toArray(String[]::new));
            checkPage(where, p, true);
        }
    }

    private void pathTrick(Route r, String trick) {
        if (!r.pattern().contains("{")) return;
        String where = r + " with path " + abbreviate(trick) + ": ";
        String url = path(r, trick);
        try {
            if (r.api()) {
                Response x = apiCaller(r).send(r.method().name(), url, r.method() == RequestMethod.POST ? Map.of() : null);
                if (x.status() >= 500) failures.add(where + x.status() + " " + abbreviate(x.body()));
                for (String raw : RAW) if (x.body().contains(raw)) failures.add(where + "reflects " + raw);
            } else {
                WebSession web = session(caller(r));
                WebSession.Page p = r.method() == RequestMethod.GET ? web.get(url) : web.post(url);
                checkPage(where, p, false);
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException | IllegalStateException e) {
            // The client refuses to send some of these (an invalid URI): nothing reached the server.
        }
    }

    /** JSON routes: oversized, deeply nested, malformed UTF-8, wrong content types, not an object. */
    private void bodies(Route r) {
        String url = path(r, null);
        String big = "{\"subject\":\"" + "x".repeat(3_000_000) + "\",\"body\":\"y\"}";
        String nested = "{\"subject\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        byte[] badUtf8 = ("{\"subject\":\"caf\u00e9 \",\"body\":\"x\",\"reason\":\"x\",\"citation\":\"164.312(d)\"}").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(badUtf8, badUtf8.length);
        int e = indexOf(broken, (byte) 0xC3);
        broken[e + 1] = (byte) 0x28; // C3 28: a lead byte without its continuation
        List<Object[]> cases = List.of(
                new Object[]{"a 3 MB string", "application/json", big.getBytes(StandardCharsets.UTF_8)},
                new Object[]{"20,000 nested arrays", "application/json", nested.getBytes(StandardCharsets.UTF_8)},
                new Object[]{"malformed UTF-8", "application/json", broken},
                new Object[]{"invalid bytes FF FE", "application/json", new byte[]{'{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}},
                new Object[]{"text/plain", "text/plain", "{\"subject\":\"x\"}".getBytes(StandardCharsets.UTF_8)},
                new Object[]{"XML", "application/xml", "<ticket><subject>x</subject></ticket>".getBytes(StandardCharsets.UTF_8)},
                new Object[]{"a form", "application/x-www-form-urlencoded", "subject=x&body=y".getBytes(StandardCharsets.UTF_8)},
                new Object[]{"an array", "application/json", "[1,2,3]".getBytes(StandardCharsets.UTF_8)},
                new Object[]{"JSON null", "application/json", "null".getBytes(StandardCharsets.UTF_8)},
                new Object[]{"truncated JSON", "application/json", "{\"subject\":".getBytes(StandardCharsets.UTF_8)});
        for (Object[] c : cases) {
            String where = r + " with " + c[0] + ": ";
            try {
                HttpResponse<String> x = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                        .header("Authorization", "Bearer " + (logout(r) ? api.signIn(caller(r).email(), Clinics.PASSWORD) : token(caller(r))))
                        .header("Content-Type", (String) c[1])
                        .timeout(Duration.ofSeconds(60))
                        .method(r.method().name(), HttpRequest.BodyPublishers.ofByteArray((byte[]) c[2])).build(), HttpResponse.BodyHandlers.ofString());
                if (x.statusCode() >= 500) failures.add(where + x.statusCode() + " " + abbreviate(x.body()));
                else if (x.statusCode() >= 400 && !x.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(where + x.statusCode() + " is not a problem: " + abbreviate(x.body()));
                }
            } catch (IOException ex) {
                // The server may close the connection on a body it refuses to read; that is a refusal, not a crash.
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Forms: JSON instead of a form, and bytes that are not UTF-8. */
    private void wrongFormBodies(Route r) {
        WebSession web = session(caller(r));
        checkPage(r + " with JSON: ", web.post(path(r, null), "ignored", "{\"subject\":\"x\"}"), false);
        checkPage(r + " with malformed UTF-8: ", web.post(path(r, null), "body", new String(new byte[]{(byte) 0xC3, 0x28}, StandardCharsets.ISO_8859_1),
                "name", "\uDC00lone surrogate", "text", "\uFFFE"), false);
    }

    private void check(String where, Response x, boolean reflected) {
        if (x.status() >= 500) failures.add(where + x.status() + " " + abbreviate(x.body()));
        else if (x.status() >= 400 && !x.isProblem() && !x.contentType().startsWith("text/html")) {
            failures.add(where + x.status() + " is not a problem: " + x.contentType() + " " + abbreviate(x.body()));
        }
        if (reflected && x.contentType().startsWith("text/html")) {
            for (String raw : RAW) if (x.body().contains(raw)) failures.add(where + "reflects " + raw);
        }
    }

    private void checkPage(String where, WebSession.Page p, boolean reflected) {
        if (p.status() >= 500) failures.add(where + p.status() + " " + abbreviate(p.text()));
        if (reflected) for (String raw : RAW) if (p.html().contains(raw)) failures.add(where + "reflects " + raw);
    }

    /** Every request parameter and form field of the route: text ones get the payload, others a value that parses. */
    private Map<String, String> fields(Route r, String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (MethodParameter p : r.handler().getMethodParameters()) {
            Class<?> type = p.getParameterType();
            if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestBody.class)
                    || p.hasParameterAnnotation(RequestHeader.class)) continue;
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null && MultiValueMap.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) && rp != null) {
                for (String f : List.of("name", "timeZone", "text", "body", "skills", "capacity", "holidays")) fields.put(f, s);
                continue;
            }
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                fields.put(name, value(type, s));
            } else if (type.isRecord() && (p.hasParameterAnnotation(ModelAttribute.class) || !type.getName().startsWith("java"))) {
                for (RecordComponent c : type.getRecordComponents()) fields.put(c.getName(), value(c.getType(), s));
            }
        }
        return fields;
    }

    private Map<String, Object> jsonBody(Route r, String s) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (MethodParameter p : r.handler().getMethodParameters()) {
            if (!p.hasParameterAnnotation(RequestBody.class)) continue;
            Class<?> type = p.getParameterType();
            if (!type.isRecord()) continue;
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t == String.class) body.put(c.getName(), s);
                else if (t == UUID.class) body.put(c.getName(), UUID.randomUUID().toString());
                else if (t == Integer.class || t == int.class || t == Long.class || t == long.class) body.put(c.getName(), 1);
                else if (t.isEnum()) body.put(c.getName(), t.getEnumConstants()[0].toString());
                else if (t == java.time.LocalDate.class) body.put(c.getName(), "2027-01-01");
                else if (t == Boolean.class || t == boolean.class) body.put(c.getName(), true);
            }
        }
        return body;
    }

    private static String value(Class<?> type, String s) {
        if (type == String.class || List.class.isAssignableFrom(type)) return s;
        if (type == UUID.class) return UUID.randomUUID().toString();
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "1";
        if (type == Boolean.class || type == boolean.class) return "true";
        if (type.isEnum()) return type.getEnumConstants()[0].toString();
        if (type == java.time.LocalDate.class) return "2027-01-01";
        return s;
    }

    private static String query(Map<String, String> fields) {
        if (fields.isEmpty()) return "";
        StringBuilder q = new StringBuilder("?");
        fields.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(enc(k)).append('=').append(enc(v.length() > 2000 ? v.substring(0, 2000) : v)));
        return q.toString();
    }

    private WebSession session(Person p) {
        return sessions.computeIfAbsent(p, x -> {
            WebSession s = WebSession.signIn("http://127.0.0.1:" + port, x.email(), Clinics.PASSWORD);
            s.get(x.role() == Role.REQUESTER ? "/portal" : "/dashboard"); // a page with the session's CSRF token
            return s;
        });
    }

    private final Map<Person, String> tokens = new HashMap<>();

    private String token(Person p) {
        return tokens.computeIfAbsent(p, x -> api.signIn(x.email(), Clinics.PASSWORD));
    }

    /** Everything of Lakeside a stray write could touch. */
    private String lakesideFingerprint() {
        UUID b = clinics.lakeside();
        return String.join("\n",
                jdbc.sql("select name from organizations where id = ?").param(b).query(String.class).list().toString(),
                jdbc.sql("select id, subject, description, status, tier, assignee_id from tickets where organization_id = ? order by id").param(b)
                        .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4) + rs.getInt(5) + rs.getString(6)).list().toString(),
                jdbc.sql("select count(*) from ticket_entries e join tickets t on t.id = e.ticket_id where t.organization_id = ?").param(b).query(Long.class).single().toString(),
                jdbc.sql("select email, display_name, role, enabled, password_hash from users where organization_id = ? order by email").param(b)
                        .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getBoolean(4) + rs.getString(5)).list().toString(),
                jdbc.sql("select name, time_zone from sites where organization_id = ? order by name").param(b)
                        .query((rs, n) -> rs.getString(1) + rs.getString(2)).list().toString(),
                jdbc.sql("select count(*) from compliance_answers a join compliance_assessments s on s.id = a.assessment_id where s.organization_id = ?")
                        .param(b).query(Long.class).single().toString());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        throw new IllegalStateException();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }
}

@OnH2
class HostileInputOnH2Test extends HostileInputTest {
}

@OnPostgres
class HostileInputOnPostgresTest extends HostileInputTest {
}

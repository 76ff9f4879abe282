package io.breakpoint;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
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

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 3: every route the application exposes, web pages as well as the API, is classified here by who may
 * use it, and is run with every role (and without signing in): a role it is not for gets 403 (a sign-in redirect or
 * 401 without a session or token), a role it is for gets past the door. Routes that name an object of an
 * organization are then run, by every role that may use them, with the other organization's object, which must
 * answer 404 and mention nothing of it. A route this table does not know fails the test: classify it below.
 * IsolationTest walks the API's filters and bodies against the other organization in more depth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RouteClassificationTest extends ApiTest {

    /** The roles in the order of the table's letters: Y may use the route, - may not. */
    static final List<Role> ROLES = List.of(Role.REQUESTER, Role.ORG_ADMIN, Role.INTERNAL_IT, Role.TIER1, Role.TIER2,
            Role.TIER3, Role.VCIO, Role.MSP_ADMIN);
    static final String PUBLIC = "public";

    /**
     * Who may use each route: a letter per role of {@link #ROLES}, or "public" for routes open without signing in.
     * Requester, practice manager, clinic IT, Tier 1, Tier 2, Tier 3, vCIO, MSP admin.
     */
    static final Map<String, String> CLASSIFICATION = new TreeMap<>(Map.ofEntries(
            // shell
            Map.entry("GET /login", PUBLIC),
            Map.entry("GET /error", PUBLIC),
            Map.entry("GET /", "YYYYYYYY"),
            // springdoc: the API description is public by design (README: /v3/api-docs, /swagger-ui.html)
            Map.entry("GET /v3/api-docs", PUBLIC),
            Map.entry("GET /v3/api-docs.yaml", "YYYYYYYY"), // not in the permitted paths: signed-in only
            Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
            Map.entry("GET /swagger-ui.html", PUBLIC),
            // requester portal
            Map.entry("GET /portal", "Y-------"),
            Map.entry("GET /portal/new", "Y-------"),
            Map.entry("POST /portal/new", "Y-------"),
            Map.entry("GET /portal/tickets/{id}", "Y-------"),
            Map.entry("POST /portal/tickets/{id}/replies", "Y-------"),
            // engineers' console
            Map.entry("GET /console", "--YYYY-Y"),
            Map.entry("GET /console/tickets/{id}", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/take", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/assign", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/escalate", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/status", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/reply", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/note", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/classification", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/resolve", "--YYYY-Y"),
            Map.entry("POST /console/tickets/{id}/reopen", "--YYYY-Y"),
            Map.entry("GET /dashboard", "-YYYYYYY"),
            Map.entry("GET /org/tickets", "-Y----Y-"),
            Map.entry("GET /org/tickets/{id}", "-Y----Y-"),
            Map.entry("GET /audit", "-Y-----Y"),
            // tamper-evident audit and PHI in tickets (issue 5, items 4 and 5)
            Map.entry("GET /audit/verify", "-------Y"),
            Map.entry("GET /api/v1/audit/export", "-Y-----Y"),
            Map.entry("POST /portal/new/phi", "Y-------"),
            Map.entry("POST /portal/new/redact", "Y-------"),
            Map.entry("GET /settings/phi", "-Y-----Y"),
            Map.entry("POST /settings/phi", "-Y-----Y"),
            Map.entry("GET /settings/account-help", "-Y-----Y"),
            Map.entry("POST /settings/account-help", "-Y-----Y"),
            // MSP admin pages
            Map.entry("GET /admin/organizations", "-------Y"),
            Map.entry("POST /admin/organizations", "-------Y"),
            Map.entry("GET /admin/organizations/{id}", "-------Y"),
            Map.entry("POST /admin/organizations/{id}", "-------Y"),
            Map.entry("POST /admin/organizations/{id}/routing", "-------Y"),
            Map.entry("GET /admin/users", "-------Y"),
            Map.entry("GET /admin/users/new", "-------Y"),
            Map.entry("POST /admin/users", "-------Y"),
            Map.entry("GET /admin/users/{id}", "-------Y"),
            Map.entry("POST /admin/users/{id}", "-------Y"),
            Map.entry("POST /admin/users/{id}/password", "-------Y"),
            Map.entry("POST /admin/users/{id}/routing", "-------Y"),
            Map.entry("GET /admin/sites/new", "-------Y"),
            Map.entry("POST /admin/sites", "-------Y"),
            Map.entry("GET /admin/sites/{id}", "-------Y"),
            Map.entry("POST /admin/sites/{id}", "-------Y"),
            // compliance pages
            Map.entry("GET /compliance", "-Y----YY"),
            Map.entry("GET /compliance/organizations/{organizationId}", "-Y----YY"),
            Map.entry("POST /compliance/organizations/{organizationId}/assessments", "-Y----YY"),
            Map.entry("GET /compliance/assessments/{id}", "-Y----YY"),
            Map.entry("POST /compliance/assessments/{id}/answers", "-Y----YY"),
            Map.entry("POST /compliance/assessments/{id}/remediations", "-Y----YY"),
            Map.entry("POST /compliance/assessments/{id}/complete", "-Y----YY"),
            Map.entry("GET /compliance/assessments/{id}/report", "-Y----YY"),
            Map.entry("GET /compliance/assessments/{id}/report.pdf", "-Y----YY"),
            // sign-in security (issue 5, item 1): the MFA step serves only a session between the password and the code
            Map.entry("GET /login/mfa", "--------"),
            Map.entry("POST /login/mfa", "--------"),
            Map.entry("GET /login/mfa/enrol", "--------"),
            Map.entry("POST /login/mfa/enrol", "--------"),
            Map.entry("GET /login/mfa/enrol/qr.svg", PUBLIC), // answers 404 unless the session is enrolling
            Map.entry("GET /account", "YYYYYYYY"),
            Map.entry("POST /account/password", "YYYYYYYY"),
            Map.entry("POST /account/tokens/{tokenId}/revoke", "YYYYYYYY"), // one's own tokens only
            Map.entry("POST /account/organization-mfa", "-Y------"),
            Map.entry("GET /admin/security", "-------Y"),
            Map.entry("GET /admin/users/{id}/security", "-------Y"),
            Map.entry("POST /admin/users/{id}/mfa/reset", "-------Y"),
            Map.entry("POST /admin/users/{id}/tokens/{tokenId}/revoke", "YYYYYYYY"), // a token that names nothing: 404 first
            Map.entry("POST /admin/organizations/{id}/mfa", "-Y-----Y"),
            Map.entry("GET /api/v1/auth/tokens", "YYYYYYYY"),
            Map.entry("DELETE /api/v1/auth/tokens/{id}", "YYYYYYYY"),
            // SLA policies and tier leads (issue 3, item 4)
            Map.entry("GET /admin/sla-policies", "-------Y"),
            Map.entry("POST /admin/sla-policies/{organizationId}/{priority}", "-------Y"),
            Map.entry("POST /admin/users/{id}/lead", "-------Y"),
            Map.entry("GET /api/v1/organizations/{organizationId}/sla-policy", "-YYYYYYY"),
            Map.entry("PUT /api/v1/organizations/{organizationId}/sla-policy/{priority}", "-------Y"),
            Map.entry("DELETE /api/v1/organizations/{organizationId}/sla-policy/{priority}", "-------Y"),
            // major incidents (issue 3, item 5): practice managers and the vCIO read them through their own tickets
            Map.entry("GET /incidents", "-YYYYYYY"),
            Map.entry("GET /incidents/{id}", "-YYYYYYY"),
            Map.entry("POST /incidents/{id}/link", "--YYYY-Y"),
            Map.entry("POST /incidents/{id}/unlink", "--YYYY-Y"),
            Map.entry("POST /incidents/{id}/reply", "--YYYY-Y"),
            Map.entry("POST /incidents/{id}/resolve", "--YYYY-Y"),
            Map.entry("POST /incidents/{id}/owner", "--YYYY-Y"),
            Map.entry("GET /api/v1/incidents", "YYYYYYYY"),
            Map.entry("GET /api/v1/incidents/{id}", "YYYYYYYY"),
            Map.entry("POST /api/v1/incidents", "--YYYY-Y"),
            Map.entry("POST /api/v1/incidents/{id}/tickets", "--YYYY-Y"),
            Map.entry("DELETE /api/v1/incidents/{id}/tickets/{ticketId}", "--YYYY-Y"),
            Map.entry("POST /api/v1/incidents/{id}/replies", "--YYYY-Y"),
            Map.entry("POST /api/v1/incidents/{id}/resolve", "--YYYY-Y"),
            Map.entry("PUT /api/v1/incidents/{id}/owner", "--YYYY-Y"),
            // workstation agents (issue 4): the agent routes take a device's credentials, never a person's
            Map.entry("POST /api/v1/agent/enrollments", PUBLIC), // the enrollment code is the credential
            Map.entry("GET /api/v1/agent/config", "--------"),
            Map.entry("GET /api/v1/agent/throughput", "--------"),
            Map.entry("POST /api/v1/telemetry", "--------"),
            Map.entry("GET /agents", "-Y-----Y"),
            Map.entry("GET /sites/{siteId}/agents", "-Y-----Y"),
            Map.entry("POST /sites/{siteId}/agents/codes", "-Y-----Y"),
            Map.entry("POST /sites/{siteId}/agents/probe-settings", "-Y-----Y"),
            Map.entry("POST /sites/{siteId}/agents/segments", "-Y-----Y"),
            Map.entry("POST /agents/codes/{codeId}/revoke", "YYYYYYYY"), // a code that names nothing: 404 first
            Map.entry("POST /agents/segments/{segmentId}/delete", "YYYYYYYY"),
            Map.entry("GET /api/v1/devices", "-YYYYYYY"),
            Map.entry("GET /api/v1/devices/{id}", "-YYYYYYY"),
            Map.entry("POST /api/v1/devices/{id}/retire", "YYYYYYYY"),
            Map.entry("GET /api/v1/sites/{siteId}/enrollment-codes", "-Y-----Y"),
            Map.entry("POST /api/v1/sites/{siteId}/enrollment-codes", "-Y-----Y"),
            Map.entry("POST /api/v1/enrollment-codes/{id}/revoke", "YYYYYYYY"),
            Map.entry("GET /api/v1/sites/{siteId}/segments", "-YYYYYYY"),
            Map.entry("POST /api/v1/sites/{siteId}/segments", "-Y-----Y"),
            Map.entry("DELETE /api/v1/segments/{id}", "YYYYYYYY"),
            Map.entry("GET /api/v1/sites/{siteId}/probe-settings", "-YYYYYYY"),
            Map.entry("PUT /api/v1/sites/{siteId}/probe-settings", "-Y-----Y"),
            // breakpoint diagnosis (issue 4): site health for whoever reads the organization's tickets beyond their own
            Map.entry("GET /health", "-YYYYYYY"),
            Map.entry("GET /health/sites/{id}", "-YYYYYYY"),
            Map.entry("GET /health/devices/{id}", "YYYYYYYY"), // a device that names nothing: 404 first
            Map.entry("GET /health/tickets/{id}/panel", "-YYYYYYY"),
            Map.entry("GET /api/v1/diagnosis/sites/{id}", "-YYYYYYY"),
            Map.entry("GET /api/v1/sites/{id}/diagnosis", "-YYYYYYY"),
            Map.entry("GET /api/v1/diagnosis/devices/{id}", "YYYYYYYY"), // a device that names nothing: 404 first
            Map.entry("GET /api/v1/diagnosis/tickets/{id}", "-YYYYYYY"),
            Map.entry("POST /api/v1/devices/{id}/slowness-reports", "--------"), // the device's credentials only
            // API
            Map.entry("POST /api/v1/auth/token", PUBLIC),
            Map.entry("POST /api/v1/auth/logout", "YYYYYYYY"),
            Map.entry("GET /api/v1/me", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets", "YYYYYYYY"),
            Map.entry("GET /api/v1/tickets", "YYYYYYYY"),
            Map.entry("GET /api/v1/tickets/{id}", "YYYYYYYY"),
            Map.entry("GET /api/v1/tickets/{id}/assignable", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/comments", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/escalate", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/assign", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/resolve", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/reopen", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/status", "YYYYYYYY"),
            Map.entry("POST /api/v1/tickets/{id}/classification", "--YYYY-Y"),
            Map.entry("POST /api/v1/triage/preview", "YYYYYYYY"),
            Map.entry("GET /api/v1/metrics/desk", "-YYYYYYY"),
            Map.entry("GET /api/v1/metrics/sla", "-YYYYYYY"),
            Map.entry("GET /api/v1/organizations", "YYYYYYYY"),
            Map.entry("GET /api/v1/sites", "YYYYYYYY"),
            Map.entry("GET /api/v1/audit", "-Y-----Y"),
            Map.entry("GET /api/v1/compliance/organizations/{organizationId}/assessments", "-Y----YY"),
            Map.entry("POST /api/v1/compliance/organizations/{organizationId}/assessments", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/organizations/{organizationId}/evidence", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/organizations/{organizationId}/self-audit", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/assessments/{id}", "-Y----YY"),
            Map.entry("POST /api/v1/compliance/assessments/{id}/answers", "-Y----YY"),
            Map.entry("POST /api/v1/compliance/assessments/{id}/remediations", "-Y----YY"),
            Map.entry("POST /api/v1/compliance/assessments/{id}/complete", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/assessments/{id}/csf", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/assessments/{id}/comparison", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/assessments/{id}/report", "-Y----YY"),
            Map.entry("GET /api/v1/compliance/assessments/{id}/report.pdf", "-Y----YY")));

    @Autowired
    List<RequestMappingHandlerMapping> mappings;
    @Autowired
    Administration admin;
    @Autowired
    Directory directory;

    private UUID hostileOrg, hostileSite, target, ownTicket, foreignTicket, ownAssessment, foreignAssessment;
    private String riverbendHelp;
    private final Map<Person, WebSession> sessions = new HashMap<>();

    @BeforeAll
    void objects() {
        Api api = Api.at(port);
        clinics.asMspAdmin(() -> hostileOrg = admin.createOrganization("Route Walk Clinic " + UUID.randomUUID().toString().substring(0, 6), false));
        clinics.asMspAdmin(() -> {
            hostileSite = admin.createSite(hostileOrg, "Route Walk Site", "America/Chicago",
                    Map.of(DayOfWeek.MONDAY, new ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(17, 0))), Map.of());
            target = admin.createPerson(new NewPerson("walk." + UUID.randomUUID().toString().substring(0, 8) + "@riverbend.test",
                    "Route Walk Target", Role.REQUESTER, clinics.riverbend(), clinics.mainCampus(), Set.of(), Clinics.PASSWORD));
        });
        riverbendHelp = directory.accountHelp(clinics.riverbend()).orElse("");
        ownTicket = id(api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about("Route walk ticket").json()).expect(201));
        foreignTicket = id(api.as(clinics.ivy()).post("/api/v1/tickets", aTicket().about("Lakeside route walk ticket").json()).expect(201));
        ownAssessment = assessmentOf(api, clinics.grant(), clinics.riverbend());
        foreignAssessment = assessmentOf(api, clinics.jones(), clinics.lakeside());
    }

    private UUID assessmentOf(Api api, Person who, UUID org) {
        String base = "/api/v1/compliance/organizations/" + org + "/assessments";
        JsonNode history = api.as(who).get(base).expect(200);
        if (!history.isEmpty() && history.get(0).path("status").asString().equals("IN_PROGRESS")) {
            return UUID.fromString(history.get(0).path("id").asString());
        }
        return id(api.as(who).post(base, null).expect(201));
    }

    @Test
    void everyRouteIsClassified() {
        assertThat(CLASSIFICATION.keySet()).as("routes that need a line in RouteClassificationTest.CLASSIFICATION").containsAll(routes());
        assertThat(routes()).as("classified routes that no longer exist").containsAll(CLASSIFICATION.keySet());
    }

    @Test
    void everyRouteLetsInExactlyTheRolesItIsFor() {
        List<String> failures = new ArrayList<>();
        Map<String, String> observed = new TreeMap<>();
        try {
            for (String route : routes()) {
                String rule = CLASSIFICATION.get(route);
                // An unknown route is still walked, so the failure says who gets in today: classify it from that.
                boolean unknown = rule == null;
                if (unknown) rule = "????????";
                String method = route.substring(0, route.indexOf(' '));
                String pattern = route.substring(route.indexOf(' ') + 1);
                if (pattern.equals("/api/v1/auth/logout")) continue; // would revoke the walk's own tokens; AuthApi's tests cover it
                // without signing in
                int anonymous = anonymous(method, path(pattern, false), pattern.startsWith("/api/"));
                boolean open = anonymous != 401 && anonymous != 302 && anonymous != 403;
                if (unknown && open) {
                    failures.add(route + ": not classified (open without signing in: " + anonymous + ")");
                    continue;
                }
                if (!unknown && open != rule.equals(PUBLIC)) failures.add(route + " without signing in answered " + anonymous);
                if (rule.equals(PUBLIC)) continue;
                StringBuilder letters = new StringBuilder();
                for (int i = 0; i < ROLES.size(); i++) {
                    Person p = person(ROLES.get(i));
                    int status = send(p, method, path(pattern, false), pattern.startsWith("/api/"));
                    boolean in = status != 403 && status != 401 && status != 302 || status == 302 && !redirectsToLogin;
                    letters.append(in ? 'Y' : '-');
                    if (status >= 500) failures.add(route + " as " + p.role() + ": " + status);
                    if (in && rule.charAt(i) == 'Y' && p.role() != Role.MSP_ADMIN && scoped(pattern)) {
                        // The other organization's object answers exactly as one that does not exist.
                        String foreignPath = path(pattern, true);
                        int foreign = send(p, method, foreignPath, pattern.startsWith("/api/"));
                        String foreignBody = masked(lastBody);
                        String nonePath = path(pattern, false, UUID.randomUUID());
                        int none = send(p, method, nonePath, pattern.startsWith("/api/"));
                        String noneBody = masked(lastBody);
                        if (foreign != none || foreign < 400) {
                            failures.add(route + " as " + p.role() + " with the other organization's object: " + foreign
                                    + ", with an id that does not exist: " + none);
                        } else if (pattern.startsWith("/api/") && !foreignBody.equals(noneBody)) {
                            failures.add(route + " as " + p.role() + ": the other organization's object answers " + foreignBody
                                    + " but one that does not exist " + noneBody);
                        }
                        if (foreignBody.contains("Lakeside")) failures.add(route + " as " + p.role() + " mentions Lakeside");
                    }
                }
                observed.put(route, letters.toString());
                if (unknown) failures.add(route + ": not classified (observed " + letters + ")");
                else if (!letters.toString().equals(rule)) failures.add(route + ": expected " + rule + " but observed " + letters);
            }
        } finally {
            clinics.asMspAdmin(() -> admin.setAccountHelp(clinics.riverbend(), riverbendHelp));
        }
        assertThat(failures).as("observed: " + observed).isEmpty();
    }

    private static final UUID NOTHING = UUID.fromString("00000000-0000-4000-8000-000000000000");
    private boolean redirectsToLogin;
    private String lastBody = "";

    private int send(Person p, String method, String path, boolean apiRoute) {
        redirectsToLogin = false;
        if (apiRoute) {
            Api.Response r = api.as(p).send(method, path, method.equals("POST") || method.equals("PUT") ? Map.of() : null);
            lastBody = r.body();
            return r.status();
        }
        WebSession web = session(p);
        WebSession.Page page = method.equals("GET") ? web.get(path) : web.post(path);
        lastBody = page.html();
        redirectsToLogin = page.location() != null && page.location().contains("/login");
        return page.status();
    }

    private int anonymous(String method, String path, boolean apiRoute) {
        if (apiRoute) return api.anonymous().send(method, path, method.equals("POST") || method.equals("PUT") ? Map.of() : null).status();
        WebSession web = WebSession.anonymous("http://127.0.0.1:" + port);
        WebSession.Page page = method.equals("GET") ? web.get(path) : web.post(path);
        return page.status() == 302 && page.location() != null && !page.location().contains("/login") ? 200 : page.status();
    }

    /** Routes whose path names an object that belongs to one organization. */
    private static boolean scoped(String pattern) {
        return pattern.contains("/tickets/{id}") || pattern.contains("/sites/{siteId}") || pattern.contains("/sites/{id}")
                || pattern.contains("/compliance/") && pattern.contains("{");
    }

    private String masked(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private String path(String pattern, boolean foreign) {
        return path(pattern, foreign, null);
    }

    /** The path with the walk's objects; {@code none}: an id that names nothing, in place of every object. */
    private String path(String pattern, boolean foreign, UUID none) {
        String p = pattern;
        if (none != null) return p.replaceAll("\\{[^}]+}", none.toString());
        if (p.startsWith("/admin/organizations/{id}")) p = p.replace("{id}", hostileOrg.toString());
        if (p.startsWith("/admin/users/{id}")) p = p.replace("{id}", target.toString());
        if (p.startsWith("/admin/sites/{id}")) p = p.replace("{id}", hostileSite.toString());
        if (p.contains("/tickets/{id}")) p = p.replace("{id}", (foreign ? foreignTicket : ownTicket).toString());
        if (p.contains("/assessments/{id}")) p = p.replace("{id}", (foreign ? foreignAssessment : ownAssessment).toString());
        if (p.contains("{organizationId}")) p = p.replace("{organizationId}", (foreign ? clinics.lakeside() : clinics.riverbend()).toString());
        p = p.replace("{priority}", "P3");
        if (p.contains("/sites/{id}")) p = p.replace("{id}", (foreign ? clinics.lakesideClinic() : clinics.mainCampus()).toString());
        if (p.contains("{siteId}")) p = p.replace("{siteId}", (foreign ? clinics.lakesideClinic() : clinics.mainCampus()).toString());
        // Objects the walk does not make (tokens, codes, devices, ...): an id that names nothing gets each role past
        // or stopped at the door all the same; IsolationTest tries them with the other organization's real objects.
        return p.replaceAll("\\{[^}]+}", NOTHING.toString());
    }

    private Person person(Role role) {
        return switch (role) {
            case REQUESTER -> clinics.ellis();
            case ORG_ADMIN -> clinics.grant();
            case INTERNAL_IT -> clinics.hale();
            case TIER1 -> clinics.ava();
            case TIER2 -> clinics.ben();
            case TIER3 -> clinics.cara();
            case VCIO -> clinics.dan();
            case MSP_ADMIN -> clinics.mspAdmin();
        };
    }

    private WebSession session(Person p) {
        return sessions.computeIfAbsent(p, x -> {
            WebSession s = WebSession.signIn("http://127.0.0.1:" + port, x.email(), Clinics.PASSWORD);
            s.get("/"); // follow nowhere: only picks up nothing; the next line fetches a page with the CSRF token
            s.get(x.role() == Role.REQUESTER ? "/portal" : "/dashboard");
            return s;
        });
    }

    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping m : mappings) {
            m.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) routes.add("GET " + pattern);
                methods.forEach(method -> routes.add(method + " " + pattern));
            }));
        }
        return routes;
    }
}

@OnH2
class RouteClassificationOnH2Test extends RouteClassificationTest {
}

@OnPostgres
class RouteClassificationOnPostgresTest extends RouteClassificationTest {
}

package io.breakpoint.tickets.web;

import io.breakpoint.DemoServerTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import io.breakpoint.testing.TestTotp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket pages over plain HTTP (no browser needed): who may open which page, and what a requester never reads. */
class TicketPagesTest extends DemoServerTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    private static final Pattern PORTAL_TICKET = Pattern.compile("/portal/tickets/([0-9a-f-]{36})");

    @Test
    void eachRoleOpensOnlyItsOwnPages() throws Exception {
        Browser requester = signedIn("dr.ellis@riverbend.demo");
        assertThat(requester.get("/portal").statusCode()).isEqualTo(200);
        assertThat(requester.get("/portal/new").statusCode()).isEqualTo(200);
        assertThat(requester.get("/console").statusCode()).isEqualTo(403);
        assertThat(requester.get("/org/tickets").statusCode()).isEqualTo(403);
        assertThat(requester.get("/dashboard").statusCode()).isEqualTo(403);

        Browser engineer = signedIn("t1.ava@gateway.demo");
        assertThat(engineer.get("/console").statusCode()).isEqualTo(200);
        assertThat(engineer.get("/dashboard?days=7").statusCode()).isEqualTo(200);
        assertThat(engineer.get("/portal").statusCode()).isEqualTo(403);

        Browser manager = signedIn("pm.grant@riverbend.demo");
        assertThat(manager.get("/org/tickets").statusCode()).isEqualTo(200);
        assertThat(manager.get("/console").statusCode()).isEqualTo(403);
    }

    @Test
    void aTicketOfAnotherOrganizationIsNotFoundOnEveryTicketPage() throws Exception {
        String lakesideTicket = firstPortalTicket(signedIn("rn.ivy@lakeside.demo"));
        assertThat(signedIn("dr.ellis@riverbend.demo").get("/portal/tickets/" + lakesideTicket).statusCode()).isEqualTo(404);
        assertThat(signedIn("pm.grant@riverbend.demo").get("/org/tickets/" + lakesideTicket).statusCode()).isEqualTo(404);
        assertThat(signedIn("it.hale@riverbend.demo").get("/console/tickets/" + lakesideTicket).statusCode()).isEqualTo(404);
    }

    @Test
    void theRequesterAndThePracticeManagerNeverReadAnInternalNote() throws Exception {
        String ticket = firstPortalTicket(signedIn("dr.ellis@riverbend.demo"));
        Browser engineer = signedIn("t1.ava@gateway.demo");
        String note = "Internal: the requester's workstation still runs an unsupported OS build " + System.nanoTime();
        HttpResponse<String> added = engineer.htmxPost("/console/tickets/" + ticket + "/note", "body=" + enc(note));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("Internal note added.").contains("unsupported OS build");

        assertThat(signedIn("dr.ellis@riverbend.demo").get("/portal/tickets/" + ticket).body()).doesNotContain(note);
        assertThat(signedIn("pm.grant@riverbend.demo").get("/org/tickets/" + ticket).body()).doesNotContain(note);
        assertThat(signedIn("vcio.dan@gateway.demo").get("/org/tickets/" + ticket).body()).contains("unsupported OS build");
    }

    @Test
    void anActionRefusedByTheDeskAnswersWithItsReasonForTheForm() throws Exception {
        String ticket = firstPortalTicket(signedIn("dr.ellis@riverbend.demo"));
        HttpResponse<String> refused = signedIn("t1.ava@gateway.demo")
                .htmxPost("/console/tickets/" + ticket + "/escalate", "toTier=3&reason=");
        assertThat(refused.statusCode()).isBetween(400, 409);
        assertThat(refused.headers().firstValue("X-Error-Message")).isPresent();
    }

    @Test
    void aTicketIsFoundByItsNumberInItsTierQueueAndTheOrganizationList() throws Exception {
        Matcher m = Pattern.compile("/portal/tickets/([0-9a-f-]{36})\">(BP-\\d+)<")
                .matcher(signedIn("dr.ellis@riverbend.demo").get("/portal").body());
        assertThat(m.find()).isTrue();
        String id = m.group(1), reference = m.group(2);
        Browser engineer = signedIn("t1.ava@gateway.demo");
        int queuesListingIt = 0;
        for (int tier = 1; tier <= 3; tier++) {
            String queue = engineer.get("/console?tier=" + tier + "&status=any&q=" + reference).body();
            if (queue.contains("/console/tickets/" + id)) queuesListingIt++;
            assertThat(queue.split("<tr>").length - 1).as("header row and at most one ticket").isLessThanOrEqualTo(2);
        }
        assertThat(queuesListingIt).isEqualTo(1);
        assertThat(signedIn("pm.grant@riverbend.demo").get("/org/tickets?q=" + reference).body()).contains("/org/tickets/" + id);
    }

    // ----

    private String firstPortalTicket(Browser requester) throws Exception {
        Matcher m = PORTAL_TICKET.matcher(requester.get("/portal").body());
        assertThat(m.find()).as("the requester has a ticket").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Browser signedIn(String email) throws Exception {
        Browser b = new Browser();
        HttpResponse<String> form = b.get("/login");
        String token = csrf(form.body());
        HttpResponse<String> in = b.post("/login", "username=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token), false);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        if (in.headers().firstValue("Location").orElse("").endsWith("/login/mfa")) { // MSP staff and clinic IT: the MFA step
            String step = csrf(b.get("/login/mfa").body());
            in = b.post("/login/mfa", "code=" + TestTotp.nextCode(url(""), email) + "&_csrf=" + enc(step), false);
            assertThat(in.statusCode()).as("MFA step of %s", email).isEqualTo(302);
        }
        b.csrf = csrf(b.get("/").body());
        return b;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** A cookie-keeping client that does not follow redirects, so a page's own status is what a test sees. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            // "/" redirects to the role's home page; follow that one hop so the CSRF token can be read.
            if (r.statusCode() == 302 && path.equals("/")) {
                String to = r.headers().firstValue("Location").orElseThrow();
                return http.send(HttpRequest.newBuilder(URI.create(to.startsWith("http") ? to : url(to))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return r;
        }

        HttpResponse<String> post(String path, String form, boolean htmx) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (htmx) b.header("HX-Request", "true").header("X-CSRF-TOKEN", csrf);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> htmxPost(String path, String form) throws IOException, InterruptedException {
            return post(path, form, true);
        }
    }
}

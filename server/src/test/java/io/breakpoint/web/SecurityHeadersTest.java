package io.breakpoint.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 2 over plain HTTP (TlsTest covers HTTPS): a strict Content-Security-Policy, frame denial and no
 * referrer on pages and the API, no HSTS without TLS, an HttpOnly SameSite session cookie, and pages that need no
 * inline script, inline handler or inline style, with a CSRF token in every form that posts.
 */
class SecurityHeadersTest extends DemoServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Environment environment;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndDenyFramingAndReferrers() throws Exception {
        HttpHeaders h = get("/login").headers();
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("Strict-Transport-Security")).as("HSTS only on TLS").isEmpty();
        String cookie = h.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theApiSendsThemToo() throws Exception {
        HttpHeaders h = get("/api/v1/tickets").headers();
        assertThat(h.firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.allValues("Set-Cookie")).as("the API keeps no session").isEmpty();
    }

    @Test
    void idleWebSessionsEndAfterFifteenMinutes() {
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("15m");
        assertThat(environment.getProperty("breakpoint.auth.session-max")).isEqualTo("PT12H");
    }

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\s(on[a-z]+|hx-on[:\\w-]*)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern POST_FORM = Pattern.compile("(?s)<form[^>]*method=\"post\"[^>]*>.*?</form>", Pattern.CASE_INSENSITIVE);

    @Test
    void pagesHaveNoInlineScriptsHandlersOrStylesAndEveryPostingFormCarriesACsrfToken() {
        Map<String, List<String>> pages = Map.of(
                "dr.ellis@riverbend.demo", List.of("/portal", "/portal/new", "/account"),
                "t1.ava@gateway.demo", List.of("/console", "/dashboard", "/account"),
                "pm.grant@riverbend.demo", List.of("/org/tickets", "/settings/account-help", "/audit"),
                "msp.admin@gateway.demo", List.of("/admin/organizations", "/admin/users", "/admin/users/new", "/admin/security", "/audit"));
        pages.forEach((who, paths) -> {
            WebSession s = WebSession.signIn(url(""), who, PASSWORD);
            for (String path : paths) {
                var page = s.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                String html = page.html();
                assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script on %s", path).isFalse();
                assertThat(INLINE_HANDLER.matcher(html).find()).as("inline handler on %s", path).isFalse();
                assertThat(html).as("inline style on %s", path).doesNotContain(" style=\"");
                POST_FORM.matcher(html).results().forEach(f ->
                        assertThat(f.group()).as("form on %s", path).contains("name=\"_csrf\""));
            }
        });
        String login = WebSession.fresh(url("")).get("/login").html();
        assertThat(INLINE_SCRIPT.matcher(login).find()).isFalse();
        assertThat(login).contains("name=\"_csrf\"");
    }
}

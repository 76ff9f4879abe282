package io.breakpoint;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.breakpoint.testing.TestTotp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser without a browser: a cookie jar, the CSRF token of the last page, and pages as
 * status, text and redirect. Redirects are not followed, so tests can see POST-redirect-GET happen.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;
    private boolean usedMfa;
    private static final Map<String, WebSession> SIGNED_IN = new ConcurrentHashMap<>();

    private WebSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Signs in through the login form, and the MFA step with {@link TestTotp} where the person needs it; fails the test
     * when the credentials are refused. A session that went through MFA is kept and handed out again while it is
     * valid: the desk accepts each authenticator code once, so fresh MFA sign-ins are rationed by the clock.
     */
    public static WebSession signIn(String base, String email, String password) {
        String key = base + " " + email + " " + password;
        WebSession kept = SIGNED_IN.get(key);
        if (kept != null) {
            Page home = kept.get("/");
            if (home.location() == null || !home.location().contains("/login")) return kept;
        }
        WebSession s = new WebSession(base);
        Page login = s.tryLogin(email, password);
        if (login.location() == null || login.location().contains("error") || login.location().contains("/login")) {
            throw new AssertionError("Sign-in refused for " + email + ": " + login.status() + " " + login.location());
        }
        if (s.usedMfa) SIGNED_IN.put(key, s);
        return s;
    }

    /** A browser that has not signed in (its POSTs carry the CSRF token of the login page). */
    public static WebSession anonymous(String base) {
        WebSession s = new WebSession(base);
        s.get("/login");
        return s;
    }

    /** A browser that has not signed in yet. */
    public static WebSession fresh(String base) {
        return new WebSession(base);
    }

    /** Only the password step of the login form: answers its redirect ("/", "/login/mfa", "/login/mfa/enrol" or "/login?error"). */
    public Page passwordStep(String email, String password) {
        get("/login");
        return post("/login", "username", email, "password", password);
    }

    /** Tries the login form and answers the response (a redirect to "/" or to "/login?error"). */
    public static Page attemptSignIn(String base, String email, String password) {
        return new WebSession(base).tryLogin(email, password);
    }

    private Page tryLogin(String email, String password) {
        get("/login");
        Page p = post("/login", "username", email, "password", password);
        if (p.location() != null && p.location().endsWith("/login/mfa")) {
            usedMfa = true;
            get("/login/mfa");
            p = post("/login/mfa", "code", TestTotp.nextCode(base, email));
        }
        return p;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts a form with the CSRF token of the last page; {@code fields} are name, value, name, value, ... */
    public Page post(String path, String... fields) {
        return postWith(Map.of(), path, fields);
    }

    /** A form post with extra request headers, such as htmx's {@code HX-Request}. */
    public Page postWith(Map<String, String> headers, String path, String... fields) {
        List<String> pairs = new ArrayList<>(List.of(fields));
        if (csrf != null) {
            pairs.add("_csrf");
            pairs.add(csrf);
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(enc(pairs.get(i))).append('=').append(enc(pairs.get(i + 1)));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Follows a redirect the way a browser would (a GET of the Location). */
    public Page follow(Page redirect) {
        if (redirect.location() == null) throw new AssertionError("Expected a redirect, got " + redirect.status() + ": " + redirect.text());
        return get(redirect.location());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) csrf = m.group(1) != null ? m.group(1) : m.group(2);
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public record Page(int status, String html, String location) {

        private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">",
                "&quot;", "\"", "&#39;", "'", "&nbsp;", " ");

        /** The page's main content as a reader sees it: no tags, entities decoded, whitespace collapsed. */
        public String text() {
            int start = html.indexOf("<main");
            int end = html.lastIndexOf("</main>");
            String main = start >= 0 && end > start ? html.substring(start, end) : html;
            String t = main.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
            for (Map.Entry<String, String> e : ENTITIES.entrySet()) t = t.replace(e.getKey(), e.getValue());
            return t.replaceAll("\\s+", " ").strip();
        }

        /** The message shown next to a form field (the element with id {@code <field>-error}), or null. */
        public String fieldError(String field) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<").matcher(html);
            return m.find() ? new Page(200, m.group(1), null).text() : null;
        }

        /** The value of a link's href whose visible text is exactly {@code linkText}, or null. */
        public String link(String linkText) {
            Matcher m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>\\s*" + Pattern.quote(linkText) + "\\s*</a>").matcher(html);
            return m.find() ? new Page(200, m.group(1), null).text().replace(" ", "") : null;
        }
    }
}

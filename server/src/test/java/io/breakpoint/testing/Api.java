package io.breakpoint.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP against the running server, as a given person (bearer token) or as nobody. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Tokens per server and person: signing in costs a password hash, so each person signs in once per context. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** Per server port: enrols people who need MFA and have no app yet with {@link TestTotp#SECRET}. */
    private static final Map<Integer, Runnable> ENROLERS = new ConcurrentHashMap<>();

    private final String base;

    public static void enrolNewcomersWith(int port, Runnable enroler) {
        ENROLERS.put(port, enroler);
    }

    private Api(String base) {
        this.base = base;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port);
    }

    public Caller as(Clinics.Person person) {
        return withToken(TOKENS.computeIfAbsent(base + " " + person.email(), k -> signIn(person.email(), Clinics.PASSWORD)));
    }

    public Caller anonymous() {
        return new Caller(null);
    }

    public Caller withToken(String token) {
        return new Caller(token);
    }

    /** A fresh token, for tests that revoke it. */
    public String signIn(String email, String password) {
        Response r = anonymous().post("/api/v1/auth/token", Map.of("username", email, "password", password));
        Runnable enroler = ENROLERS.get(java.net.URI.create(base).getPort());
        if (r.status() == 401 && r.body().contains("\"mfa_enrolment_required\"") && enroler != null) {
            enroler.run();
            r = anonymous().post("/api/v1/auth/token", Map.of("username", email, "password", password));
        }
        if (r.status() == 401 && r.body().contains("\"mfa_required\"")) {
            r = anonymous().post("/api/v1/auth/token", Map.of("username", email, "password", password,
                    "totp", TestTotp.nextCode(base, email)));
        }
        assertThat(r.status()).as("sign-in of %s: %s", email, r.body()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    public final class Caller {
        private final String token;

        private Caller(String token) {
            this.token = token;
        }

        public Response get(String path) {
            return send("GET", path, null);
        }

        public Response post(String path, Object body, String... headers) {
            return send("POST", path, body, headers);
        }

        /**
         * Sends a request; a String body goes as it is (for malformed JSON), anything else as JSON, null as no body.
         * {@code headers} are name, value pairs.
         */
        public Response send(String method, String path, Object body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) b.header("Authorization", "Bearer " + token);
            boolean contentTypeGiven = false;
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
                contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
            }
            if (body != null && !contentTypeGiven) b.header("Content-Type", "application/json");
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            b.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body as JSON, after checking the status; a failure shows what the server said. */
        public JsonNode expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return json();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}

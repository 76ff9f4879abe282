package io.breakpoint.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The few API calls the benchmarks make, against a server on this machine only: a load generator pointed at
 * someone else's host by mistake is a denial-of-service tool, so a non-loopback base URL is refused.
 */
final class BreakpointClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final URI base;
    final HttpClient http;
    private String token;

    BreakpointClient(String baseUrl) throws IOException {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        for (InetAddress a : InetAddress.getAllByName(base.getHost())) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("Benchmarks only target this machine; " + base.getHost() + " is " + a);
            }
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Signs in; people who use MFA (MSP staff) need the demo's BREAKPOINT_DEMO_TOTP_SECRET in the environment, which
     * server-lifecycle.sh sets for the server and the benchmarks alike.
     */
    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(json("/api/v1/auth/token", Map.of("username", username, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        String secret = System.getenv("BREAKPOINT_DEMO_TOTP_SECRET");
        if (r.statusCode() == 401 && r.body().contains("\"mfa_required\"") && secret != null && !secret.isBlank()) {
            r = http.send(json("/api/v1/auth/token", Map.of("username", username, "password", password,
                    "totp", totp(secret, System.currentTimeMillis() / 30_000))), HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) throw new IllegalStateException("Sign-in as " + username + " failed: " + r.statusCode() + " " + r.body());
        token = JSON.readTree(r.body()).get("token").asString();
    }

    /** RFC 6238 with the authenticator defaults (HMAC-SHA1, 6 digits, 30 s), as the server checks it. */
    static String totp(String base32Secret, long step) {
        try {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
            int buffer = 0, bits = 0;
            for (char c : base32Secret.replace("=", "").replace(" ", "").toUpperCase().toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    key.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int v = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", v % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return base.toString();
    }

    String token() {
        return token;
    }

    HttpRequest json(String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(get(pathAndQuery), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }
}

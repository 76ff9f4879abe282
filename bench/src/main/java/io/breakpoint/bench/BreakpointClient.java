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

    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(json("/api/v1/auth/token", Map.of("username", username, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("Sign-in as " + username + " failed: " + r.statusCode() + " " + r.body());
        token = JSON.readTree(r.body()).get("token").asString();
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

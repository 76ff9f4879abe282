package io.breakpoint.triage.web;

import io.breakpoint.DemoServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview route and automatic triage of new tickets, through the real API of a demo server. */
class TriagePreviewApiTest extends DemoServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> r = post("/api/v1/auth/token", Map.of("username", "dr.ellis@riverbend.demo", "password", PASSWORD), null);
        token = json.readTree(r.body()).get("token").asString();
    }

    @Test
    void previewSaysWhatTriageWouldDecideWithReasons() throws Exception {
        HttpResponse<String> r = post("/api/v1/triage/preview", Map.of("subject", "weird email",
                "description", "got an odd email about my paycheck, clicked it, then typed my password"), token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("category").asString()).isEqualTo("SECURITY_INCIDENT");
        assertThat(body.get("tier").asInt()).isEqualTo(3);
        assertThat(body.get("priority").asString()).isEqualTo("P1");
        assertThat(body.get("containsPhi").asBoolean()).isFalse();
        assertThat(body.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("reasons").toString()).contains("SECURITY_INCIDENT");
    }

    @Test
    void previewRejectsUnknownFieldsTooLongTextAndStrangers() throws Exception {
        assertThat(post("/api/v1/triage/preview", Map.of("subject", "printer", "priority", "P1"), token).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/triage/preview", Map.of("subject", "x".repeat(201)), token).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/triage/preview", Map.of("subject", "printer", "description", "x".repeat(20_001)), token).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/triage/preview", Map.of("subject", " "), token).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/triage/preview", Map.of("subject", "printer"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aNewTicketIsTriagedByTheEngineNotTheTierOneDefault() throws Exception {
        HttpResponse<String> r = post("/api/v1/tickets", Map.of("subject", "EVERYTHING DOWN",
                "description", "no internet in the whole clinic, nobody can chart, patients waiting", "category", "PRINTING_SCANNING"), token);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode t = json.readTree(r.body());
        assertThat(t.get("category").asString()).isEqualTo("NETWORK_CONNECTIVITY");
        assertThat(t.get("tier").asInt()).isEqualTo(2);
        assertThat(t.get("priority").asString()).isEqualTo("P1");
    }

    @Test
    void previewSaysWhenTheTextHoldsPhiAndWhichKindsButNotTheValues() throws Exception {
        HttpResponse<String> r = post("/api/v1/triage/preview", Map.of("subject", "chart locked",
                "description", "Can't open the chart for Maria Gonzalez DOB 03/14/1962, MRN 00482913"), token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("containsPhi").asBoolean()).isTrue();
        assertThat(body.get("phiKinds").toString()).isEqualTo("[\"PATIENT_NAME\",\"DATE_OF_BIRTH\",\"MEDICAL_RECORD_NUMBER\"]");
        assertThat(r.body()).doesNotContain("00482913").doesNotContain("Gonzalez");
    }

    @Test
    void theOpenApiDescriptionExplainsContainsPhi() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("/api/v1/triage/preview").contains("containsPhi and phiKinds say whether the text holds PHI");
    }

    private HttpResponse<String> post(String path, Map<String, String> body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

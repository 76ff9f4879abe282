package io.breakpoint.agent;

import io.breakpoint.agent.json.Json;
import io.breakpoint.agent.probe.Http;
import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.SlownessReceipt;
import io.breakpoint.agent.protocol.SlownessReport;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.agent.protocol.Throughput;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The routes of the agent protocol (see io.breakpoint.agent.protocol's package-info). */
public final class ServerClient {

    /** The server answered, but not with success. */
    public static final class Refused extends IOException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** Sending the same request again cannot succeed (unlike 408, 429 and 5xx). */
        public boolean permanent() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long THROUGHPUT_MAX_BYTES = 32L * 1024 * 1024;

    private final URI base;
    private final DeviceCredentials credentials;
    private final Http http;

    public ServerClient(URI base, DeviceCredentials credentials, Trust trust) {
        this.base = base;
        this.credentials = credentials;
        this.http = new Http(trust.sslContext(), Duration.ofSeconds(5), TIMEOUT);
    }

    public EnrollmentResponse enroll(EnrollmentRequest request) throws IOException {
        return call("POST", "/api/v1/agent/enrollments", request, false, EnrollmentResponse.class);
    }

    public SiteConfig config() throws IOException {
        return call("GET", "/api/v1/agent/config", null, true, SiteConfig.class);
    }

    public BatchReceipt send(TelemetryBatch batch) throws IOException {
        return call("POST", "/api/v1/telemetry", batch, true, BatchReceipt.class);
    }

    public SlownessReceipt reportSlowness(UUID deviceId, SlownessReport report) throws IOException {
        return call("POST", "/api/v1/devices/" + deviceId + "/slowness-reports", report, true, SlownessReceipt.class);
    }

    /** Downloads {@code url} (relative to the server, or absolute) and times it. */
    public Throughput throughput(String url) throws IOException {
        long start = System.nanoTime();
        Map<String, String> headers = headers(true, false);
        headers.put("Accept", "*/*"); // the server answers with application/octet-stream
        Http.Response response = http.download(resolve(url), headers, THROUGHPUT_MAX_BYTES, false);
        if (response.status() != 200) throw new Refused(response.status(), "throughput: HTTP " + response.status());
        double seconds = Math.max(1e-6, (System.nanoTime() - start) / 1e9);
        return new Throughput(response.bytes(), seconds, Math.round(response.bytes() * 8 / seconds / 1e4) / 100.0);
    }

    URI resolve(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return URI.create(root + (path.startsWith("/") ? path : "/" + path));
    }

    private Map<String, String> headers(boolean authorized, boolean jsonBody) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        if (jsonBody) h.put("Content-Type", "application/json");
        if (authorized) h.put("Authorization", credentials.authorizationHeader());
        return h;
    }

    private <T> T call(String method, String path, Object body, boolean authorized, Class<T> type) throws IOException {
        Http.Response response = http.text(method, resolve(path), headers(authorized, body != null),
                body == null ? null : Json.write(body));
        int status = response.status();
        if (status < 200 || status >= 300) throw new Refused(status, describe(method, path, status, response.body()));
        try {
            return Json.read(response.body(), type);
        } catch (Json.MalformedJson malformed) {
            throw new IOException(path + ": the server's answer is not a valid " + type.getSimpleName()
                    + " (" + malformed.getMessage() + ")");
        }
    }

    /** "POST /api/v1/agent/enrollments: HTTP 404: no site has this code" from a problem-details body when there is one. */
    private static String describe(String method, String path, int status, String body) {
        String detail = null;
        try {
            Object tree = Json.parse(body);
            if (tree instanceof Map) {
                Object d = ((Map<?, ?>) tree).get("detail");
                Object t = ((Map<?, ?>) tree).get("title");
                detail = d != null ? d.toString() : t != null ? t.toString() : null;
            }
        } catch (RuntimeException notJson) {
            // plain text or nothing: the status says enough
        }
        return method + " " + path + ": HTTP " + status + (detail == null ? "" : ": " + detail);
    }
}

package io.breakpoint.agent;

import io.breakpoint.agent.json.Json;
import io.breakpoint.agent.probe.Probes;
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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The routes of the agent protocol (see io.breakpoint.agent.protocol's package-info), over java.net.http. */
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
    private final HttpClient http;

    public ServerClient(URI base, DeviceCredentials credentials, Trust trust) {
        this.base = base;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(trust.sslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Probes.HTTP_EXECUTOR)
                .build();
    }

    public EnrollmentResponse enroll(EnrollmentRequest request) throws IOException {
        return call(post("/api/v1/agent/enrollments", request, false), EnrollmentResponse.class);
    }

    public SiteConfig config() throws IOException {
        return call(authorized(HttpRequest.newBuilder(resolve("/api/v1/agent/config"))).GET().build(), SiteConfig.class);
    }

    public BatchReceipt send(TelemetryBatch batch) throws IOException {
        return call(post("/api/v1/telemetry", batch, true), BatchReceipt.class);
    }

    public SlownessReceipt reportSlowness(UUID deviceId, SlownessReport report) throws IOException {
        return call(post("/api/v1/devices/" + deviceId + "/slowness-reports", report, true), SlownessReceipt.class);
    }

    /** Downloads {@code url} (relative to the server, or absolute) and times it. */
    public Throughput throughput(String url) throws IOException {
        HttpRequest request = authorized(HttpRequest.newBuilder(resolve(url))).GET().build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) throw new Refused(response.statusCode(), "throughput: HTTP " + response.statusCode());
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0 && bytes < THROUGHPUT_MAX_BYTES) bytes += n;
        }
        double seconds = Math.max(1e-6, (System.nanoTime() - start) / 1e9);
        return new Throughput(bytes, seconds, bytes * 8 / seconds / 1e6);
    }

    URI resolve(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return URI.create(root + (path.startsWith("/") ? path : "/" + path));
    }

    private HttpRequest post(String path, Object body, boolean authorized) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        return (authorized ? authorized(builder) : builder).build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", credentials.authorizationHeader());
    }

    private <T> T call(HttpRequest request, Class<T> type) throws IOException {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status < 200 || status >= 300) throw new Refused(status, describe(request, status, response.body()));
        try {
            return Json.read(response.body(), type);
        } catch (Json.MalformedJson malformed) {
            throw new IOException(request.uri().getPath() + ": the server's answer is not a valid "
                    + type.getSimpleName() + " (" + malformed.getMessage() + ")");
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** "HTTP 409: the code has expired" from a problem-details body when there is one. */
    private static String describe(HttpRequest request, int status, String body) {
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
        return request.method() + " " + request.uri().getPath() + ": HTTP " + status + (detail == null ? "" : ": " + detail);
    }
}

package io.breakpoint.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.breakpoint.agent.json.Json;
import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.SlownessReceipt;
import io.breakpoint.agent.protocol.SlownessReport;
import io.breakpoint.agent.protocol.TelemetryBatch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Breakpoint server that speaks the agent protocol, for tests and for the agent benchmark
 * ({@code main}). It keeps samples by id like the real one: a sample sent twice is stored once.
 */
public final class FakeServer implements AutoCloseable {

    public static final String CODE = "LAKESIDE-7F3K";
    public static final UUID SITE = UUID.fromString("5a1e0000-0000-0000-0000-00000000c11c");

    private final int port;
    private HttpServer http;
    private final Map<UUID, String> secrets = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Every sample stored, in the order the server received it (each id once). */
    public final List<Sample> stored = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<SlownessReport> reports = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger batches = new AtomicInteger();
    public final AtomicInteger duplicates = new AtomicInteger();
    public final AtomicInteger configRequests = new AtomicInteger();
    /** What GET /api/v1/agent/config answers (raw, so tests can send malformed text). */
    public volatile String configJson;
    /** Batches with more samples are refused whole with 413, like a server with a smaller limit. */
    public volatile int maxBatch = Integer.MAX_VALUE;
    /** Store the next N batches but fail the answer, as if the receipt were lost on the way back. */
    public final AtomicInteger loseReceipts = new AtomicInteger();

    public FakeServer(int port) {
        this.port = port;
        config(new SiteConfig(1, 60, 0, 300, 100, null, null, List.of(), List.of(), List.of(), "/throughput"));
    }

    public FakeServer() {
        this(0);
    }

    public FakeServer config(SiteConfig config) {
        this.configJson = Json.write(config);
        return this;
    }

    public FakeServer start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        http.createContext("/api/v1/agent/enrollments", this::enroll);
        http.createContext("/api/v1/agent/config", this::config);
        http.createContext("/api/v1/telemetry", this::telemetry);
        http.createContext("/api/v1/devices/", this::slowness);
        http.createContext("/throughput", ex -> {
            String accept = ex.getRequestHeaders().getFirst("Accept");
            if (accept != null && !accept.contains("*/*") && !accept.contains("application/octet-stream")) {
                problem(ex, 406, "Not acceptable", "the throughput sample is application/octet-stream"); // as Spring answers
                return;
            }
            answer(ex, 200, "application/octet-stream", new byte[256 * 1024]);
        });
        http.createContext("/emr", ex -> answer(ex, 200, "text/html", "<html>EMR login</html>".getBytes(StandardCharsets.UTF_8)));
        http.start();
        return this;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Registers a device without enrollment, for tests that start enrolled. */
    public void knowDevice(UUID deviceId, String secret) {
        secrets.put(deviceId, secret);
    }

    public List<UUID> storedIds() {
        synchronized (stored) {
            List<UUID> ids = new ArrayList<>();
            for (Sample s : stored) ids.add(s.id());
            return ids;
        }
    }

    @Override
    public void close() {
        if (http != null) http.stop(0);
    }

    private void enroll(HttpExchange ex) throws IOException {
        EnrollmentRequest request = Json.read(body(ex), EnrollmentRequest.class);
        if (!CODE.equals(request.code())) {
            problem(ex, 404, "Unknown enrollment code", "no site has this enrollment code, or it has expired");
            return;
        }
        UUID id = UUID.randomUUID();
        String secret = "s3cret-" + UUID.randomUUID();
        secrets.put(id, secret);
        json(ex, 201, new EnrollmentResponse(id, secret, SITE, "Lakeside Clinic"));
    }

    private void config(HttpExchange ex) throws IOException {
        if (device(ex) == null) return;
        configRequests.incrementAndGet();
        answer(ex, 200, "application/json", configJson.getBytes(StandardCharsets.UTF_8));
    }

    private void telemetry(HttpExchange ex) throws IOException {
        UUID device = device(ex);
        if (device == null) return;
        TelemetryBatch batch = Json.read(body(ex), TelemetryBatch.class);
        if (batch.samples().size() > maxBatch) {
            problem(ex, 413, "Batch too large", "A batch holds at most " + maxBatch + " samples");
            return;
        }
        batches.incrementAndGet();
        int accepted = 0;
        int dup = 0;
        for (Sample s : batch.samples()) {
            if (seen.putIfAbsent(s.id(), true) == null) {
                stored.add(s);
                accepted++;
            } else {
                dup++;
            }
        }
        duplicates.addAndGet(dup);
        if (loseReceipts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            problem(ex, 503, "Unavailable", "receipt lost on purpose");
            return;
        }
        json(ex, 200, new BatchReceipt(accepted, dup, List.of()));
    }

    private void slowness(HttpExchange ex) throws IOException {
        if (device(ex) == null) return;
        reports.add(Json.read(body(ex), SlownessReport.class));
        json(ex, 201, new SlownessReceipt(UUID.randomUUID(), "T-1042", "WAN",
                "The clinic's internet link is saturated; we are on it."));
    }

    private UUID device(HttpExchange ex) throws IOException {
        DeviceCredentials c = DeviceCredentials.parse(ex.getRequestHeaders().getFirst("Authorization"));
        if (c == null || !c.secret().equals(secrets.get(c.deviceId()))) {
            problem(ex, 401, "Unauthorized", "unknown device or wrong secret");
            return null;
        }
        return c.deviceId();
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        answer(ex, status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        answer(ex, status, "application/problem+json",
                Json.write(Map.of("title", title, "status", status, "detail", detail)).getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * For the agent benchmark: {@code FakeServer PORT SAMPLE_EVERY_SECONDS [--tls-emr DIR]}. Probes point at this
     * server itself (an EMR page, a two-step transaction, a reference host), with a throughput sample every 5
     * minutes. With {@code --tls-emr}, the EMR is an HTTPS server with a self-signed certificate for localhost
     * whose PEM is written to DIR/localhost.pem (enroll the agent with {@code --trust-cert} that file).
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        FakeServer server = new FakeServer(port);
        String base = "http://127.0.0.1:" + port;
        String emr = base + "/emr";
        if (args.length > 3 && "--tls-emr".equals(args[2])) {
            io.breakpoint.agent.probe.SelfSignedServer tls = new io.breakpoint.agent.probe.SelfSignedServer(
                    java.nio.file.Path.of(args[3]), "localhost");
            emr = "https://localhost:" + tls.port() + "/emr";
            System.out.println("EMR over TLS on " + emr + ", certificate " + tls.pem());
        }
        server.config(new SiteConfig(1, every, 300, 300, 200, "127.0.0.1:" + port, "127.0.0.1:" + port,
                List.of(emr), List.of(emr + "/login", emr + "/app.js"), List.of(), "/throughput"));
        server.start();
        System.out.println("fake server on " + base + ", enrollment code " + CODE);
        Thread.currentThread().join();
    }
}

package io.breakpoint.e2e;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import org.junit.jupiter.api.*;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.*;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's proof: a small clinic in network namespaces ({@code e2e/clinic-netns.sh}: two clinical workstations and a
 * guest phone on one bridged segment, a guest workstation on its own segment, a clinic router, a WAN link to a hub,
 * and beyond the hub, in the root namespace, this test's Breakpoint server and an "EMR" HTTPS server), the real agent
 * jar running on the three workstations, and each fault injected in turn. For each, the site's diagnosis must name
 * the breakpoint and a slowness report from a workstation must open a ticket that carries it.
 *
 * <p>Time is compressed: agents measure every 3 s (set in the table: the API's floor is 10 s), the diagnosis window is 30 s, and the baseline is the agents' own
 * normal phase (raw measurements from before the window count as history). Needs root, {@code ip netns}, {@code tc}
 * with {@code tbf}, and {@code agent/target/breakpoint-agent.jar} (built by {@code mvn verify} before the server's
 * tests); otherwise it is skipped and says why on standard error.
 */
// A database of its own: its properties make a context of its own, and the JVM's shared H2 already has the fixture's MSP.
@org.springframework.test.context.ContextConfiguration(initializers = ClinicNetnsE2ETest.OwnDatabase.class)
@EnabledIf(value = "io.breakpoint.e2e.ClinicNetnsE2ETest#canBuildNamespaces",
        disabledReason = "needs root, ip netns, tc tbf and agent/target/breakpoint-agent.jar (reason printed above)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        "breakpoint.diagnosis.current-window=PT30S",
        "breakpoint.diagnosis.saturated-for=PT15S",
        "breakpoint.telemetry.rate-limit.burst=1000",
        "breakpoint.telemetry.rate-limit.per-minute=100000"})
class ClinicNetnsE2ETest extends ApiTest {

    static class OwnDatabase implements org.springframework.context.ApplicationContextInitializer<org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of("spring.datasource.url=jdbc:h2:mem:bp_e2e_"
                    + java.util.UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa", "spring.datasource.password=").applyTo(context);
        }
    }

    private static final String NS = "bp-e2e-";
    private static final String UPSTREAM = "10.213.250.1";
    private static final Path AGENT_JAR = Path.of("../agent/target/breakpoint-agent.jar").toAbsolutePath().normalize();
    private static final Path LAUNCHER = Path.of("../agent/bin/breakpoint-agent").toAbsolutePath().normalize();
    private static final Duration DIAGNOSIS_WITHIN = Duration.ofSeconds(150);
    /** Each workstation's "processor": this share of one core (a cgroup quota), which its /proc/stat reports. */
    private static final double WORKSTATION_CORES = 0.3;
    private static final List<String> HOSTS = List.of("ws1", "ws2", "ws3", "vis");

    private Path work;
    private Path script;
    private HttpsServer emr;
    private final AtomicInteger emrDelayMs = new AtomicInteger();
    private ServerSocket bulkSource;
    private ServerSocket bulkSink;
    private ExecutorService threads;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Map<String, UUID> devices = new LinkedHashMap<>();
    private UUID site;

    static boolean canBuildNamespaces() {
        String why = null;
        try {
            if (!Files.isRegularFile(AGENT_JAR)) why = AGENT_JAR + " is not built (run mvn verify, or mvn -pl agent package)";
            else if (!"root".equals(System.getProperty("user.name"))) why = "not running as root";
            else {
                Process p = new ProcessBuilder("sh", "-c", "ip netns add bp-e2e-probe && ip netns del bp-e2e-probe"
                        + " && tc qdisc help >/dev/null 2>&1; command -v tc >/dev/null").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) why = "ip netns / tc unavailable: " + out;
            }
        } catch (IOException | InterruptedException e) {
            why = "ip netns unavailable: " + e;
        }
        if (why != null) System.err.println("ClinicNetnsE2ETest SKIPPED: " + why);
        return why == null;
    }

    // ---------------------------------------------------------------- the clinic

    @BeforeAll
    void buildTheClinic() throws Exception {
        work = Files.createTempDirectory("bp-e2e");
        script = work.resolve("clinic-netns.sh");
        try (InputStream in = getClass().getResourceAsStream("/e2e/clinic-netns.sh")) {
            Files.copy(Objects.requireNonNull(in), script);
        }
        script.toFile().setExecutable(true);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "e2e");
            t.setDaemon(true);
            return t;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp));
        sh(script.toString(), "up");
        startCpuViews();
        startEmr();
        startBulkPeers();

        api = Api.at(port); // @BeforeEach has not run yet
        Api.enrolNewcomersWith(port, clinics::enrolNewcomers);
        site = clinics.chesterfield();
        String admin = "/api/v1/sites/" + site;
        api.as(clinics.mspAdmin()).post(admin + "/segments", Map.of("name", "Exam rooms", "purpose", "CLINICAL",
                "cidrs", List.of("10.213.1.0/24"), "probeAddresses", List.of())).expect(201);
        api.as(clinics.mspAdmin()).post(admin + "/segments", Map.of("name", "Guest Wi-Fi", "purpose", "GUEST",
                "cidrs", List.of("10.213.2.0/24"), "probeAddresses", List.of("10.213.2.13:9"))).expect(201);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sampleEverySeconds", 10);
        settings.put("throughputEverySeconds", 3600);
        settings.put("configRefreshSeconds", 60);
        settings.put("edgeHost", "10.213.100.2");
        settings.put("referenceHost", UPSTREAM);
        String emrUrl = "https://" + UPSTREAM + ":" + emr.getAddress().getPort();
        settings.put("emrEndpoints", List.of(emrUrl + "/login"));
        settings.put("emrTransaction", List.of(emrUrl + "/login", emrUrl + "/static/app.css"));
        api.as(clinics.mspAdmin()).send("PUT", admin + "/probe-settings", settings).expect(200);
        // Time compressed below what an admin may configure (10 s): a round every 3 s.
        jdbc.sql("update site_probe_configs set sample_every_seconds = 3, version = version + 1 where site_id = ?")
                .param(site).update();

        for (String ws : List.of("ws1", "ws2", "ws3")) {
            String code = api.as(clinics.mspAdmin()).post(admin + "/enrollment-codes", Map.of("label", ws)).expect(201)
                    .path("code").asString();
            String out = agent(ws, Duration.ofSeconds(120), "enroll", "--server", "http://" + UPSTREAM + ":" + port,
                    "--code", code, "--trust-cert", work.resolve("emr.pem").toString());
            assertThat(out).contains("Enrolled as device");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(state(ws).resolve("device.properties"))) {
                p.load(r);
            }
            devices.put(ws, UUID.fromString(p.getProperty("deviceId")));
        }
        for (String ws : devices.keySet()) {
            processes.add(inNamespace(ws, work.resolve(ws + ".log"), LAUNCHER.toString(), "run", "--state", state(ws).toString()));
        }
        // The normal phase: the baseline every fault is compared with.
        Thread.sleep(60_000);
        JsonNode normal = siteDiagnosis();
        System.err.println("e2e normal phase: " + normal.path("breakpoint").asString() + " " + normal.path("evidence"));
    }

    @AfterAll
    void cleanUp() {
        for (Process p : processes) p.descendants().forEach(ProcessHandle::destroy);
        for (Process p : processes) p.destroy();
        processes.clear();
        if (cpuViews != null) cpuViews.shutdownNow();
        if (emr != null) emr.stop(0);
        emr = null;
        closeQuietly(bulkSource);
        closeQuietly(bulkSink);
        if (threads != null) threads.shutdownNow();
        try {
            if (script != null && Files.exists(script)) sh(script.toString(), "down");
            if (work != null) {
                if (Files.exists(work)) try (var files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (Exception e) {
            System.err.println("e2e clean-up: " + e);
        }
    }

    // ---------------------------------------------------------------- the faults

    @Test
    @Order(1)
    void anEmrThatAnswersSlowlyIsTheCloud() throws Exception {
        notYet("CLOUD");
        emrDelayMs.set(400);
        try {
            expect("CLOUD", "ws1");
        } finally {
            emrDelayMs.set(0);
        }
    }

    @Test
    @Order(2)
    void aSaturatedWanLinkIsTheWan() throws Exception {
        notYet("WAN");
        sh(script.toString(), "shape", NS + "router", "wan0", "1mbit");
        sh(script.toString(), "shape", NS + "hub", "lan0", "1mbit");
        List<Process> bulk = bulkTransfer("ws3");
        try {
            expect("WAN", "ws2");
        } finally {
            stop(bulk);
            sh(script.toString(), "unshape", NS + "router", "wan0");
            sh(script.toString(), "unshape", NS + "hub", "lan0");
        }
    }

    @Test
    @Order(3)
    void aGuestFloodOnTheClinicalSegmentIsTheLocalNetwork() throws Exception {
        notYet("LOCAL_NETWORK");
        sh(script.toString(), "shape", NS + "router", "br0", "1mbit");
        List<Process> flood = bulkTransfer("vis");
        try {
            expect("LOCAL_NETWORK", "ws1");
        } finally {
            stop(flood);
            sh(script.toString(), "unshape", NS + "router", "br0");
        }
    }

    @Test
    @Order(4)
    void aCpuHogOnOneWorkstationIsTheEndpoint() throws Exception {
        notYet("ENDPOINT");
        // Two busy loops on ws1's processor (its cgroup quota): its own /proc/stat shows it saturated.
        List<Process> hogs = new ArrayList<>();
        for (int i = 0; i < 2; i++) hogs.add(inNamespace("ws1", null, "sh", "-c", "while :; do :; done"));
        try {
            JsonNode d = expect("ENDPOINT", "ws1");
            assertThat(d.path("affectedDevices").toString()).as("only the hogged workstation")
                    .contains(devices.get("ws1").toString())
                    .doesNotContain(devices.get("ws2").toString(), devices.get("ws3").toString());
        } finally {
            stop(hogs);
        }
    }

    /** Waits for the site's diagnosis to name the breakpoint, then reports slowness from a workstation. */
    private JsonNode expect(String breakpoint, String reporter) throws Exception {
        long until = System.nanoTime() + DIAGNOSIS_WITHIN.toNanos();
        JsonNode d = siteDiagnosis();
        while (!breakpoint.equals(d.path("breakpoint").asString()) && System.nanoTime() < until) {
            Thread.sleep(3000);
            d = siteDiagnosis();
        }
        System.err.println("e2e " + breakpoint + ": site diagnosis " + d.path("breakpoint").asString() + " "
                + d.path("confidence") + " " + d.path("headline").asString() + "\n  evidence " + d.path("evidence")
                + "\n  alsoSeen " + d.path("alsoSeen"));
        assertThat(d.path("breakpoint").asString()).as("the site's breakpoint; evidence: %s", d.path("evidence"))
                .isEqualTo(breakpoint);

        String out = agent(reporter, Duration.ofSeconds(120), "report-slowness", "Charts take forever",
                "--user", clinics.ellis().email());
        System.err.println("e2e " + breakpoint + ": report-slowness said: " + out);
        UUID ticket = jdbc.sql("select ticket_id from slowness_reports where device_id = ? order by reported_at desc")
                .param(devices.get(reporter)).query(UUID.class).list().get(0);
        JsonNode t = api.as(clinics.ben()).get("/api/v1/tickets/" + ticket).expect(200);
        assertThat(t.path("category").asString()).isEqualTo("EMR_PERFORMANCE");
        assertThat(t.toString()).as("the ticket carries the diagnosis").contains("Breakpoint diagnosis: " + breakpoint);
        assertThat(out).contains("Breakpoint: " + breakpoint);
        return d;
    }

    /** Before a fault: the site must not show it already, not even among the other findings (else it proves nothing). */
    private void notYet(String breakpoint) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (shows(siteDiagnosis(), breakpoint) && System.nanoTime() < until) Thread.sleep(3000);
        JsonNode d = siteDiagnosis();
        assertThat(shows(d, breakpoint)).as("before the fault the site already shows %s: %s", breakpoint, d).isFalse();
    }

    private static boolean shows(JsonNode d, String breakpoint) {
        if (breakpoint.equals(d.path("breakpoint").asString())) return true;
        for (JsonNode f : d.path("alsoSeen")) if (breakpoint.equals(f.path("breakpoint").asString())) return true;
        return false;
    }

    private JsonNode siteDiagnosis() {
        return api.as(clinics.mspAdmin()).get("/api/v1/diagnosis/sites/" + site).expect(200);
    }

    // ---------------------------------------------------------------- each workstation's own CPU

    /**
     * The namespaces share one kernel and one /proc/stat, which on a shared build machine is often above 90% busy:
     * every agent would read the same saturated CPU. Like lxcfs, each workstation gets its own /proc/stat (mounted
     * by {@code clinic-netns.sh run}), written here every 500 ms from its cgroup's CPU usage against its quota.
     * Numbers have a fixed width so that the file is rewritten in place at the same length.
     */
    private void startCpuViews() throws IOException {
        long start = System.nanoTime();
        String btime = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime"))
                .findFirst().orElse("btime 0");
        Map<String, long[]> idle = new ConcurrentHashMap<>();
        for (String ws : HOSTS) {
            writeStat(ws, btime, 0, 0);
            idle.put(ws, new long[1]);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "e2e-cpu-views");
            t.setDaemon(true);
            return t;
        });
        cpuViews = ticker;
        ticker.scheduleAtFixedRate(() -> {
            long total = Math.round((System.nanoTime() - start) / 10_000_000.0 * WORKSTATION_CORES); // USER_HZ ticks
            for (String ws : HOSTS) {
                try {
                    Path usage = Path.of("/sys/fs/cgroup/cpuacct/" + NS + ws + "/cpuacct.usage");
                    long busy = Files.exists(usage) ? Long.parseLong(Files.readString(usage).trim()) / 10_000_000L : 0;
                    long[] last = idle.get(ws);
                    last[0] = Math.max(last[0], total - busy);
                    writeStat(ws, btime, busy, last[0]);
                } catch (IOException | RuntimeException e) {
                    // the next tick tries again
                }
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    private ScheduledExecutorService cpuViews;

    private void writeStat(String ws, String btime, long busy, long idle) throws IOException {
        String text = String.format("cpu  %14d 0 0 %14d 0 0 0 0 0 0%ncpu0 %14d 0 0 %14d 0 0 0 0 0 0%n"
                + "%s%nprocesses 1%nprocs_running 1%nprocs_blocked 0%n", busy, idle, busy, idle, btime);
        try (RandomAccessFile f = new RandomAccessFile(work.resolve("stat-" + ws).toFile(), "rw")) {
            f.seek(0);
            f.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    // ---------------------------------------------------------------- servers beyond the hub

    private void startEmr() throws Exception {
        Path store = work.resolve("emr.p12");
        sh("keytool", "-genkeypair", "-alias", "emr", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=emr",
                "-ext", "san=ip:" + UPSTREAM, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        sh("keytool", "-exportcert", "-rfc", "-alias", "emr", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", work.resolve("emr.pem").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        emr = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(UPSTREAM), 0), 50);
        emr.setHttpsConfigurator(new HttpsConfigurator(ssl));
        emr.setExecutor(threads);
        emr.createContext("/", exchange -> {
            try {
                int delay = emrDelayMs.get();
                if (delay > 0) Thread.sleep(delay);
                byte[] body = "<html>EMR</html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        emr.start();
    }

    /** A peer beyond the hub for bulk transfers: one port streams zeros, the other swallows whatever comes. */
    private void startBulkPeers() throws IOException {
        bulkSource = new ServerSocket(0, 50, InetAddress.getByName(UPSTREAM));
        bulkSink = new ServerSocket(0, 50, InetAddress.getByName(UPSTREAM));
        threads.submit(() -> accept(bulkSource, s -> {
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = s.getOutputStream()) {
                while (true) out.write(zeros);
            }
        }));
        threads.submit(() -> accept(bulkSink, s -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = s.getInputStream()) {
                while (in.read(buffer) >= 0) {
                    // discard
                }
            }
        }));
    }

    private interface Peer {
        void serve(Socket s) throws IOException;
    }

    private void accept(ServerSocket server, Peer peer) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> {
                    try (s) {
                        peer.serve(s);
                    } catch (IOException ignored) {
                        // the transfer ends when the fault is removed
                    }
                    return null;
                });
            } catch (IOException | RejectedExecutionException e) {
                return;
            }
        }
    }

    /** Two downloads and an upload across the path from the namespace to beyond the hub. */
    private List<Process> bulkTransfer(String ws) throws IOException {
        List<Process> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            out.add(inNamespace(ws, null, "bash", "-c", "exec 3<>/dev/tcp/" + UPSTREAM + "/" + bulkSource.getLocalPort()
                    + " && exec cat <&3 >/dev/null"));
        }
        out.add(inNamespace(ws, null, "bash", "-c", "exec cat /dev/zero > /dev/tcp/" + UPSTREAM + "/" + bulkSink.getLocalPort()));
        return out;
    }

    // ---------------------------------------------------------------- processes

    private Path state(String ws) {
        return work.resolve("state-" + ws);
    }

    private Process inNamespace(String ws, Path log, String... command) throws IOException {
        return inNamespace(ws, ws, log, command);
    }

    /** Runs a command on a workstation, its CPU counted in {@code cgroup} (and against that group's quota). */
    private Process inNamespace(String ws, String cgroup, Path log, String... command) throws IOException {
        List<String> c = new ArrayList<>(List.of(script.toString(), "run", ws, work.resolve("stat-" + ws).toString()));
        c.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(c).redirectErrorStream(true);
        b.environment().put("CGROUP", cgroup);
        b.environment().put("CPU_QUOTA_US", String.valueOf(Math.round(WORKSTATION_CORES * 100_000)));
        b.environment().put("BREAKPOINT_AGENT_JAR", AGENT_JAR.toString());
        b.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        return b.start();
    }

    /** Runs an agent command on a workstation and returns what it printed. */
    private String agent(String ws, Duration timeout, String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of(LAUNCHER.toString()));
        c.addAll(List.of(args));
        c.addAll(List.of("--state", state(ws).toString()));
        Path log = work.resolve(ws + "-command.log");
        Files.deleteIfExists(log);
        // A one-off command's JVM would saturate the workstation's small processor for a while: its CPU is counted
        // apart, so that only the injected faults load the workstations.
        Process p = inNamespace(ws, ws + "-cmd", log, c.toArray(String[]::new));
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("agent " + args[0] + " on " + ws + " did not finish in " + timeout);
        }
        return Files.readString(log);
    }

    private void stop(List<Process> ps) throws InterruptedException {
        for (Process p : ps) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : ps) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

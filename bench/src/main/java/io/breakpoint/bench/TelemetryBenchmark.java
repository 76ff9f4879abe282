package io.breakpoint.bench;

import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telemetry ingestion: enrolls {@code --devices} workstations at a demo site (as the MSP admin), builds every batch
 * before the clock starts ({@code --batches} of {@code --samples} samples with {@code --probes} hops each, all with
 * fresh ids), then posts them from {@code --concurrency} closed-loop workers, each batch as the device it belongs to.
 * A "measurement" here is one hop measurement row (probe_measurements): the unit the 50,000/s target counts.
 */
public final class TelemetryBenchmark {

    private static final String[] HOPS = {"GATEWAY", "EDGE", "REFERENCE", "EMR", "EMR_TRANSACTION", "THROUGHPUT"};

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = Args.parse(argv);
        BreakpointClient client = new BreakpointClient(Args.required(a, "base", "BREAKPOINT_BASE"));
        int devices = Integer.parseInt(a.getOrDefault("devices", "40"));
        int batches = Integer.parseInt(a.getOrDefault("batches", "200"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        int samples = Integer.parseInt(a.getOrDefault("samples", "500"));
        int probes = Integer.parseInt(a.getOrDefault("probes", "6"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "4"));
        client.signIn(Args.required(a, "user", "BREAKPOINT_USER"), Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD"));

        JsonNode sites = client.getJson("/api/v1/sites");
        String siteId = sites.get(0).get("id").asString();
        HttpResponse<String> code = client.http.send(client.json("/api/v1/sites/" + siteId + "/enrollment-codes",
                Map.of("maxUses", devices, "label", "telemetry benchmark")), HttpResponse.BodyHandlers.ofString());
        if (code.statusCode() != 201) throw new IllegalStateException("enrollment code: " + code.statusCode() + " " + code.body());
        String enrollmentCode = BreakpointClient.JSON.readTree(code.body()).get("code").asString();
        List<DeviceCredentials> enrolled = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(client.base.resolve("/api/v1/agent/enrollments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BreakpointClient.JSON.writeValueAsString(Map.of(
                            "code", enrollmentCode, "hostname", "BENCH-" + i, "agentVersion", "bench")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("enroll: " + r.statusCode() + " " + r.body());
            JsonNode n = BreakpointClient.JSON.readTree(r.body());
            enrolled.add(new DeviceCredentials(UUID.fromString(n.get("deviceId").asString()), n.get("secret").asString()));
        }

        System.out.printf("building %d batches of %d samples x %d hops (%,d measurement rows each)...%n",
                warmup + batches, samples, probes, (long) samples * probes);
        Random random = new Random(42);
        Instant now = Instant.now();
        List<HttpRequest> requests = new ArrayList<>();
        long bodyBytes = 0;
        for (int b = 0; b < warmup + batches; b++) {
            DeviceCredentials d = enrolled.get(b % devices);
            List<Sample> list = new ArrayList<>(samples);
            for (int s = 0; s < samples; s++) {
                List<ProbeResult> results = new ArrayList<>(probes);
                for (int p = 0; p < probes; p++) {
                    double base = p < 2 ? 1 + p * 4 : 20 + p * 30;
                    double total = base * (0.8 + random.nextDouble() * 0.6);
                    results.add(new ProbeResult(HOPS[p % HOPS.length], "target-" + p + ".example.com:443", p >= 3 ? 2.0 : null,
                            total / 2, p >= 3 ? total / 4 : null, p >= 3 ? total * 0.8 : null, total, 3, random.nextInt(50) == 0 ? 1 : 0,
                            total * 0.05, null));
                }
                Instant takenAt = now.minusSeconds(60L * (s + 1) + random.nextInt(60));
                list.add(new Sample(UUID.randomUUID(), takenAt, now, "10.20." + (b % 4) + "." + (10 + b % devices), null,
                        new DeviceState(random.nextDouble() * 0.6, 0.3 + random.nextDouble() * 0.4, 0.5, List.of()), results,
                        null, null, false));
            }
            byte[] body = BreakpointClient.JSON.writeValueAsBytes(new TelemetryBatch(d.deviceId(), "bench", list));
            bodyBytes += body.length;
            requests.add(HttpRequest.newBuilder(client.base.resolve("/api/v1/telemetry")).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Authorization", d.authorizationHeader())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        System.out.printf("bodies: %.1f MB in all, %.0f kB per batch%n", bodyBytes / 1e6, bodyBytes / 1e3 / requests.size());

        String serverPid = a.get("server-pid");
        String db = a.get("db");
        run(client, requests.subList(0, warmup), concurrency, samples, probes, "warm-up", false, null, null);
        run(client, requests.subList(warmup, requests.size()), concurrency, samples, probes, "measured", true, serverPid, db);
    }

    /**
     * CPU seconds used so far by the server process and by the PostgreSQL backends serving the benchmark database
     * (from /proc, in clock ticks of 1/100 s). On a machine shared with other work, throughput says little about
     * capacity; CPU per row does: rows / (server + database CPU seconds) x cores is what the cores could do alone.
     */
    private static double[] cpuSeconds(String serverPid, String db) {
        if (serverPid == null) return null;
        double server = ticks(serverPid) / 100.0, database = 0;
        if (db != null) {
            try (var c = java.sql.DriverManager.getConnection(db, "postgres", "");
                 var rs = c.createStatement().executeQuery(
                         "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
                while (rs.next()) database += ticks(Integer.toString(rs.getInt(1))) / 100.0;
            } catch (java.sql.SQLException e) {
                System.err.println("no PostgreSQL CPU figures: " + e.getMessage());
            }
        }
        return new double[]{server, database};
    }

    private static long ticks(String pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15 of stat)
        } catch (Exception e) {
            return 0;
        }
    }

    private static void run(BreakpointClient client, List<HttpRequest> requests, int concurrency, int samples, int probes,
                            String label, boolean print, String serverPid, String db) throws Exception {
        double[] cpuBefore = cpuSeconds(serverPid, db);
        Latencies latencies = new Latencies(requests.size());
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong(), errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Latencies> perWorker = Collections.synchronizedList(new ArrayList<>());
        long cpu0 = Machine.processCpuNanos();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(pool.submit(() -> {
                Latencies mine = new Latencies(requests.size() / concurrency + 1);
                perWorker.add(mine);
                int i;
                while ((i = next.getAndIncrement()) < requests.size()) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        mine.add(System.nanoTime() - s);
                        if (r.statusCode() == 200) {
                            accepted.addAndGet(BreakpointClient.JSON.readTree(r.body()).get("accepted").asLong());
                        } else {
                            errors.incrementAndGet();
                            if (errors.get() < 5) System.err.println("HTTP " + r.statusCode() + ": " + r.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errors.get() < 5) System.err.println(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = Machine.processCpuNanos() - cpu0;
        double[] cpuAfter = cpuSeconds(serverPid, db);
        perWorker.forEach(latencies::addAll);
        if (!print) return;
        long rows = accepted.get() * probes;
        System.out.printf("%s: %d batches of %d samples x %d hops at concurrency %d in %.1f s%n", label, requests.size(),
                samples, probes, concurrency, seconds);
        System.out.printf("  samples (agent rounds) accepted: %,d = %,.0f /s%n", accepted.get(), accepted.get() / seconds);
        System.out.printf("  measurements (hop rows) stored:  %,d = %,.0f /s%n", rows, rows / seconds);
        System.out.printf("  batch latency ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f; errors %d%n", latencies.millis(0.5),
                latencies.millis(0.9), latencies.millis(0.99), latencies.maxMillis(), errors.get());
        System.out.printf("  load average %.1f; load generator CPU %.1f s (%.0f%% of the wall time)%n", Machine.loadAverage(),
                cpu / 1e9, cpu / 1e7 / seconds);
        if (cpuBefore != null && cpuAfter != null) {
            double server = cpuAfter[0] - cpuBefore[0], database = cpuAfter[1] - cpuBefore[1];
            System.out.printf("  CPU used: server %.1f s, PostgreSQL backends %.1f s = %,.0f hop rows per CPU-second;%n",
                    server, database, rows / (server + database));
            System.out.printf("  on %d dedicated cores that is about %,.0f hop rows/s (%,.0f samples/s)%n",
                    Runtime.getRuntime().availableProcessors(), rows / (server + database) * Runtime.getRuntime().availableProcessors(),
                    accepted.get() / (server + database) * Runtime.getRuntime().availableProcessors());
        }
    }
}

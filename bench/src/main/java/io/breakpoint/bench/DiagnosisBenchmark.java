package io.breakpoint.bench;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;

/**
 * Site diagnosis over 30 days with 200 devices, through the server: enrolls {@code --devices} workstations at the
 * demo's Main Campus, writes 30 days of hourly rollups per device and hop straight into the database (what the
 * rollup job would have built: seeding them through the API would take hours), posts the last two hours as raw
 * samples through {@code POST /api/v1/telemetry}, then times {@code GET /api/v1/diagnosis/sites/{id}}.
 */
public final class DiagnosisBenchmark {

    private static final String[] HOPS = {"GATEWAY", "EDGE", "REFERENCE", "EMR", "EMR_TRANSACTION"};
    private static final double[] LEVEL = {2.5, 8, 24, 170, 620};

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = Args.parse(argv);
        BreakpointClient client = new BreakpointClient(Args.required(a, "base", "BREAKPOINT_BASE"));
        int devices = Integer.parseInt(a.getOrDefault("devices", "200"));
        int days = Integer.parseInt(a.getOrDefault("days", "30"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "20"));
        String db = Args.required(a, "db", "BENCH_DB_URL");
        client.signIn(Args.required(a, "user", "BREAKPOINT_USER"), Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD"));

        String siteId = null;
        for (JsonNode s : client.getJson("/api/v1/sites")) if (s.get("name").asString().equals("Main Campus")) siteId = s.get("id").asString();
        if (siteId == null) throw new IllegalStateException("the demo's Main Campus is missing");
        if (a.containsKey("first-only")) { // a server just restarted on the data of an earlier run: its first diagnoses
            int calls = Integer.parseInt(a.getOrDefault("calls", "3"));
            List<String> took = new ArrayList<>();
            String breakpoint = null;
            for (int i = 0; i < calls; i++) {
                long s = System.nanoTime();
                breakpoint = diagnose(client, "/api/v1/diagnosis/sites/" + siteId).get("breakpoint").asString();
                took.add(String.format(Locale.ROOT, "%.0f ms", (System.nanoTime() - s) / 1e6));
            }
            System.out.printf(Locale.ROOT, "first diagnoses after a restart (%s): %s (%s)%n", a.get("first-only"), String.join(", ", took), breakpoint);
            return;
        }
        List<String> segments = new ArrayList<>();
        for (JsonNode s : client.getJson("/api/v1/sites/" + siteId + "/segments")) {
            if (!s.get("purpose").asString().equals("GUEST")) segments.add(s.get("id").asString());
        }
        HttpResponse<String> code = client.http.send(client.json("/api/v1/sites/" + siteId + "/enrollment-codes",
                Map.of("maxUses", devices, "label", "diagnosis benchmark")), HttpResponse.BodyHandlers.ofString());
        if (code.statusCode() != 201) throw new IllegalStateException("enrollment code: " + code.statusCode() + " " + code.body());
        String enrollmentCode = BreakpointClient.JSON.readTree(code.body()).get("code").asString();
        List<String[]> enrolled = new ArrayList<>(); // id, secret
        for (int i = 0; i < devices; i++) {
            HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(client.base.resolve("/api/v1/agent/enrollments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BreakpointClient.JSON.writeValueAsString(Map.of(
                            "code", enrollmentCode, "hostname", "DIAG-" + i, "agentVersion", "bench")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("enroll: " + r.statusCode() + " " + r.body());
            JsonNode n = BreakpointClient.JSON.readTree(r.body());
            enrolled.add(new String[]{n.get("deviceId").asString(), n.get("secret").asString()});
        }

        Instant now = Instant.now();
        Instant rawFrom = now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        Instant from = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
        Random random = new Random(42);
        long t0 = System.nanoTime();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(db + (db.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into probe_rollups_hourly (device_id, hop, target, hour_start, site_id, segment_id, samples, latency_count,
                      latency_mean_ms, latency_p50_ms, latency_p95_ms, latency_min_ms, latency_max_ms, first_byte_mean_ms, attempts,
                      failures, jitter_mean_ms, cpu_mean, cpu_max, memory_mean, memory_max)
                    values (?,?,?,?,?,?,60,60,?,?,?,?,?,?,180,0,1.0,0.3,0.5,0.5,0.6)""")) {
                for (int d = 0; d < devices; d++) {
                    UUID device = UUID.fromString(enrolled.get(d)[0]);
                    UUID segment = UUID.fromString(segments.get(d % segments.size()));
                    for (Instant h = from; h.isBefore(rawFrom); h = h.plus(Duration.ofHours(1))) {
                        for (int k = 0; k < HOPS.length; k++) {
                            double v = LEVEL[k] * (0.9 + random.nextDouble() * 0.2);
                            ps.setObject(1, device);
                            ps.setString(2, HOPS[k]);
                            ps.setString(3, HOPS[k].startsWith("EMR") ? "https://ehr.riverbend-cloud.example/login" : HOPS[k].toLowerCase());
                            ps.setTimestamp(4, Timestamp.from(h));
                            ps.setObject(5, UUID.fromString(siteId));
                            ps.setObject(6, segment);
                            ps.setDouble(7, v * 1.05);
                            ps.setDouble(8, v);
                            ps.setDouble(9, v * 1.6);
                            ps.setDouble(10, v * 0.8);
                            ps.setDouble(11, v * 2.2);
                            if (k == 3) ps.setDouble(12, v); else ps.setNull(12, java.sql.Types.DOUBLE);
                            ps.addBatch();
                            rows++;
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %,d hourly rollups (%d devices x %d days x %d hops) in %.0f s%n", rows, devices, days,
                HOPS.length, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        long raw = 0;
        for (int d = 0; d < devices; d++) {
            List<Map<String, Object>> samples = new ArrayList<>();
            String address = "10.10." + (1 + d % 2) + "." + (10 + d % 200);
            for (Instant at = rawFrom; at.isBefore(now.minusSeconds(30)); at = at.plus(Duration.ofMinutes(1))) {
                List<Map<String, Object>> probes = new ArrayList<>();
                for (int k = 0; k < HOPS.length; k++) {
                    double v = LEVEL[k] * (0.9 + random.nextDouble() * 0.2);
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("hop", HOPS[k]);
                    p.put("target", HOPS[k].startsWith("EMR") ? "https://ehr.riverbend-cloud.example/login" : HOPS[k].toLowerCase());
                    if (k == 3) { p.put("firstByteMs", v); p.put("totalMs", v + 40); } else if (k == 4) p.put("totalMs", v); else p.put("connectMs", v);
                    p.put("attempts", 3);
                    p.put("failures", 0);
                    p.put("jitterMs", 0.5);
                    probes.add(p);
                    raw++;
                }
                samples.add(Map.of("id", UUID.randomUUID().toString(), "takenAt", at.toString(), "sentAt", Instant.now().toString(),
                        "localAddress", address, "state", Map.of("cpuLoad", 0.3, "memoryLoad", 0.5, "diskUsed", 0.5, "topProcesses", List.of()),
                        "probes", probes, "burst", false));
            }
            HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(client.base.resolve("/api/v1/telemetry"))
                    .header("Content-Type", "application/json").header("Authorization", "Device " + enrolled.get(d)[0] + ":" + enrolled.get(d)[1])
                    .POST(HttpRequest.BodyPublishers.ofString(BreakpointClient.JSON.writeValueAsString(Map.of(
                            "deviceId", enrolled.get(d)[0], "agentVersion", "bench", "samples", samples)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("telemetry: " + r.statusCode() + " " + r.body());
        }
        System.out.printf(Locale.ROOT, "posted %,d raw hop measurements (the last two hours) in %.0f s%n", raw, (System.nanoTime() - t0) / 1e9);

        String path = "/api/v1/diagnosis/sites/" + siteId;
        long serverPid = Long.parseLong(a.getOrDefault("server-pid", "0"));
        String dbName = db.substring(db.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        // The first diagnosis of a site reads its weeks of rollups; later ones within the hour reuse them.
        double[] cpu = Cpu.of(serverPid, dbName);
        long cold = System.nanoTime();
        JsonNode first = diagnose(client, path);
        double[] cpuCold = Cpu.since(cpu, serverPid, dbName);
        System.out.printf(Locale.ROOT, "first (cold) diagnosis: %.0f ms (CPU: server %.2f s, PostgreSQL %.2f s; load %s)%n",
                (System.nanoTime() - cold) / 1e6, cpuCold[0], cpuCold[1], Cpu.load());
        for (int i = 0; i < 2; i++) diagnose(client, path);
        double[] ms = new double[runs];
        cpu = Cpu.of(serverPid, dbName);
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            diagnose(client, path);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] cpuWarm = Cpu.since(cpu, serverPid, dbName);
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "GET %s (%d devices, %d days): p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d runs%n",
                path, devices, days, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], runs);
        if (serverPid > 0) {
            System.out.printf(Locale.ROOT, "CPU per warm diagnosis: server %.0f ms, PostgreSQL %.0f ms (load %s)%n",
                    cpuWarm[0] * 1000 / runs, cpuWarm[1] * 1000 / runs, Cpu.load());
        }
        System.out.println("diagnosis: " + first.get("breakpoint").asString() + " — " + first.get("headline").asString());
    }

    private static JsonNode diagnose(BreakpointClient client, String path) throws Exception {
        HttpRequest base = client.get(path);
        HttpRequest request = HttpRequest.newBuilder(base.uri()).timeout(Duration.ofMinutes(5))
                .header("Authorization", base.headers().firstValue("Authorization").orElseThrow()).GET().build();
        HttpResponse<String> r = client.http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        return BreakpointClient.JSON.readTree(r.body());
    }

    /** CPU seconds of the server process and of this database's PostgreSQL backends, from /proc (Linux). */
    static final class Cpu {
        static double[] of(long serverPid, String dbName) {
            double server = serverPid > 0 ? seconds(java.nio.file.Path.of("/proc", String.valueOf(serverPid))) : 0;
            double pg = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles();
            if (procs != null) {
                for (java.io.File f : procs) {
                    if (!f.getName().chars().allMatch(Character::isDigit)) continue;
                    try {
                        String cmd = java.nio.file.Files.readString(f.toPath().resolve("cmdline")).replace('\0', ' ');
                        if (cmd.startsWith("postgres: ") && cmd.contains(" " + dbName + " ")) pg += seconds(f.toPath());
                    } catch (Exception gone) {
                        // the process ended while we looked
                    }
                }
            }
            return new double[]{server, pg};
        }

        static double[] since(double[] before, long serverPid, String dbName) {
            double[] now = of(serverPid, dbName);
            return new double[]{now[0] - before[0], now[1] - before[1]};
        }

        static String load() {
            try {
                String[] l = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
                return l[0] + " " + l[1] + " " + l[2];
            } catch (Exception e) {
                return "?";
            }
        }

        private static double seconds(java.nio.file.Path proc) {
            try {
                String stat = java.nio.file.Files.readString(proc.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
            } catch (Exception e) {
                return 0;
            }
        }
    }
}

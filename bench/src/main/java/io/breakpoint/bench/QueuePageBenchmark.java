package io.breakpoint.bench;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The tier queue page ({@code GET /api/v1/tickets?order=QUEUE}, 50 rows, open statuses, one organization and
 * one priority) requested one at a time with varied organization, tier and priority; prints p50/p95/p99. Then
 * runs {@code EXPLAIN (ANALYZE, BUFFERS)} of the query {@code TicketStore.list} sends for that page, for the
 * fullest and a sparse cell, so the figure comes with its plan.
 *
 * <pre>
 * java -cp ... io.breakpoint.bench.QueuePageBenchmark --base http://127.0.0.1:8080 --user t1.ava@gateway.demo \
 *      --password "$BREAKPOINT_DEMO_PASSWORD" --db jdbc:postgresql://127.0.0.1:5432/bp_queue --requests 1000
 * </pre>
 */
public final class QueuePageBenchmark {

    private static final String OPEN = "TRIAGED,IN_PROGRESS,WAITING_ON_REQUESTER,WAITING_ON_VENDOR,NEW";
    private static final String[] PRIORITIES = {"P1", "P2", "P3", "P4"};

    private static final String COLUMNS = """
            id, number, organization_id, site_id, requester_id, subject, description, impact, status, tier, category,
            priority, assignee_id, ever_assigned, reassignments, created_at, updated_at, first_response_at, resolved_at,
            closed_at, idempotency_key, version""";

    /** The statement TicketStore.list sends for this page: one ordered branch per open status (keep in step with it). */
    private static final String QUEUE_SQL;

    /** The single-scan form it sent before (V4): "status in (...)", for comparison. */
    private static final String SINGLE_SCAN_SQL = "select " + COLUMNS + " from tickets where organization_id in (?)"
            + " and status in (?, ?, ?, ?, ?) and tier = ? and priority = ? order by priority, created_at, id limit 51";

    static {
        StringBuilder union = new StringBuilder("select * from (");
        for (int i = 0; i < 5; i++) {
            union.append(i > 0 ? " union all " : "").append("(select ").append(COLUMNS)
                    .append(" from tickets where organization_id in (?) and tier = ? and priority = ? and status = ?")
                    .append(" order by priority, created_at, id limit 51)");
        }
        QUEUE_SQL = union.append(") q order by priority, created_at, id limit 51").toString();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        String user = a.getOrDefault("user", "t1.ava@gateway.demo");
        String password = Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD");
        int requests = Integer.parseInt(a.getOrDefault("requests", "1000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "1000"));
        String db = a.get("db");
        Random random = new Random(7);

        BreakpointClient client = new BreakpointClient(base);
        client.signIn(user, password);
        List<UUID> orgs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode o : client.getJson("/api/v1/organizations")) {
            orgs.add(UUID.fromString(o.get("id").asString()));
            names.add(o.get("name").asString());
        }
        if (orgs.isEmpty()) throw new IllegalStateException(user + " sees no organizations");

        Latencies latencies = new Latencies(requests);
        long rows = 0, fullPages = 0, errors = 0;
        long started = 0;
        for (int i = 0; i < warmup + requests; i++) {
            if (i == warmup) started = System.nanoTime();
            int tier = random.nextDouble() < 0.6 ? 1 : 2 + random.nextInt(2);
            String q = "/api/v1/tickets?tier=%d&organizationId=%s&priority=%s&status=%s&order=QUEUE&limit=50"
                    .formatted(tier, orgs.get(random.nextInt(orgs.size())), PRIORITIES[random.nextInt(4)], OPEN);
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.http.send(client.get(q), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (i < warmup) continue;
            if (r.statusCode() != 200) {
                errors++;
                continue;
            }
            latencies.add(t1 - t0);
            int n = BreakpointClient.JSON.readTree(r.body()).get("items").size();
            rows += n;
            if (n == 50) fullPages++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Queue page benchmark against %s as %s: %d organizations, %d warm-up + %d measured requests, one at a time%n",
                base, user, orgs.size(), warmup, requests);
        System.out.println("| requests | pages/s | avg rows | full pages | p50 ms | p95 ms | p99 ms | max ms | errors | load avg |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %.0f | %.1f | %d%% | %.1f | %.1f | %.1f | %.1f | %d | %.1f |%n", latencies.count(),
                latencies.count() / seconds, (double) rows / Math.max(1, latencies.count()),
                100 * fullPages / Math.max(1, latencies.count()), latencies.millis(0.50), latencies.millis(0.95),
                latencies.millis(0.99), latencies.maxMillis(), errors, Machine.loadAverage());

        if (db != null) {
            try (Connection c = DriverManager.getConnection(db, a.getOrDefault("db-user", "postgres"), a.getOrDefault("db-password", ""))) {
                UUID biggest = orgs.get(names.indexOf("Riverbend Health") >= 0 ? names.indexOf("Riverbend Health") : 0);
                explain(c, "fullest cell: Riverbend Health, tier 1, P3", biggest, 1, "P3");
                explain(c, "a small queue: Riverbend Health, tier 3, P1", biggest, 3, "P1");
            }
        }
    }

    private static void explain(Connection c, String title, UUID org, int tier, String priority) throws Exception {
        System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) — " + title + ", as TicketStore sends it (one branch per open status)");
        String[] open = OPEN.split(",");
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + QUEUE_SQL)) {
            for (int i = 0; i < open.length; i++) {
                ps.setObject(4 * i + 1, org);
                ps.setInt(4 * i + 2, tier);
                ps.setString(4 * i + 3, priority);
                ps.setString(4 * i + 4, open[i]);
            }
            print(ps);
        }
        System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) — " + title + ", single scan with status in (...), for comparison");
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + SINGLE_SCAN_SQL)) {
            ps.setObject(1, org);
            for (int i = 0; i < open.length; i++) ps.setString(2 + i, open[i]);
            ps.setInt(7, tier);
            ps.setString(8, priority);
            print(ps);
        }
    }

    private static void print(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) System.out.println("  " + rs.getString(1));
        }
    }
}

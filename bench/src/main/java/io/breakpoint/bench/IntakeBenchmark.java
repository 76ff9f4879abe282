package io.breakpoint.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticket intake through {@code POST /api/v1/tickets}: signs in once, then at each concurrency runs a warm-up
 * and a measured phase of closed-loop workers (each sends its next ticket when the previous one is answered)
 * and prints tickets/s, latency percentiles and errors.
 *
 * <pre>
 * java -cp ... io.breakpoint.bench.IntakeBenchmark --base http://127.0.0.1:8080 --user dr.ellis@riverbend.demo \
 *      --password "$BREAKPOINT_DEMO_PASSWORD" --concurrency 1,8,32 --warmup 10 --seconds 20
 * </pre>
 * Each phase stops at its duration or at {@code --max-requests} tickets, whichever comes first. The workers use a
 * hand-written keep-alive HTTP/1.1 connection each ({@link RawHttp}); {@code --client jdk} uses the JDK's HttpClient.
 */
public final class IntakeBenchmark {

    /**
     * What clinic staff write, as subject and description: words from no particular test, so that triage, routing
     * and the SLA clocks do the work real tickets give them (a made-up text with "request 123" reads as a service
     * request at low confidence, and every ticket would wait for a human in dispatch).
     */
    private static final String[][] TICKETS = {
            {"Printer in exam room %d jams on every label", "The label printer jams every time we print a specimen label. Tried reloading the roll."},
            {"EMR slow to open charts at front desk %d", "Charts take about a minute to open since this morning. Other programs seem fine."},
            {"Cannot sign in to the EMR from workstation %d", "It says my password is wrong but it worked yesterday. I have patients waiting."},
            {"Wi-Fi drops in treatment room %d", "The laptop loses Wi-Fi every few minutes in this room, fine in the hallway."},
            {"Scanner at check-in %d does not send to the chart", "Insurance cards scan but never show up in the patient chart."},
            {"Phone at nurse station %d has no dial tone", "The desk phone has no dial tone since we came in; the other phones work."}};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        String user = a.getOrDefault("user", "dr.ellis@riverbend.demo");
        String password = Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD");
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        long maxRequests = Long.parseLong(a.getOrDefault("max-requests", "200000"));
        String label = a.getOrDefault("label", "");
        boolean jdkClient = "jdk".equals(a.getOrDefault("client", "raw"));

        BreakpointClient client = new BreakpointClient(base);
        client.signIn(user, password);
        System.out.printf("Intake benchmark %s against %s as %s: warm-up %d s, measured %d s per concurrency%n",
                label, base, user, warmup, seconds);
        System.out.println("| concurrency | tickets | tickets/s | p50 ms | p90 ms | p99 ms | max ms | errors | load avg | client CPU ms/ticket |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : a.getOrDefault("concurrency", "1,8,32").split(",")) {
            int concurrency = Integer.parseInt(c.strip());
            run(client, jdkClient, concurrency, warmup, maxRequests); // warm-up: JIT, pools, caches; figures discarded
            long cpu0 = Machine.processCpuNanos();
            Phase p = run(client, jdkClient, concurrency, seconds, maxRequests);
            double clientCpu = (Machine.processCpuNanos() - cpu0) / 1e6 / Math.max(1, p.latencies.count());
            System.out.printf("| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.2f |%n", concurrency, p.latencies.count(),
                    p.latencies.count() / p.seconds, p.latencies.millis(0.50), p.latencies.millis(0.90),
                    p.latencies.millis(0.99), p.latencies.maxMillis(), p.errors, Machine.loadAverage(), clientCpu);
            if (p.firstError != null) System.out.println("  first error: " + p.firstError);
        }
    }

    record Phase(Latencies latencies, double seconds, long errors, String firstError) {
    }

    private static Phase run(BreakpointClient client, boolean jdkClient, int concurrency, int seconds, long maxRequests) throws Exception {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Future<Latencies>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                Latencies mine = new Latencies(4096);
                long n;
                RawHttp raw = new RawHttp(client.base());
                while (System.nanoTime() < deadline && (n = issued.incrementAndGet()) <= maxRequests) {
                    String[] ticket = TICKETS[(int) (n % TICKETS.length)];
                    String subject = ticket[0].formatted(n % 40 + 1);
                    String description = ticket[1];
                    HttpRequest request = jdkClient ? client.json("/api/v1/tickets", Map.of("subject", subject, "description", description)) : null;
                    String json = "{\"subject\":\"" + subject + "\",\"description\":\"" + description + "\"}";
                    long t0 = System.nanoTime();
                    try {
                        int status;
                        String body;
                        if (jdkClient) {
                            HttpResponse<String> r = client.http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = r.statusCode();
                            body = r.body();
                        } else {
                            RawHttp.Response r = raw.post("/api/v1/tickets", client.token(), json);
                            status = r.status();
                            body = r.body();
                        }
                        long t1 = System.nanoTime();
                        if (status == 201) {
                            mine.add(t1 - t0);
                        } else {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) firstError[0] = status + " " + body;
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) firstError[0] = e.toString();
                        }
                    }
                }
                raw.close();
                return mine;
            }));
        }
        Latencies all = new Latencies(100_000);
        for (Future<Latencies> f : workers) all.addAll(f.get());
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Phase(all, elapsed, errors.get(), firstError[0]);
    }
}

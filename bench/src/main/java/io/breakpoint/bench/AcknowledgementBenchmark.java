package io.breakpoint.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Automatic acknowledgement latency under intake load (PRODUCT.md: p99 ≤ 1 s from submission). Closed-loop workers
 * keep {@code POST /api/v1/tickets} busy at {@code --load} concurrency; meanwhile a probe submits a ticket every
 * {@code --every-ms} and reads it back as the requester until its public ACKNOWLEDGED entry is there. The probe's
 * figure is the time from sending the submission to reading the acknowledgement: what the requester waits for.
 *
 * <pre>
 * java -cp ... io.breakpoint.bench.AcknowledgementBenchmark --base http://127.0.0.1:8080 --user dr.ellis@riverbend.demo \
 *      --password "$BREAKPOINT_DEMO_PASSWORD" --load 8,32 --probes 300 --warmup 10
 * </pre>
 */
public final class AcknowledgementBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        String user = a.getOrDefault("user", "dr.ellis@riverbend.demo");
        String password = Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD");
        int probes = Integer.parseInt(a.getOrDefault("probes", "300"));
        int everyMs = Integer.parseInt(a.getOrDefault("every-ms", "50"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        String label = a.getOrDefault("label", "");

        BreakpointClient client = new BreakpointClient(base);
        client.signIn(user, password);
        System.out.printf("Acknowledgement benchmark %s against %s as %s: %d probes, one every %d ms, warm-up %d s%n",
                label, base, user, probes, everyMs, warmup);
        System.out.println("| load concurrency | load tickets/s | load p99 ms | probes | ack p50 ms | ack p90 ms | ack p99 ms | ack max ms | errors | load avg |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : a.getOrDefault("load", "8,32").split(",")) {
            int load = Integer.parseInt(c.strip());
            phase(client, load, Math.max(1, warmup * 1000 / everyMs), everyMs); // warm-up, figures discarded
            Result r = phase(client, load, probes, everyMs);
            System.out.printf("| %d | %.0f | %.1f | %d | %.1f | %.1f | %.1f | %.1f | %d | %.1f |%n", load, r.loadCount / r.seconds,
                    r.load.millis(0.99), r.ack.count(), r.ack.millis(0.50), r.ack.millis(0.90), r.ack.millis(0.99), r.ack.maxMillis(),
                    r.errors, Machine.loadAverage());
            if (r.firstError != null) System.out.println("  first error: " + r.firstError);
        }
    }

    record Result(Latencies ack, Latencies load, long loadCount, double seconds, long errors, String firstError) {
    }

    private static Result phase(BreakpointClient client, int load, int probes, int everyMs) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong n = new AtomicLong(), errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(load);
        List<Future<Latencies>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < load; w++) {
            workers.add(pool.submit(() -> {
                Latencies mine = new Latencies(4096);
                while (running.get()) {
                    long i = n.incrementAndGet(), t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.http.send(client.json("/api/v1/tickets", Map.of("subject", "Printer " + i % 40 + " jams",
                                "description", "Load ticket " + i + " from the acknowledgement benchmark.")), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) mine.add(System.nanoTime() - t0);
                        else error(errors, firstError, r.statusCode() + " " + r.body());
                    } catch (Exception e) {
                        error(errors, firstError, e.toString());
                    }
                }
                return mine;
            }));
        }
        Latencies ack = new Latencies(probes);
        for (int p = 0; p < probes; p++) {
            long next = System.nanoTime() + everyMs * 1_000_000L;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.http.send(client.json("/api/v1/tickets", Map.of("subject", "Cannot log in to the EMR",
                        "description", "Probe " + p + ": locked out since this morning.")), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    error(errors, firstError, "probe " + r.statusCode() + " " + r.body());
                } else {
                    String id = BreakpointClient.JSON.readTree(r.body()).get("id").asString();
                    while (true) {
                        HttpResponse<String> t = client.http.send(client.get("/api/v1/tickets/" + id), HttpResponse.BodyHandlers.ofString());
                        if (t.statusCode() == 200 && t.body().contains("\"ACKNOWLEDGED\"")) {
                            ack.add(System.nanoTime() - t0);
                            break;
                        }
                        if (System.nanoTime() - t0 > 10_000_000_000L) {
                            error(errors, firstError, "no acknowledgement after 10 s for " + id);
                            break;
                        }
                        Thread.sleep(2);
                    }
                }
            } catch (Exception e) {
                error(errors, firstError, e.toString());
            }
            long wait = next - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        running.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies all = new Latencies(100_000);
        for (Future<Latencies> f : workers) all.addAll(f.get());
        pool.shutdown();
        return new Result(ack, all, all.count(), seconds, errors.get(), firstError[0]);
    }

    private static void error(AtomicLong errors, String[] first, String what) {
        errors.incrementAndGet();
        synchronized (first) {
            if (first[0] == null) first[0] = what;
        }
    }
}

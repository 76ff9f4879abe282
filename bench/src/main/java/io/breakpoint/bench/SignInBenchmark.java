package io.breakpoint.bench;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * How long {@code POST /api/v1/auth/token} takes for each kind of answer, to show that a refused sign-in takes as
 * long whether the account exists, the password is wrong, or sign-in is locked (issue 5: no timing hint), and what a
 * successful sign-in costs. Sequential requests; the categories are interleaved so machine noise hits all alike.
 *
 * <pre>
 * java -cp ... io.breakpoint.bench.SignInBenchmark --base http://127.0.0.1:18080 --password "$BREAKPOINT_DEMO_PASSWORD" --rounds 60
 * </pre>
 * The server must run with a high address threshold (run-signin.sh sets it): every request comes from 127.0.0.1.
 */
public final class SignInBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String password = Args.required(a, "password", "BREAKPOINT_DEMO_PASSWORD");
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "60"));
        BreakpointClient client = new BreakpointClient(a.getOrDefault("base", "http://127.0.0.1:8080"));

        String known = "dr.ellis@riverbend.demo";
        String locked = "ma.fox@riverbend.demo";
        Latencies wrong = new Latencies(rounds), unknown = new Latencies(rounds), lockedOut = new Latencies(rounds),
                success = new Latencies(rounds);
        for (int i = 0; i < 6; i++) send(client, locked, "not-the-password-" + i); // locks fox for growing delays
        send(client, known, password); // warm-up
        for (int r = 0; r < rounds; r++) {
            wrong.add(send(client, known, "not-the-password-" + r));
            unknown.add(send(client, "nobody-" + UUID.randomUUID() + "@riverbend.demo", "not-the-password-" + r));
            lockedOut.add(send(client, locked, password));
            success.add(send(client, known, password)); // also resets Ellis's count, so she never locks
        }
        System.out.printf("load average %.1f, %d rounds%n", Machine.loadAverage(), rounds);
        System.out.println("| answer | p50 ms | p90 ms | max ms |");
        System.out.println("|---|---|---|---|");
        row("401, wrong password (account exists)", wrong);
        row("401, no such account", unknown);
        row("401, account locked (right password)", lockedOut);
        row("200, token issued (no MFA)", success);
    }

    private static long send(BreakpointClient client, String user, String password) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = client.http.send(client.json("/api/v1/auth/token", Map.of("username", user, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200 && r.statusCode() != 401) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return took;
    }

    private static void row(String what, Latencies l) {
        System.out.printf("| %s | %.1f | %.1f | %.1f |%n", what, l.millis(0.5), l.millis(0.9), l.maxMillis());
    }
}

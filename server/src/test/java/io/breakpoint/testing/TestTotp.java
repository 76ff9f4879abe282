package io.breakpoint.testing;

import io.breakpoint.identity.internal.Totp;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticator app of every test user who needs MFA: the fixtures ({@link Clinics}, the demo with
 * BREAKPOINT_DEMO_TOTP_SECRET) enrol them with {@link #SECRET}. The desk accepts each time step once and one step
 * either side of its now, so this hands out the current step, then the next one, and waits for the clock when a
 * third sign-in of one person comes within the same 30 seconds. (Never the previous step: the server's clock may have
 * moved on to the next step by the time it checks.)
 */
public final class TestTotp {

    public static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TestTotp() {
    }

    /** A code the server at {@code base} has not seen for {@code email} yet. */
    public static synchronized String nextCode(String base, String email) {
        String key = base.replace("127.0.0.1", "localhost").replaceAll("/$", "") + " " + email.toLowerCase();
        long last = LAST_STEP.getOrDefault(key, Long.MIN_VALUE);
        while (true) {
            long now = Totp.step(Instant.now());
            long step = Math.max(now, last == Long.MIN_VALUE ? now : last + 1);
            if (step <= now + 1) {
                LAST_STEP.put(key, step);
                return Totp.code(SECRET, step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

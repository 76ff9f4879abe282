package io.breakpoint.testing;

import io.breakpoint.identity.internal.Totp;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticator app of every test user who needs MFA: the fixtures ({@link Clinics}, the demo with
 * BREAKPOINT_DEMO_TOTP_SECRET) enrol them with {@link #SECRET}. The desk accepts each time step once and one step
 * either side of now, so this hands out the oldest step not used yet and waits for the clock when three sign-ins of
 * one person came within 30 seconds.
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
            long step = Math.max(now - 1, last == Long.MIN_VALUE ? now - 1 : last + 1);
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

package io.breakpoint.agent;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the n-th failure in a row, wait between half and all of
 * {@code base * 2^(n-1)}, never more than {@code cap}. The jitter keeps a clinic's workstations from
 * retrying in step when the server comes back.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final Random random;
    private int failures;

    public Backoff(Duration base, Duration cap, Random random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** Records a failure and returns how long to wait before the next try. */
    public Duration failed() {
        failures++;
        long ceiling = cap.toMillis();
        long delay = base.toMillis();
        for (int i = 1; i < failures && delay < ceiling; i++) delay *= 2;
        delay = Math.min(delay, ceiling);
        long half = delay / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (delay - half + 1)));
    }

    public void succeeded() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}

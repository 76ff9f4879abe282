package io.breakpoint.telemetry.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per device: {@code burst} requests at once, refilled at {@code perMinute}. An agent sends one
 * batch a minute and, after an outage, a few batches of its queue; a device that sends far more is broken or
 * hostile. Kept per instance (behind a load balancer each instance lets a device through at this rate).
 */
public final class RateLimiter {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int burst, int perMinute, LongSupplier nanos) {
        this.capacity = Math.max(1, burst);
        this.perNano = Math.max(1, perMinute) / 60e9;
        this.nanos = nanos;
    }

    /** 0 when the device may go ahead (a token is taken); else how many seconds until it may. */
    public long secondsToWait(UUID device) {
        long now = nanos.getAsLong();
        if (buckets.size() > 100_000) buckets.clear(); // forgetting everyone only lets each device through once more
        Bucket b = buckets.computeIfAbsent(device, d -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}

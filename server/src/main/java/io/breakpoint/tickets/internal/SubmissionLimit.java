package io.breakpoint.tickets.internal;

import io.breakpoint.common.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many new tickets one person may open: a token bucket per person that holds {@code per-minute} tickets and
 * refills at that rate, so a burst of that size passes and a runaway script or a stuck mail loop is held at the
 * rate. 0 turns it off (the intake benchmark does). Each server instance counts on its own: behind a load balancer
 * with n instances a person may open up to n times as many.
 */
@Component
public class SubmissionLimit {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanos;
    private volatile int perMinute;

    @Autowired
    SubmissionLimit(@Value("${breakpoint.tickets.rate-limit.per-minute:30}") int perMinute) {
        this(perMinute, System::nanoTime);
    }

    SubmissionLimit(int perMinute, LongSupplier nanos) {
        this.nanos = nanos;
        perMinute(perMinute);
    }

    /** Changes the limit at run time (tests; an operator through configuration on the next start). */
    public void perMinute(int perMinute) {
        if (perMinute < 0) throw new IllegalArgumentException("breakpoint.tickets.rate-limit.per-minute must be 0 (off) or more");
        this.perMinute = perMinute;
        buckets.clear();
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one ticket from the person's bucket, or refuses with the time until the next one is available. */
    public void take(UUID person) {
        int limit = perMinute;
        if (limit == 0) return;
        if (buckets.size() > 100_000) buckets.clear(); // a bound on memory; forgetting only ever lets more through
        Duration wait = buckets.computeIfAbsent(person, p -> new Bucket(limit, nanos.getAsLong())).take(limit, nanos.getAsLong());
        if (wait != null) {
            throw new TooManyRequestsException("You have opened " + limit + " tickets in the last minute, the most the desk accepts "
                    + "from one person. Wait a moment and try again, or call the desk if it is urgent.", wait);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.at = now;
        }

        synchronized Duration take(int capacity, long now) {
            double perNano = capacity / 60e9;
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return null;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}

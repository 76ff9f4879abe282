package io.breakpoint.tickets.internal;

import io.breakpoint.common.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubmissionLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final UUID ellis = UUID.randomUUID();

    @Test
    void aBurstOfTheLimitPassesAndTheNextWaitsForTheRefill() {
        SubmissionLimit limit = new SubmissionLimit(3, nanos::get);
        for (int i = 0; i < 3; i++) limit.take(ellis);
        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class, () -> limit.take(ellis));
        assertThat(refused.retryAfterSeconds()).as("3 a minute: one every 20 s").isEqualTo(20);
        nanos.addAndGet(20_000_000_000L);
        limit.take(ellis);
        assertThatThrownBy(() -> limit.take(ellis)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void eachPersonHasTheirOwnBucket() {
        SubmissionLimit limit = new SubmissionLimit(1, nanos::get);
        limit.take(ellis);
        limit.take(UUID.randomUUID());
        assertThatThrownBy(() -> limit.take(ellis)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void zeroTurnsTheLimitOff() {
        SubmissionLimit limit = new SubmissionLimit(0, nanos::get);
        for (int i = 0; i < 10_000; i++) limit.take(ellis);
    }
}

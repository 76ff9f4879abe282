package io.breakpoint.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void waitsDoubleAfterEachFailureWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(42));

        long[] ceilings = {5, 10, 20, 40, 80, 160, 320, 600, 600, 600};
        for (long ceiling : ceilings) {
            Duration wait = backoff.failed();
            assertThat(wait.toMillis()).isBetween(ceiling * 1000 / 2, ceiling * 1000 + 1);
        }
        assertThat(backoff.failures()).isEqualTo(10);
    }

    @Test
    void twoAgentsDoNotRetryInStep() {
        Backoff one = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(1));
        Backoff two = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(2));
        for (int i = 0; i < 4; i++) {
            one.failed();
            two.failed();
        }
        assertThat(one.failed()).isNotEqualTo(two.failed());
    }

    @Test
    void aSuccessStartsOverFromTheBase() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), new Random(7));
        for (int i = 0; i < 6; i++) backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failed().toMillis()).isBetween(2500L, 5001L);
    }
}

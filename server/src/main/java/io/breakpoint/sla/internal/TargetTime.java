package io.breakpoint.sla.internal;

import io.breakpoint.sla.Target;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as one target counts it: wall time for around-the-clock targets (P1), the site's clinic time for the rest.
 * Pauses and warnings are measured in it, so a ticket that waited two clinic hours gets two clinic hours back, and
 * a P1 that waited overnight gets the night back.
 */
final class TargetTime {

    private final ClinicClock clinic;
    private final boolean wallTime;

    TargetTime(ClinicClock clinic, Target target) {
        this.clinic = clinic;
        this.wallTime = target.clock() == Target.Clock.AROUND_THE_CLOCK || clinic.aroundTheClock();
    }

    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        return wallTime ? Duration.between(from, to) : clinic.clinicTimeBetween(from, to);
    }

    /** The due time after the clock stood still from {@code since} to {@code until}: later by the time that counted. */
    Instant resumed(Instant due, Instant since, Instant until) {
        Duration paused = between(since, until);
        if (paused.isZero()) return due;
        return wallTime ? due.plus(paused) : clinic.plusClinicTime(due, paused);
    }

    /**
     * Whether the warning is due: at most {@code 1 - share} of the target's span is left before {@code due}. The span
     * is what the policy gave when the clock started; a paused clock's later due time leaves more time, as it should.
     */
    boolean warns(Instant started, Instant promisedDue, Instant due, Instant now, double share) {
        Duration span = between(started, promisedDue);
        Duration left = between(now, due);
        return !span.isZero() && left.toMillis() <= Math.round(span.toMillis() * (1 - share));
    }
}

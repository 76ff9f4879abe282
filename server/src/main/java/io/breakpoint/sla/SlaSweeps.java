package io.breakpoint.sla;

import io.breakpoint.sla.internal.SlaTimers;
import org.springframework.stereotype.Component;

/**
 * Runs the SLA timers' sweep now, in the caller's thread, rather than waiting for the schedule: for the simulated
 * clinic day, whose clock jumps ahead of the scheduler's. Returns how many warnings and breaches it recorded.
 */
@Component
public class SlaSweeps {

    private final SlaTimers timers;

    SlaSweeps(SlaTimers timers) {
        this.timers = timers;
    }

    public int sweepNow() {
        return timers.sweep();
    }
}

package io.breakpoint.sla;

import io.breakpoint.tickets.Priority;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** First-response and resolution targets per priority. */
public record ServiceLevelPolicy(Map<Priority, Target> firstResponse, Map<Priority, Target> resolution) {

    /**
     * PRODUCT.md's default policy: first response P1 2 min, P2 5 min, P3 30 min, P4 4 business hours;
     * resolution P1 4 h around the clock, P2 end of the same clinic day, P3 2 clinic days, P4 5 clinic days.
     * Only P1 runs around the clock; the rest count the site's clinic hours.
     */
    public static final ServiceLevelPolicy DEFAULT = new ServiceLevelPolicy(
            new EnumMap<>(Map.of(
                    Priority.P1, Target.aroundTheClock(Duration.ofMinutes(2)),
                    Priority.P2, Target.clinicTime(Duration.ofMinutes(5)),
                    Priority.P3, Target.clinicTime(Duration.ofMinutes(30)),
                    Priority.P4, Target.clinicTime(Duration.ofHours(4)))),
            new EnumMap<>(Map.of(
                    Priority.P1, Target.aroundTheClock(Duration.ofHours(4)),
                    Priority.P2, Target.endOfClinicDay(),
                    Priority.P3, Target.clinicDays(2),
                    Priority.P4, Target.clinicDays(5))));

    public ServiceLevelPolicy {
        firstResponse = Map.copyOf(firstResponse);
        resolution = Map.copyOf(resolution);
    }
}

package io.breakpoint.sla.internal;

import io.breakpoint.sla.SlaClock;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which ticket states pause which clock, which breaches escalate, and when the warning comes: configuration, so a
 * desk can, say, keep the resolution clock running while waiting on a vendor without a code change.
 */
@Component
class SlaSettings {

    private final Map<SlaClock, Set<TicketStatus>> pausing;
    private final Map<SlaClock, Set<Priority>> escalating;
    private final double warnAt;
    private Set<Priority> tierTargetEscalating = EnumSet.allOf(Priority.class);

    @Autowired
    SlaSettings(@Value("${breakpoint.sla.pause.first-response:WAITING_ON_REQUESTER,WAITING_ON_VENDOR}") String pauseFirstResponse,
                @Value("${breakpoint.sla.pause.resolution:WAITING_ON_REQUESTER,WAITING_ON_VENDOR}") String pauseResolution,
                @Value("${breakpoint.sla.escalate-on-breach.first-response:P1,P2}") String escalateFirstResponse,
                @Value("${breakpoint.sla.escalate-on-breach.resolution:}") String escalateResolution,
                @Value("${breakpoint.sla.escalate-on-breach.tier-target:P1,P2,P3,P4}") String escalateTierTarget,
                @Value("${breakpoint.sla.warn-at:0.75}") double warnAt) {
        this(pauseFirstResponse, pauseResolution, escalateFirstResponse, escalateResolution, warnAt);
        this.tierTargetEscalating = parse(Priority.class, escalateTierTarget);
    }

    SlaSettings(String pauseFirstResponse, String pauseResolution, String escalateFirstResponse, String escalateResolution, double warnAt) {
        this(Map.of(SlaClock.FIRST_RESPONSE, parse(TicketStatus.class, pauseFirstResponse),
                        SlaClock.RESOLUTION, parse(TicketStatus.class, pauseResolution)),
                Map.of(SlaClock.FIRST_RESPONSE, parse(Priority.class, escalateFirstResponse),
                        SlaClock.RESOLUTION, parse(Priority.class, escalateResolution)),
                warnAt);
    }

    /** Whether a missed tier target of this priority escalates (as the organization's policy says: lead or up a tier). */
    boolean escalatesTierTarget(Priority priority) {
        return tierTargetEscalating.contains(priority);
    }

    SlaSettings(Map<SlaClock, Set<TicketStatus>> pausing, Map<SlaClock, Set<Priority>> escalating, double warnAt) {
        if (warnAt <= 0 || warnAt >= 1) throw new IllegalArgumentException("breakpoint.sla.warn-at is a share between 0 and 1, not " + warnAt);
        for (Set<TicketStatus> states : pausing.values()) {
            for (TicketStatus s : states) {
                if (!s.isOpen()) throw new IllegalArgumentException("Only open states can pause an SLA clock, not " + s);
            }
        }
        this.pausing = Map.copyOf(pausing);
        this.escalating = Map.copyOf(escalating);
        this.warnAt = warnAt;
    }

    /** PRODUCT.md's defaults: both waiting states pause both clocks; a missed first response of P1 or P2 escalates. */
    static SlaSettings defaults() {
        return new SlaSettings("WAITING_ON_REQUESTER,WAITING_ON_VENDOR", "WAITING_ON_REQUESTER,WAITING_ON_VENDOR", "P1,P2", "", 0.75);
    }

    boolean pauses(SlaClock clock, TicketStatus status) {
        return pausing.get(clock).contains(status);
    }

    boolean escalates(SlaClock clock, Priority priority) {
        return escalating.get(clock).contains(priority);
    }

    double warnAt() {
        return warnAt;
    }

    private static <E extends Enum<E>> Set<E> parse(Class<E> type, String list) {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> values.add(Enum.valueOf(type, s.toUpperCase())));
        return values;
    }
}

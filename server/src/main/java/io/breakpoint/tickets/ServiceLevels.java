package io.breakpoint.tickets;

import java.time.Instant;
import java.util.UUID;

/**
 * The seam where SLA policy plugs in: when a ticket's first response and resolution are due, given where it
 * is and how urgent it is. The sla module provides it; without it tickets carry no due times.
 */
public interface ServiceLevels {

    Promise promise(UUID organizationId, UUID siteId, Priority priority, Instant clockStarts);

    /**
     * When the internal target of the tier now holding the ticket falls due, counted from when that tier received it;
     * null when there is none (no SLA module, an imported ticket, a closed one).
     */
    default Instant tierTargetAt(UUID ticketId) {
        return null;
    }

    /**
     * The internal target of the tier now holding the ticket: when it falls due and the target in words ("1 h around
     * the clock"); null when there is none.
     */
    default TierTarget tierTarget(UUID ticketId, UUID organizationId, Priority priority) {
        Instant at = tierTargetAt(ticketId);
        return at == null ? null : new TierTarget(at, null);
    }

    record TierTarget(Instant dueAt, String described) {
    }

    /** Due times and, in words, what they were computed from ("P3: 30 min of clinic time, Chesterfield Clinic hours"). */
    record Promise(Instant firstResponseDueAt, Instant resolutionDueAt, String basis) {
        public static final Promise NONE = new Promise(null, null, null);
    }
}

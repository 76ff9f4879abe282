package io.breakpoint.tickets;

import io.breakpoint.phi.PhiKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as its reader may see it; {@code entries} is empty in lists and filtered by visibility otherwise.
 * {@code containsPhi}: its text holds PHI that was kept (policy WARN), of {@code phiKinds}.
 */
public record TicketView(UUID id, long number, String reference, TicketStatus status, int tier, Category category,
                         Priority priority, Impact impact, String subject, String description, UUID organizationId,
                         String organizationName, UUID siteId, String siteName, Person requester, Person assignee,
                         Sla sla, Instant firstResponseAt, Instant createdAt, Instant updatedAt, Instant resolvedAt,
                         Instant closedAt, int reassignments, List<EntryView> entries,
                         boolean containsPhi, List<PhiKind> phiKinds) {

    public record Person(UUID id, String name) {
    }

    /**
     * Due times promised by the SLA policy (null when no policy applies), and the internal target of the tier now
     * holding the ticket, counted from when it received it, with that tier's target in words (only on a single
     * ticket's view; null in lists).
     */
    public record Sla(Instant firstResponseDueAt, Instant resolutionDueAt, Instant tierTargetAt, String tierTarget) {
        public Sla(Instant firstResponseDueAt, Instant resolutionDueAt) {
            this(firstResponseDueAt, resolutionDueAt, null, null);
        }
    }
}

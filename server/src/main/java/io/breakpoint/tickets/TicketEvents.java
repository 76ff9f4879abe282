package io.breakpoint.tickets;

import java.time.Instant;
import java.util.UUID;

/** What happened to tickets, in the past tense; published in the transaction of the change. */
public final class TicketEvents {
    private TicketEvents() {
    }

    public record TicketOpened(UUID ticketId, long number, UUID organizationId, UUID siteId, UUID requesterId,
                               int tier, Category category, Priority priority, Instant at) {
    }

    public record TicketAssigned(UUID ticketId, UUID organizationId, UUID assigneeId, int tier, Instant at) {
    }

    public record TicketEscalated(UUID ticketId, UUID organizationId, int fromTier, int toTier, String reason, Instant at) {
    }

    public record TicketCommented(UUID ticketId, UUID organizationId, Visibility visibility, boolean byRequester, Instant at) {
    }

    public record TicketStatusChanged(UUID ticketId, UUID organizationId, TicketStatus from, TicketStatus to, Instant at) {
    }

    public record TicketResolved(UUID ticketId, UUID organizationId, Instant at) {
    }

    public record TicketReopened(UUID ticketId, UUID organizationId, Instant at) {
    }

    public record TicketClosed(UUID ticketId, UUID organizationId, Instant at) {
    }

    /**
     * A person corrected what triage decided: the category or priority ({@code reclassify}), or the tier (an
     * escalation or de-escalation by a person; the desk's own SLA escalations are not corrections). Carries the
     * ticket's text and its labels after the correction, so triage can keep it as a training example. Only
     * synchronous listeners in the same transaction should take it: the text must not sit in an event log.
     */
    public record TriageCorrected(UUID ticketId, UUID organizationId, String subject, String description,
                                  Category category, int tier, Priority priority, UUID correctedBy, Instant at) {
    }
}

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
}

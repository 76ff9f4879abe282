package io.breakpoint.incidents;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Major incidents as their reader may see them: never a ticket, site or organization name the reader may not see. */
public final class IncidentViews {
    private IncidentViews() {
    }

    public record Person(UUID id, String name) {
    }

    /**
     * One incident. {@code tickets} counts the linked tickets the reader may see; {@code organizationName},
     * {@code siteName} are null (and the title generic) when the incident was opened in an organization the
     * reader does not see; {@code owner} null: the tier queue owns it.
     */
    public record Summary(UUID id, long number, String reference, String title, IncidentStatus status, Category category,
                          int tier, Priority priority, UUID organizationId, String organizationName, UUID siteId,
                          String siteName, Person owner, boolean openedByDesk, Instant openedAt, Instant resolvedAt,
                          int tickets) {
    }

    public record LinkedTicket(UUID id, String reference, String subject, TicketStatus status, Priority priority, int tier,
                               UUID organizationId, String organizationName, UUID siteId, String siteName,
                               Person requester, Person assignee, Instant createdAt, Instant linkedAt,
                               boolean linkedByDesk, String reason) {
    }

    /** One line of the incident's own history ({@code by} null: the desk): OPENED, OWNER_CHANGED. */
    public record HistoryEntry(Instant at, Person by, String kind, String text) {
    }

    /**
     * An incident with its tickets, their requesters and sites, and its own history (desk staff and the vCIO of the
     * incident's organization only; empty for other readers).
     */
    public record Detail(Summary incident, String resolution, Person resolvedBy, List<LinkedTicket> tickets,
                         List<Person> requesters, List<String> sites, List<HistoryEntry> history) {
    }

    /** What a broadcast reply or a resolve-all did: how many tickets it reached. */
    public record Outcome(Detail incident, int ticketsReached, int ticketsSkipped) {
    }
}

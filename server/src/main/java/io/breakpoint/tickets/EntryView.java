package io.breakpoint.tickets;

import java.time.Instant;
import java.util.UUID;

/** One line of a ticket's history as a reader may see it. {@code actorId} null means the desk itself. */
public record EntryView(long id, Instant at, UUID actorId, EntryKind kind, Visibility visibility, String body,
                        TicketStatus fromStatus, TicketStatus toStatus, Integer fromTier, Integer toTier,
                        UUID assigneeId, String actorName, String assigneeName) {

    public EntryView named(String actor, String assignee) {
        return new EntryView(id, at, actorId, kind, visibility, body, fromStatus, toStatus, fromTier, toTier, assigneeId,
                actor, assignee);
    }
}

package io.breakpoint.tickets;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Routing's say while tickets are being opened: for each arriving ticket, who gets it, or why it stays in its tier
 * queue, decided in the transaction that writes the ticket (decision 0026). The routing module implements it; without
 * an implementation tickets simply arrive in their queues.
 */
public interface IntakeRouting {

    /** A ticket about to be written, as routing sees it. */
    record Arrival(UUID ticketId, UUID organizationId, int tier, Category category, Priority priority) {
    }

    /** Who gets it ({@code assigneeId} null: nobody free, it stays queued) and the sentence its history shows. */
    record Decision(UUID assigneeId, String assigneeFirstName, String reason) {
        public boolean routed() {
            return assigneeId != null;
        }
    }

    /** Decisions for the arrivals routing is in use for; an arrival without one arrives in its queue unremarked. */
    Map<UUID, Decision> decide(List<Arrival> arrivals);
}

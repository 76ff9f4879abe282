package io.breakpoint.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the ticket pages and the desk metrics show of major incidents. The incidents module implements it (tickets
 * cannot depend on incidents, which acts on tickets); without that module there is no bean and nothing is shown.
 */
public interface LinkedIncidents {

    /** The incident a ticket belongs to. */
    record Link(UUID incidentId, String reference, String title, boolean open) {
    }

    /** One incident opened in a report period, counting only the linked tickets of the organizations asked about. */
    record Facts(UUID incidentId, UUID siteId, Instant openedAt, Instant resolvedAt, int ticketsLinked) {
    }

    Optional<Link> incidentOf(UUID ticketId);

    /** Incidents opened in [from, to) that link a ticket of these organizations. */
    List<Facts> opened(Set<UUID> organizations, Instant from, Instant to);
}

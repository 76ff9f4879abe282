package io.breakpoint.incidents.internal;

import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

import java.time.Instant;
import java.util.UUID;

/** An incident as stored. {@code siteId} null: organization-wide; {@code ownerId} null: the tier queue owns it. */
public record Incident(UUID id, long number, UUID organizationId, UUID siteId, Category category, int tier,
                       Priority priority, String title, IncidentStatus status, UUID ownerId, UUID openedBy,
                       Instant openedAt, Instant resolvedAt, UUID resolvedBy, String resolution,
                       int version) {

    public String reference() {
        return "MI-" + number;
    }

    public boolean open() {
        return status == IncidentStatus.OPEN;
    }
}

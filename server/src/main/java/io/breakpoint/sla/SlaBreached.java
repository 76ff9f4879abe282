package io.breakpoint.sla;

import io.breakpoint.tickets.Priority;

import java.time.Instant;
import java.util.UUID;

/** A ticket's first-response or resolution due time passed unmet. Recorded once per ticket and clock. */
public record SlaBreached(UUID ticketId, UUID organizationId, Priority priority, SlaClock clock, Instant dueAt,
                          boolean escalated, Instant at) {
}

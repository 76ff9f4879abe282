package io.breakpoint.sla;

import io.breakpoint.tickets.Priority;

import java.time.Instant;
import java.util.UUID;

/** 75% of a ticket's time for first response or resolution has passed. Recorded once per ticket and clock. */
public record SlaWarned(UUID ticketId, UUID organizationId, Priority priority, SlaClock clock, Instant dueAt, Instant at) {
}

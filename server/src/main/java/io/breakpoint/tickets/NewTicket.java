package io.breakpoint.tickets;

import java.util.UUID;

/** What a requester submits. {@code category} and {@code impact} are optional hints. */
public record NewTicket(String subject, String description, UUID siteId, Category category, Impact impact,
                        String idempotencyKey) {
}

package io.breakpoint.tickets;

import io.breakpoint.common.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** What a list or a queue asks for. {@code cursor} continues after the last row of the previous page. */
public record TicketFilter(Set<TicketStatus> statuses, Integer tier, Priority priority, UUID organizationId, UUID siteId,
                           UUID assigneeId, boolean unassignedOnly, String text, Order order, Cursor cursor, int limit) {

    /** NEWEST: most recent first (lists). QUEUE: highest priority, then oldest first (tier queues). */
    public enum Order { NEWEST, QUEUE }

    public record Cursor(String priority, Instant createdAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((priority + "|" + createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String s) {
            if (s == null || s.isBlank()) return null;
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(parts[0], Instant.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidRequestException("cursor", "The cursor is not one this server handed out.");
            }
        }
    }

    public static TicketFilter openQueue(int tier) {
        return new TicketFilter(TicketStatus.OPEN, tier, null, null, null, null, false, null, Order.QUEUE, null, 50);
    }
}

package io.breakpoint.tickets;

import java.util.List;

/** One page of tickets; {@code nextCursor} is null on the last page. */
public record TicketPage(List<TicketView> items, String nextCursor) {
}

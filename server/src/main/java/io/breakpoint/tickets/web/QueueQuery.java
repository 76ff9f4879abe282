package io.breakpoint.tickets.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketFilter;
import io.breakpoint.tickets.TicketStatus;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The filters of a ticket list page as they travel in its URL: tier (console tabs), "mine", organization,
 * site, priority, status ("open", "any" or one status), words of the subject or a ticket number, and the paging cursor.
 */
record QueueQuery(Integer tier, boolean mine, UUID org, UUID site, Priority priority, String status, String text,
                  String cursor) {

    static final String OPEN = "open";
    static final String ANY = "any";

    /** A search as typed, trimmed; the desk looks at no more than 200 characters of it. */
    static String limited(String search) {
        if (search == null || search.isBlank()) return null;
        String s = search.strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    Set<TicketStatus> statuses() {
        if (status == null || status.isBlank() || status.equals(ANY)) return null;
        if (status.equals(OPEN)) return TicketStatus.OPEN;
        try {
            return EnumSet.of(TicketStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "There is no such status.");
        }
    }

    TicketFilter filter(Actor me, TicketFilter.Order order) {
        return new TicketFilter(statuses(), mine ? null : tier, priority, org, site, mine ? me.userId() : null, false,
                text == null || text.isBlank() ? null : text.strip(),
                order, TicketFilter.Cursor.decode(cursor), 50);
    }

    /** This page's URL with another cursor (null: the first page). */
    String url(String base, String nextCursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (mine) b.queryParam("mine", true);
        else if (tier != null) b.queryParam("tier", tier);
        if (org != null) b.queryParam("org", org);
        if (site != null) b.queryParam("site", site);
        if (priority != null) b.queryParam("priority", priority.name());
        if (status != null && !status.isBlank()) b.queryParam("status", status);
        if (text != null && !text.isBlank()) b.queryParam("q", text.strip());
        if (nextCursor != null) b.queryParam("cursor", nextCursor);
        return b.encode().build().toUriString();
    }

    QueueQuery forTier(Integer t) {
        return new QueueQuery(t, false, org, site, priority, status, text, null);
    }

    QueueQuery mineOnly() {
        return new QueueQuery(tier, true, org, site, priority, status, text, null);
    }
}

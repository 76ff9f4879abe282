package io.breakpoint.tickets.web;

import io.breakpoint.phi.PhiWords;

import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.TicketView;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a ticket list (portal, queue, organization list), with times already in the site's zone; {@code phi}
 * says which patient information the ticket holds (null when none).
 */
record TicketRow(UUID id, String reference, String subject, TicketStatus status, Priority priority, int tier,
                 String category, String organization, String site, String requester, String assignee, String created,
                 String updated, String phi) {

    static TicketRow of(TicketView t, ClinicTime time, Map<UUID, ZoneId> zones) {
        return new TicketRow(t.id(), t.reference(), t.subject(), t.status(), t.priority(), t.tier(),
                t.category() == null ? null : t.category().label(), t.organizationName(), t.siteName(),
                t.requester() == null ? null : t.requester().name(), t.assignee() == null ? null : t.assignee().name(),
                time.format(t.createdAt(), zones, t.siteId()), time.format(t.updatedAt(), zones, t.siteId()),
                t.containsPhi() ? PhiWords.list(t.phiKinds()) : null);
    }
}

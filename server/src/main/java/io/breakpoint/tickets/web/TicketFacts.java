package io.breakpoint.tickets.web;

import io.breakpoint.phi.PhiWords;

import io.breakpoint.tickets.EntryKind;
import io.breakpoint.tickets.EntryView;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.TicketView;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A ticket's header and facts panel, with its history, ready for a page; times in the site's zone. */
record TicketFacts(UUID id, String reference, String subject, String description, TicketStatus status, int tier,
                   String category, Priority priority, String impact, String organization, String site, String requester,
                   String assignee, UUID assigneeId, String created, String firstResponse, int reassignments,
                   String resolution, String resolvedAt, String firstResponseDue, String resolutionDue, String tierTarget,
                   List<ThreadEntry> thread, String phi) {

    static TicketFacts of(TicketView t, ClinicTime time, boolean publicOnly) {
        ZoneId zone = time.zoneOf(t.siteId());
        List<EntryView> entries = publicOnly
                ? t.entries().stream().filter(e -> e.visibility() == io.breakpoint.tickets.Visibility.PUBLIC).toList()
                : t.entries();
        String firstResponse = t.firstResponseAt() == null ? null : time.format(t.firstResponseAt(), zone)
                + " (after " + ClinicTime.spoken(Duration.between(t.createdAt(), t.firstResponseAt())) + ")";
        String resolution = null;
        for (EntryView e : entries) {
            if (e.kind() == EntryKind.RESOLVED) resolution = e.body();
        }
        return new TicketFacts(t.id(), t.reference(), t.subject(), t.description(), t.status(), t.tier(),
                t.category() == null ? null : t.category().label(), t.priority(),
                t.impact() == null ? null : t.impact().label(), t.organizationName(), t.siteName(),
                t.requester() == null ? null : t.requester().name(), t.assignee() == null ? null : t.assignee().name(),
                t.assignee() == null ? null : t.assignee().id(), time.format(t.createdAt(), zone), firstResponse,
                t.reassignments(), resolution, time.format(t.resolvedAt(), zone),
                t.sla() == null ? null : time.format(t.sla().firstResponseDueAt(), zone),
                t.sla() == null ? null : time.format(t.sla().resolutionDueAt(), zone),
                t.sla() == null || t.sla().tierTargetAt() == null ? null
                        : time.format(t.sla().tierTargetAt(), zone) + " (Tier " + t.tier()
                        + (t.sla().tierTarget() == null ? "" : "'s target " + t.sla().tierTarget())
                        + ", counted from when it received the ticket)",
                entries.stream().filter(e -> e.kind() != EntryKind.OPENED).map(e -> ThreadEntry.of(e, time, zone)).toList(),
                t.containsPhi() ? PhiWords.list(t.phiKinds()) : null);
    }

    public long lastEntryId() {
        return thread.isEmpty() ? 0 : thread.get(thread.size() - 1).id();
    }

    public boolean resolved() {
        return status == TicketStatus.RESOLVED;
    }

    public boolean closed() {
        return status == TicketStatus.CLOSED;
    }
}

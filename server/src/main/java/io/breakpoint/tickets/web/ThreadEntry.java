package io.breakpoint.tickets.web;

import io.breakpoint.tickets.EntryView;
import io.breakpoint.tickets.Visibility;

import java.time.ZoneId;

/**
 * One line of a ticket's history as a page shows it. {@code style} is "message" (a reply or the opening),
 * "internal" (a note or another desk-only entry) or "event" (a status change and the like).
 */
record ThreadEntry(long id, String style, String who, String when, String what, String body, boolean internal) {

    static ThreadEntry of(EntryView e, ClinicTime time, ZoneId zone) {
        String who = e.actorName() == null ? "The desk" : e.actorName();
        boolean internal = e.visibility() == Visibility.INTERNAL;
        String what;
        String style = internal ? "internal" : "event";
        switch (e.kind()) {
            case OPENED -> { what = "opened the ticket"; style = "event"; }
            case TRIAGED -> what = "sorted it into the Tier " + e.toTier() + " queue";
            case REPLY -> { what = "replied"; style = "message"; }
            case NOTE -> what = "added an internal note";
            case ASSIGNED -> what = e.assigneeId() != null && e.assigneeId().equals(e.actorId()) ? "took the ticket"
                    : "assigned it to " + (e.assigneeName() == null ? "someone" : e.assigneeName());
            case ESCALATED -> what = "escalated it from Tier " + e.fromTier() + " to Tier " + e.toTier();
            case DE_ESCALATED -> what = "moved it down from Tier " + e.fromTier() + " to Tier " + e.toTier();
            case STATUS_CHANGED -> what = "changed the status to " + (e.toStatus() == null ? "?" : e.toStatus().label().toLowerCase());
            case RECLASSIFIED -> what = "corrected the classification";
            case RESOLVED -> { what = "resolved the ticket"; style = "message resolution"; }
            case REOPENED -> what = "reopened the ticket";
            case CLOSED -> what = "closed the ticket";
            case SLA_SET -> what = "set the due times";
            case SLA_WARNING -> what = "warned that a due time is near";
            case SLA_BREACH -> what = "recorded a missed due time";
            case INCIDENT -> what = "changed the ticket's major incident";
            case ACKNOWLEDGED -> { what = "acknowledged the ticket automatically"; style = "message"; }
            default -> what = e.kind().name().toLowerCase().replace('_', ' ');
        }
        return new ThreadEntry(e.id(), style, who, time.format(e.at(), zone), what, e.body(), internal);
    }
}

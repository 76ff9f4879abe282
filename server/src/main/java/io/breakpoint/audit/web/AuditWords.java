package io.breakpoint.audit.web;

import io.breakpoint.common.Channel;

import java.util.Locale;
import java.util.Map;

/** Audit actions and channels in plain words; an action not listed here shows as its code, lower-cased. */
final class AuditWords {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("TICKET_OPENED", "Opened a ticket"),
            Map.entry("TICKET_VIEWED", "Viewed a ticket"),
            Map.entry("TICKETS_LISTED", "Listed tickets"),
            Map.entry("TICKET_ASSIGNED", "Assigned a ticket"),
            Map.entry("TICKET_ESCALATED", "Escalated a ticket"),
            Map.entry("TICKET_DE_ESCALATED", "De-escalated a ticket"),
            Map.entry("TICKET_RECLASSIFIED", "Changed a ticket's category, tier or priority"),
            Map.entry("TICKET_STATUS_CHANGED", "Changed a ticket's status"),
            Map.entry("TICKET_RESOLVED", "Resolved a ticket"),
            Map.entry("TICKET_REOPENED", "Reopened a ticket"),
            Map.entry("TICKET_CLOSED", "Closed a ticket"),
            Map.entry("TICKET_IMPORTED", "Imported a ticket"),
            Map.entry("TICKET_REPLIED", "Replied on a ticket"),
            Map.entry("TICKET_NOTE_ADDED", "Added an internal note"),
            Map.entry("ORGANIZATION_CREATED", "Added an organization"),
            Map.entry("ORGANIZATION_CHANGED", "Changed an organization"),
            Map.entry("SITE_CREATED", "Added a site"),
            Map.entry("SITE_CHANGED", "Changed a site"),
            Map.entry("USER_CREATED", "Created an account"),
            Map.entry("USER_CHANGED", "Changed an account"),
            Map.entry("PASSWORD_SET", "Set a password"));

    private AuditWords() {
    }

    static String action(String code) {
        String words = ACTIONS.get(code);
        if (words != null) return words;
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String channel(Channel c) {
        if (c == null) return "";
        switch (c) {
            case UI: return "Web";
            case API: return "API";
            case CLI: return "Command line";
            case SYS: return "The desk itself";
            default: return c.name();
        }
    }
}

package io.breakpoint.tickets.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the automatic acknowledgement a requester gets within a second of submitting: what the desk
 * understood (category, priority), who handles it, when a person will answer, and for account problems the
 * self-service steps the organization set. Plain language; no ticket jargon beyond the reference.
 */
public final class Acknowledgement {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a z", Locale.US);

    private Acknowledgement() {
    }

    public static String compose(String reference, Category category, Priority priority, int tier, String assigneeFirstName,
                                 Instant firstResponseDue, Instant now, ZoneId zone, String accountHelp) {
        StringBuilder m = new StringBuilder();
        m.append("Thanks, we have your ticket ").append(reference).append(". ");
        m.append("We understood it as ").append(category == null ? "a request we still need to sort" : category.label().toLowerCase(Locale.US))
                .append(", priority ").append(priority.name()).append(" (").append(priority.label().toLowerCase(Locale.US)).append("). ");
        if (assigneeFirstName != null) {
            m.append(assigneeFirstName).append(" from our Tier ").append(tier).append(" team is handling it. ");
        } else {
            m.append("It is with our Tier ").append(tier).append(" team. ");
        }
        if (firstResponseDue != null) {
            m.append("A person will answer you ").append(dueIn(firstResponseDue, now, zone)).append('.');
        }
        if (category == Category.ACCOUNT_ACCESS && accountHelp != null && !accountHelp.isBlank()) {
            m.append("\n\nWhile you wait, this often fixes it:\n").append(accountHelp.strip());
        }
        return m.toString();
    }

    private static String dueIn(Instant due, Instant now, ZoneId zone) {
        long minutes = Math.max(1, (due.getEpochSecond() - now.getEpochSecond() + 59) / 60);
        if (minutes <= 60) return "within " + minutes + " minute" + (minutes == 1 ? "" : "s");
        return "by " + WHEN.withZone(zone).format(due);
    }
}

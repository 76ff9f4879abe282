package io.breakpoint.tickets;

/**
 * The seam where automatic triage plugs in: given what the requester wrote, decide category, tier and
 * priority, with a reason a person can read. Until a triage module provides a bean, every new ticket goes to
 * the Tier 1 queue (see {@code internal.TierOneQueueTriage}).
 */
public interface Triage {

    Decision decide(NewTicket ticket);

    record Decision(Category category, int tier, Priority priority, String reason) {
    }
}

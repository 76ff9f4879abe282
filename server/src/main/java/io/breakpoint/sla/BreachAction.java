package io.breakpoint.sla;

/**
 * What the desk does when a breach escalates (which breaches escalate is configuration, breakpoint.sla.escalate-on-breach.*):
 * give the ticket to the lead of the tier that holds it, or move it up one tier. Part of an organization's policy.
 */
public enum BreachAction {
    /** Assigned to the lead of the tier holding the ticket who serves the organization; recorded only when there is none. */
    TIER_LEAD,
    /** Moved up one tier's queue; recorded only in Tier 3. */
    UP_A_TIER
}

package io.breakpoint.sla;

/**
 * The internal target of each tier for one priority, counted from when that tier received the ticket (decision 0025).
 * Tier 3, with no tier above it to hand to, gets the longest by default (ServiceLevelPolicy.DEFAULT).
 */
public record TierTargets(Target tier1, Target tier2, Target tier3) {

    /** The same target for every tier (a policy written before targets were per tier). */
    public static TierTargets all(Target t) {
        return new TierTargets(t, t, t);
    }

    /** The target of tier 1, 2 or 3 (a tier outside that range counts as the nearest one). */
    public Target of(int tier) {
        return tier <= 1 ? tier1 : tier == 2 ? tier2 : tier3;
    }
}

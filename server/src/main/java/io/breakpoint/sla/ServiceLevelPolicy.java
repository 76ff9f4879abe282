package io.breakpoint.sla;

import io.breakpoint.tickets.Priority;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * First-response and resolution targets per priority, the internal target each tier gets from when it receives the
 * ticket, and what a breach that escalates does.
 */
public record ServiceLevelPolicy(Map<Priority, Target> firstResponse, Map<Priority, Target> resolution,
                                 Map<Priority, TierTargets> tierTargets, Map<Priority, BreachAction> onBreach) {

    /**
     * PRODUCT.md's default policy: first response P1 2 min, P2 5 min, P3 30 min, P4 4 business hours;
     * resolution P1 4 h around the clock, P2 end of the same clinic day, P3 2 clinic days, P4 5 clinic days.
     * Only P1 runs around the clock; the rest count the site's clinic hours.
     * Tier targets (not in PRODUCT.md; decisions 0012 and 0025), per tier: Tier 1 and Tier 2 keep decision 0012's
     * (P1 1 h around the clock, P2 2 h of clinic time, P3 1 clinic day, P4 3 clinic days), Tier 3, with no tier above
     * it, gets twice as long (P1 2 h, P2 4 h, P3 2 clinic days, P4 5 clinic days, never beyond the resolution time).
     * Shorter Tier 1 targets passed tickets on that Tier 1 would have fixed (decision 0025 has the simulated day).
     * Breaches of P1 and P2 go up a tier (the desk's behaviour before policies), P3 and P4 to the tier
     * lead.
     */
    public static final ServiceLevelPolicy DEFAULT = new ServiceLevelPolicy(
            new EnumMap<>(Map.of(
                    Priority.P1, Target.aroundTheClock(Duration.ofMinutes(2)),
                    Priority.P2, Target.clinicTime(Duration.ofMinutes(5)),
                    Priority.P3, Target.clinicTime(Duration.ofMinutes(30)),
                    Priority.P4, Target.clinicTime(Duration.ofHours(4)))),
            new EnumMap<>(Map.of(
                    Priority.P1, Target.aroundTheClock(Duration.ofHours(4)),
                    Priority.P2, Target.endOfClinicDay(),
                    Priority.P3, Target.clinicDays(2),
                    Priority.P4, Target.clinicDays(5))),
            new EnumMap<>(Map.of(
                    Priority.P1, new TierTargets(Target.aroundTheClock(Duration.ofHours(1)), Target.aroundTheClock(Duration.ofHours(1)),
                            Target.aroundTheClock(Duration.ofHours(2))),
                    Priority.P2, new TierTargets(Target.clinicTime(Duration.ofHours(2)), Target.clinicTime(Duration.ofHours(2)),
                            Target.clinicTime(Duration.ofHours(4))),
                    Priority.P3, new TierTargets(Target.clinicDays(1), Target.clinicDays(1), Target.clinicDays(2)),
                    Priority.P4, new TierTargets(Target.clinicDays(3), Target.clinicDays(3), Target.clinicDays(5)))),
            new EnumMap<>(Map.of(
                    Priority.P1, BreachAction.UP_A_TIER,
                    Priority.P2, BreachAction.UP_A_TIER,
                    Priority.P3, BreachAction.TIER_LEAD,
                    Priority.P4, BreachAction.TIER_LEAD)));

    public ServiceLevelPolicy {
        firstResponse = Map.copyOf(firstResponse);
        resolution = Map.copyOf(resolution);
        tierTargets = Map.copyOf(tierTargets);
        onBreach = Map.copyOf(onBreach);
    }

    /** One priority's part of the policy. */
    public record Level(Target firstResponse, Target resolution, TierTargets tierTargets, BreachAction onBreach) {
        /** One target for every tier. */
        public Level(Target firstResponse, Target resolution, Target everyTier, BreachAction onBreach) {
            this(firstResponse, resolution, TierTargets.all(everyTier), onBreach);
        }
    }

    public Level level(Priority p) {
        return new Level(firstResponse.get(p), resolution.get(p), tierTargets.get(p), onBreach.get(p));
    }

    /** This policy with one priority's level replaced. */
    public ServiceLevelPolicy with(Priority p, Level level) {
        Map<Priority, Target> fr = new EnumMap<>(firstResponse), res = new EnumMap<>(resolution);
        Map<Priority, TierTargets> tier = new EnumMap<>(tierTargets);
        Map<Priority, BreachAction> on = new EnumMap<>(onBreach);
        fr.put(p, level.firstResponse());
        res.put(p, level.resolution());
        tier.put(p, level.tierTargets());
        on.put(p, level.onBreach());
        return new ServiceLevelPolicy(fr, res, tier, on);
    }
}

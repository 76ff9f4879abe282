package io.breakpoint.routing.internal;

import io.breakpoint.identity.Role;
import io.breakpoint.identity.RoutingCandidate;
import io.breakpoint.tickets.Category;

import java.time.Instant;
import java.util.*;

/**
 * Who gets a ticket, in plain Java. Qualified for a tier queue means: an engineer of that tier who serves the
 * organization (the candidates given are already only those), has the ticket's category as a skill, is on shift
 * now and has fewer open tickets than their capacity. Among the qualified, the one with the fewest open tickets
 * wins (ties: the lower share of capacity, then the name, so the choice is repeatable). For the categories a
 * co-managed organization routes to its own IT first, its INTERNAL_IT staff on shift with free capacity come
 * first; the organization's choice of category stands in for a skill.
 */
final class RoutingRules {

    private RoutingRules() {
    }

    /** The decision with the sentence the ticket's history shows; {@code assigneeId} null: it stays queued. */
    record Choice(UUID assigneeId, String reason) {
        boolean routed() {
            return assigneeId != null;
        }
    }

    /** The ticket as routing sees it. */
    record Work(String organizationName, int tier, Category category) {
    }

    /**
     * Whether routing is in use for this ticket's queue: someone of the tier has a skill, or the organization sends
     * this category to its own IT first. Until then the desk decides nothing and writes no note, so a desk that has
     * not set up routing works as before.
     */
    static boolean inUse(Work work, List<RoutingCandidate> candidates, Set<String> internalFirst) {
        if (work.category() != null && internalFirst.contains(work.category().name())) return true;
        return candidates.stream().anyMatch(c -> c.person().role() != Role.INTERNAL_IT
                && Objects.equals(c.person().role().tier(), work.tier()) && !c.profile().skills().isEmpty());
    }

    static Choice choose(Work work, List<RoutingCandidate> candidates, Set<String> internalFirst,
                         Map<UUID, Integer> openTickets, Instant now) {
        if (work.category() == null) {
            return new Choice(null, "No category to match skills against: stays in the Tier " + work.tier() + " queue");
        }
        String category = work.category().name();
        String clinicItNote = "";
        if (internalFirst.contains(category)) {
            List<RoutingCandidate> clinicIt = candidates.stream().filter(c -> c.person().role() == Role.INTERNAL_IT).toList();
            Optional<RoutingCandidate> best = leastLoaded(clinicIt.stream()
                    .filter(c -> c.person().enabled() && c.profile().onShift(now) && load(openTickets, c) < c.profile().capacity()).toList(), openTickets);
            if (best.isPresent()) {
                RoutingCandidate c = best.get();
                return new Choice(c.person().id(), "Routed to " + c.person().displayName() + ": clinic IT first for "
                        + category + " at " + work.organizationName() + ", on shift, " + loadText(openTickets, c));
            }
            clinicItNote = clinicIt.isEmpty() ? "no clinic IT staff to take " + category + " first; "
                    : "clinic IT not free (" + explain(clinicIt, null, openTickets, now) + "); ";
        }
        List<RoutingCandidate> tier = candidates.stream()
                .filter(c -> c.person().role() != Role.INTERNAL_IT && Objects.equals(c.person().role().tier(), work.tier()))
                .toList();
        Optional<RoutingCandidate> best = leastLoaded(tier.stream().filter(c -> qualified(c, category, openTickets, now)).toList(),
                openTickets);
        if (best.isPresent()) {
            RoutingCandidate c = best.get();
            return new Choice(c.person().id(), capitalized(clinicItNote + "routed to " + c.person().displayName() + ": Tier "
                    + work.tier() + ", skill " + category + ", on shift, " + loadText(openTickets, c)));
        }
        String why = tier.isEmpty() ? "none serves it" : explain(tier, category, openTickets, now);
        return new Choice(null, capitalized(clinicItNote + "no Tier " + work.tier() + " engineer free for "
                + work.organizationName() + " (" + why + "): stays in the queue"));
    }

    private static boolean qualified(RoutingCandidate c, String category, Map<UUID, Integer> openTickets, Instant now) {
        return c.person().enabled() && c.profile().hasSkill(category) && c.profile().onShift(now)
                && load(openTickets, c) < c.profile().capacity();
    }

    private static Optional<RoutingCandidate> leastLoaded(List<RoutingCandidate> qualified, Map<UUID, Integer> openTickets) {
        return qualified.stream().min(Comparator
                .comparingInt((RoutingCandidate c) -> load(openTickets, c))
                .thenComparingDouble(c -> load(openTickets, c) / (double) Math.max(1, c.profile().capacity()))
                .thenComparing(c -> c.person().displayName())
                .thenComparing(c -> c.person().id()));
    }

    /**
     * Why nobody of this group could take it, counted by the first rule each one fails; {@code skill} null when the
     * group needs none (clinic IT for the categories their organization chose).
     */
    private static String explain(List<RoutingCandidate> group, String skill, Map<UUID, Integer> openTickets, Instant now) {
        int noSkill = 0, offShift = 0, full = 0;
        for (RoutingCandidate c : group) {
            if (skill != null && !c.profile().hasSkill(skill)) noSkill++;
            else if (!c.profile().onShift(now)) offShift++;
            else if (load(openTickets, c) >= c.profile().capacity()) full++;
        }
        List<String> parts = new ArrayList<>();
        if (noSkill > 0) parts.add(noSkill + " without skill " + skill);
        if (offShift > 0) parts.add(offShift + " off shift");
        if (full > 0) parts.add(full + " at capacity");
        return String.join(", ", parts);
    }

    private static int load(Map<UUID, Integer> openTickets, RoutingCandidate c) {
        return openTickets.getOrDefault(c.person().id(), 0);
    }

    private static String loadText(Map<UUID, Integer> openTickets, RoutingCandidate c) {
        return load(openTickets, c) + " of " + c.profile().capacity() + " open tickets";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

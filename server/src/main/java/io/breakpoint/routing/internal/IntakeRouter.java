package io.breakpoint.routing.internal;

import io.breakpoint.identity.Directory;
import io.breakpoint.identity.RoutingCandidate;
import io.breakpoint.tickets.IntakeRouting;
import io.breakpoint.tickets.TicketRouting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.*;

/**
 * Routes tickets as intake writes them, so a ticket is with its engineer the moment the requester's submission is
 * answered. A batch of arrivals costs one look at the candidates and one count of open tickets per queue; each
 * assignment counts at once for the next arrival of the batch (decision 0026). Tickets that arrive in a queue later
 * (escalation, reopening) and those waiting for someone to free up are the {@link Router}'s.
 */
@Component
class IntakeRouter implements IntakeRouting {

    private final TicketRouting tickets;
    private final Directory directory;
    private final Clock clock;
    private final boolean enabled;

    IntakeRouter(TicketRouting tickets, Directory directory, Clock clock,
                 @Value("${breakpoint.routing.enabled:true}") boolean enabled) {
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
        this.enabled = enabled;
    }

    private record Queue(UUID organizationId, int tier) {
    }

    @Override
    public Map<UUID, Decision> decide(List<Arrival> arrivals) {
        if (!enabled || arrivals.isEmpty()) return Map.of();
        Map<UUID, Decision> decisions = new HashMap<>();
        Map<Queue, List<Arrival>> byQueue = new LinkedHashMap<>();
        arrivals.forEach(a -> byQueue.computeIfAbsent(new Queue(a.organizationId(), a.tier()), q -> new ArrayList<>()).add(a));
        Instant now = clock.instant();
        byQueue.forEach((queue, waiting) -> {
            List<RoutingCandidate> candidates = directory.routingCandidates(queue.organizationId(), queue.tier());
            Set<String> internalFirst = directory.internalFirstCategories(queue.organizationId());
            String org = Objects.requireNonNullElse(directory.organizationName(queue.organizationId()), "the organization");
            Map<UUID, Integer> load = null; // counted only when routing is in use for this queue
            Map<UUID, RoutingCandidate> byId = new HashMap<>();
            candidates.forEach(c -> byId.put(c.person().id(), c));
            for (Arrival a : waiting) {
                RoutingRules.Work work = new RoutingRules.Work(org, a.tier(), a.category());
                if (!RoutingRules.inUse(work, candidates, internalFirst)) continue;
                if (load == null) load = new HashMap<>(tickets.openAssigned(byId.keySet()));
                RoutingRules.Choice choice = RoutingRules.choose(work, candidates, internalFirst, load, now);
                if (choice.routed()) load.merge(choice.assigneeId(), 1, Integer::sum);
                RoutingCandidate who = choice.routed() ? byId.get(choice.assigneeId()) : null;
                decisions.put(a.ticketId(), new Decision(choice.assigneeId(), who == null ? null : firstName(who), choice.reason()));
            }
        });
        return decisions;
    }

    private static String firstName(RoutingCandidate c) {
        String name = c.person().displayName();
        if (name == null || name.isBlank()) return null;
        return name.strip().split("\\s+")[0];
    }
}

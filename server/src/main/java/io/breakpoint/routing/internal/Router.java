package io.breakpoint.routing.internal;

import io.breakpoint.common.Channel;
import io.breakpoint.common.ConflictException;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.RoutingCandidate;
import io.breakpoint.tickets.TicketEvents.TicketEscalated;
import io.breakpoint.tickets.TicketEvents.TicketReopened;
import io.breakpoint.tickets.TicketEvents.TicketResolved;
import io.breakpoint.tickets.TicketRouting;
import io.breakpoint.tickets.TicketRouting.QueuedTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.*;

/**
 * Routes tickets as they arrive in a tier queue (escalated or de-escalated, reopened without an assignee; new tickets
 * are routed by intake itself, {@link IntakeRouter}),
 * and gives queued tickets out when someone frees up: when a ticket is resolved, and in a sweep every minute (for
 * shifts that start, capacities raised, and reassignments by hand). Runs after the ticket's own transaction commits
 * (docs/decisions/0008-routing.md). Each assignment is the ticket's versioned update, so two instances racing for
 * one ticket end with one assignment and a harmless conflict in the other.
 */
@Component
class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final int QUEUE_BATCH = 500;

    private final TicketRouting tickets;
    private final Directory directory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    Router(TicketRouting tickets, Directory directory, PlatformTransactionManager transactions, Clock clock,
           @Value("${breakpoint.routing.enabled:true}") boolean enabled) {
        this.tickets = tickets;
        this.directory = directory;
        // Each ticket in its own transaction, apart from the listener's: a conflict on one ticket rolls back only that.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(TicketEscalated event) {
        routeArrival(event.ticketId());
        giveOutQueued(event.organizationId()); // whoever had it has one ticket fewer
    }

    @ApplicationModuleListener
    void on(TicketReopened event) {
        routeArrival(event.ticketId());
    }

    @ApplicationModuleListener
    void on(TicketResolved event) {
        giveOutQueued(event.organizationId());
    }

    @Scheduled(fixedDelayString = "${breakpoint.routing.sweep:PT1M}", initialDelayString = "PT20S")
    void sweep() {
        giveOutQueued(null);
    }

    /** A ticket that just arrived in a queue: routed, or a note in its history says why it waits. */
    void routeArrival(UUID ticketId) {
        if (!enabled) return;
        Channel.runAs(Channel.SYS, () -> {
            try {
                tx.executeWithoutResult(s -> tickets.queued(ticketId).ifPresent(t -> {
                    List<RoutingCandidate> candidates = directory.routingCandidates(t.organizationId(), t.tier());
                    Map<UUID, Integer> load = tickets.openAssigned(ids(candidates));
                    choose(t, candidates, directory.internalFirstCategories(t.organizationId()), load).ifPresent(choice -> {
                        if (choice.routed()) tickets.route(t.id(), choice.assigneeId(), choice.reason());
                        else tickets.stayQueued(t.id(), choice.reason());
                    });
                }));
            } catch (ConflictException raced) {
                log.info("Ticket {} changed while routing it; left as it is: {}", ticketId, raced.getMessage());
            }
        });
    }

    /**
     * Gives out tickets waiting unassigned in the tier queues (of one organization, or all when null) to whoever is
     * free now, most urgent and oldest first. Tickets nobody can take stay as they are, without another note.
     * Returns how many it routed.
     */
    int giveOutQueued(UUID organizationId) {
        if (!enabled) return 0;
        int[] routed = {0};
        Channel.runAs(Channel.SYS, () -> {
            for (TicketRouting.Queue queue : queues(organizationId)) {
                List<RoutingCandidate> candidates = directory.routingCandidates(queue.organizationId(), queue.tier());
                Map<UUID, Integer> load = new HashMap<>(tickets.openAssigned(ids(candidates)));
                // Checked before the queue is read: in a wave of breaches every escalation asks for a give-out, and
                // with everyone busy each would otherwise read a long queue for nothing.
                if (!anyoneFree(candidates, load)) continue;
                Set<String> internalFirst = directory.internalFirstCategories(queue.organizationId());
                for (UUID id : tickets.queuedIds(queue, QUEUE_BATCH)) {
                    // Nobody of this queue (or of the clinic's IT) on shift with room: nothing more to try.
                    if (!anyoneFree(candidates, load)) break;
                    try {
                        UUID to = tx.execute(s -> tickets.queued(id)
                                .flatMap(t -> choose(t, candidates, internalFirst, load)
                                        .filter(choice -> choice.routed() && tickets.route(t.id(), choice.assigneeId(), choice.reason()))
                                        .map(RoutingRules.Choice::assigneeId))
                                .orElse(null));
                        if (to != null) {
                            load.merge(to, 1, Integer::sum);
                            routed[0]++;
                        }
                    } catch (ConflictException raced) {
                        log.info("Ticket {} changed while routing it; left as it is: {}", id, raced.getMessage());
                    }
                }
            }
        });
        if (routed[0] > 0) log.info("Routed {} queued tickets", routed[0]);
        return routed[0];
    }

    /**
     * The tier queues to give out from: of one organization, its three tiers (a look at each costs less than finding
     * which have tickets waiting); of all, those with tickets waiting (the minute's sweep).
     */
    private List<TicketRouting.Queue> queues(UUID organizationId) {
        if (organizationId == null) return tickets.queuesWithUnassigned(null);
        return List.of(new TicketRouting.Queue(organizationId, 1), new TicketRouting.Queue(organizationId, 2),
                new TicketRouting.Queue(organizationId, 3));
    }

    /** The decision for a ticket, or nothing when routing is not in use for its queue. */
    private Optional<RoutingRules.Choice> choose(QueuedTicket t, List<RoutingCandidate> candidates, Set<String> internalFirst,
                                                 Map<UUID, Integer> load) {
        String org = Objects.requireNonNullElse(directory.organizationName(t.organizationId()), "the organization");
        RoutingRules.Work work = new RoutingRules.Work(org, t.tier(), t.category());
        if (!RoutingRules.inUse(work, candidates, internalFirst)) return Optional.empty();
        return Optional.of(RoutingRules.choose(work, candidates, internalFirst, load, clock.instant()));
    }

    private boolean anyoneFree(List<RoutingCandidate> candidates, Map<UUID, Integer> load) {
        return candidates.stream().anyMatch(c -> c.person().enabled() && c.profile().onShift(clock.instant())
                && load.getOrDefault(c.person().id(), 0) < c.profile().capacity());
    }

    private static List<UUID> ids(List<RoutingCandidate> candidates) {
        return candidates.stream().map(c -> c.person().id()).toList();
    }
}

package io.breakpoint.tickets;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.tickets.TicketEvents.TicketAssigned;
import io.breakpoint.tickets.internal.Ticket;
import io.breakpoint.tickets.internal.TicketStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.*;

/**
 * The desk acting on its own to route tickets: no signed-in user. Changes are recorded with the desk as actor
 * (null) and audited; the audit channel is SYS outside a web request. Every change is a versioned update, so two
 * instances routing one ticket at once cannot both succeed: the second fails with a conflict and changes nothing.
 */
@Service
public class TicketRouting {

    /** What routing needs to know about a ticket waiting in a tier queue. */
    public record QueuedTicket(UUID id, String reference, UUID organizationId, int tier, Category category,
                               Priority priority) {
    }

    private final TicketStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketRouting(TicketStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The ticket, if it is still waiting in its tier queue with nobody assigned. */
    @Transactional(readOnly = true)
    public Optional<QueuedTicket> queued(UUID ticketId) {
        return store.find(ticketId).filter(Ticket::queued).map(TicketRouting::queuedTicket);
    }

    /** A tier queue of an organization. */
    public record Queue(UUID organizationId, int tier) {
    }

    /** The tier queues that have tickets waiting with nobody assigned (of one organization, or all when null). */
    @Transactional(readOnly = true)
    public List<Queue> queuesWithUnassigned(UUID organizationId) {
        return store.queuesWithUnassigned(organizationId).stream().map(e -> new Queue(e.getKey(), e.getValue())).toList();
    }

    /** Ids of the tickets waiting unassigned in one tier queue, most urgent and oldest first. */
    @Transactional(readOnly = true)
    public List<UUID> queuedIds(Queue queue, int limit) {
        return store.queued(queue.organizationId(), queue.tier(), limit);
    }

    /** How many open tickets each person has assigned now. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> openAssigned(Collection<UUID> people) {
        return store.openAssigned(people);
    }

    /**
     * Gives a queued ticket to a person with the reason in its history; not a reassignment. Returns false when the
     * ticket is no longer queued (someone took it meanwhile). Must run in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean route(UUID ticketId, UUID assigneeId, String reason) {
        Ticket t = store.find(ticketId).orElse(null);
        if (t == null || !t.queued()) return false;
        Instant now = clock.instant();
        t.route(assigneeId, reason, now);
        store.update(t);
        audit.record(null, "TICKET_ROUTED", t.organizationId(), t.id(), t.reference() + ": " + reason);
        events.publishEvent(new TicketAssigned(t.id(), t.organizationId(), assigneeId, t.tier(), now));
        return true;
    }

    /**
     * Notes in a queued ticket's history why nobody was given it; it stays in the tier queue. Only appends to the
     * history: the ticket's version stays, so a person acting on the ticket at that moment meets no conflict.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean stayQueued(UUID ticketId, String reason) {
        Ticket t = store.find(ticketId).orElse(null);
        if (t == null || !t.queued()) return false;
        t.stayQueued(reason, clock.instant());
        store.appendHistory(t);
        audit.record(null, "TICKET_QUEUED", t.organizationId(), t.id(), t.reference() + ": " + reason);
        return true;
    }

    private static QueuedTicket queuedTicket(Ticket t) {
        return new QueuedTicket(t.id(), t.reference(), t.organizationId(), t.tier(), t.category(), t.priority());
    }
}

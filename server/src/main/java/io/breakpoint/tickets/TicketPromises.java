package io.breakpoint.tickets;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.Channel;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.tickets.TicketEvents.TicketEscalated;
import io.breakpoint.tickets.internal.Ticket;
import io.breakpoint.tickets.internal.TicketStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the SLA clocks need from tickets, as the desk itself rather than a signed-in person: the promises of open
 * tickets, moving a promise (a paused clock), and recording a warning or breach with its escalation. No route
 * calls this; every change is in the ticket's history and audited with channel SYS and no actor.
 */
@Service
public class TicketPromises {

    private final TicketStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketPromises(TicketStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A ticket's promise and what the clocks depend on: where it is, how urgent, whether it was answered. */
    public record OpenPromise(UUID ticketId, String reference, UUID organizationId, UUID siteId, Priority priority,
                              int tier, TicketStatus status, Instant createdAt, Instant firstResponseAt,
                              Instant firstResponseDueAt, Instant resolutionDueAt) {
    }

    /** A ticket's due times and when they were met (null: not yet), without any of its content. */
    public record Outcome(UUID ticketId, UUID organizationId, Priority priority, Instant createdAt, Instant firstResponseAt,
                          Instant firstResponseDueAt, Instant resolvedAt, Instant resolutionDueAt) {
    }

    /**
     * Outcomes of the tickets opened in [from, to) in these organizations. The caller has checked that its actor
     * may see them (the SLA metrics do, as the desk metrics do).
     */
    @Transactional(readOnly = true)
    public List<Outcome> outcomes(Set<UUID> organizations, Instant from, Instant to) {
        return store.outcomes(organizations, from, to);
    }

    /** Open tickets that carry due times, in id order after {@code after} (null: from the first). */
    @Transactional(readOnly = true)
    public List<OpenPromise> open(UUID after, int limit) {
        return store.openWithDueTimes(after, limit).stream().map(TicketPromises::promise).toList();
    }

    /** The ticket's promise as it is now, in the caller's transaction. */
    @Transactional(readOnly = true)
    public Optional<OpenPromise> of(UUID ticketId) {
        return store.find(ticketId).map(TicketPromises::promise);
    }

    /** Moves the due times (a clock paused), with the reason in the ticket's history. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void repromise(UUID ticketId, ServiceLevels.Promise promise, String reason) {
        Ticket t = find(ticketId);
        t.promise(new ServiceLevels.Promise(promise.firstResponseDueAt(), promise.resolutionDueAt(), reason), clock.instant());
        store.update(t);
        asDesk(() -> audit.record(null, "TICKET_SLA_SET", t.organizationId(), t.id(), t.reference() + ": " + reason));
    }

    /** Records an SLA warning or breach as an internal line of the ticket's history. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remark(UUID ticketId, EntryKind kind, String text) {
        if (kind != EntryKind.SLA_WARNING && kind != EntryKind.SLA_BREACH) {
            throw new IllegalArgumentException("The desk remarks only SLA warnings and breaches, not " + kind);
        }
        Ticket t = find(ticketId);
        t.remark(kind, text, clock.instant());
        store.update(t);
        asDesk(() -> audit.record(null, "TICKET_" + kind.name(), t.organizationId(), t.id(), t.reference() + ": " + text));
    }

    /**
     * Adds what the desk's own measurements found (the breakpoint diagnosis of a slowness report): an internal note
     * for engineers and a public line for the requester, both written by the desk itself. Neither is a first
     * response: no person has answered yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void annotate(UUID ticketId, String internalNote, String publicMessage) {
        Ticket t = find(ticketId);
        Instant now = clock.instant();
        t.remark(EntryKind.NOTE, TicketDesk.text("internalNote", internalNote, TicketDesk.TEXT_MAX), now);
        t.acknowledge(TicketDesk.text("publicMessage", publicMessage, TicketDesk.TEXT_MAX), now);
        store.update(t);
        asDesk(() -> audit.record(null, "TICKET_ANNOTATED", t.organizationId(), t.id(), t.reference()));
    }

    /** Escalates the ticket up one tier as the desk (no actor), with the reason; false when it is in Tier 3 already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean escalateOneTier(UUID ticketId, String reason) {
        Ticket t = find(ticketId);
        if (t.tier() >= 3) return false;
        Instant now = clock.instant();
        int from = t.tier();
        t.escalate(from + 1, reason, null, now);
        store.update(t);
        asDesk(() -> audit.record(null, "TICKET_ESCALATED", t.organizationId(), t.id(), t.reference() + ": " + reason));
        events.publishEvent(new TicketEscalated(t.id(), t.organizationId(), from, from + 1, reason, now));
        return true;
    }

    /**
     * Gives the ticket to a person as the desk (an SLA breach sent to the tier lead); false when they have it already
     * or it is no longer open. Handing it from someone else counts as a reassignment, as any such hand-over does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean assignAsDesk(UUID ticketId, UUID assigneeId, String reason) {
        Ticket t = find(ticketId);
        if (assigneeId.equals(t.assigneeId()) || !t.status().isOpen()) return false;
        Instant now = clock.instant();
        t.assign(assigneeId, null, now);
        store.update(t);
        asDesk(() -> audit.record(null, "TICKET_ASSIGNED", t.organizationId(), t.id(), t.reference() + ": " + reason));
        events.publishEvent(new TicketEvents.TicketAssigned(t.id(), t.organizationId(), assigneeId, t.tier(), now));
        return true;
    }

    private Ticket find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Ticket " + id));
    }

    private static void asDesk(Runnable work) {
        Channel.runAs(Channel.SYS, work);
    }

    private static OpenPromise promise(Ticket t) {
        return new OpenPromise(t.id(), t.reference(), t.organizationId(), t.siteId(), t.priority(), t.tier(), t.status(),
                t.createdAt(), t.firstResponseAt(), t.firstResponseDueAt(), t.resolutionDueAt());
    }
}

package io.breakpoint.tickets;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.Channel;
import io.breakpoint.identity.Actor;
import io.breakpoint.tickets.internal.Ticket;
import io.breakpoint.tickets.internal.TicketStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What major incidents need from tickets: the tickets of one kind that arrived lately, the facts of linked tickets,
 * and a line in a ticket's history when it joins or leaves an incident. The incidents module checks who may see
 * what before it calls this; the incident's own state stays in that module's tables.
 */
@Service
public class IncidentTickets {

    /** A ticket as an incident lists it, without its history. */
    public record Member(UUID ticketId, String reference, String subject, UUID organizationId, UUID siteId,
                        UUID requesterId, Category category, int tier, Priority priority, TicketStatus status,
                        UUID assigneeId, Instant createdAt) {

        public boolean open() {
            return TicketStatus.OPEN.contains(status);
        }
    }

    private final TicketStore store;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentTickets(TicketStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open tickets of this organization and category opened at or after {@code since}, oldest first. */
    @Transactional(readOnly = true)
    public List<Member> arrivals(UUID organizationId, Category category, Instant since) {
        return store.openOfKindSince(organizationId, category, since).stream().map(IncidentTickets::member).toList();
    }

    /** The tickets with these ids (those that exist), in no particular order. */
    @Transactional(readOnly = true)
    public List<Member> members(Collection<UUID> ids) {
        return store.findAll(ids).stream().map(IncidentTickets::member).toList();
    }

    /**
     * Writes why the ticket joined or left a major incident in its internal history; {@code actor} null is the desk
     * itself. Only appends to the history, so a person working the ticket at that moment meets no conflict.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteIncident(UUID ticketId, Actor actor, String text) {
        Ticket t = store.find(ticketId).orElseThrow(() -> new io.breakpoint.common.NotFoundException("Ticket " + ticketId));
        t.incidentChanged(text, actor == null ? null : actor.userId(), clock.instant());
        store.appendHistory(t);
        Runnable record = () -> audit.record(actor, "TICKET_INCIDENT", t.organizationId(), t.id(), t.reference() + ": " + text);
        if (actor == null) Channel.runAs(Channel.SYS, record); else record.run();
    }

    /**
     * The desk linked several tickets to incidents at once (detection of a group of new tickets): their history lines
     * and their audit records with one batched statement each.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteIncidents(Map<UUID, String> texts) {
        List<Ticket> found = store.findAll(texts.keySet());
        if (found.size() != texts.size()) throw new io.breakpoint.common.NotFoundException("Ticket of an incident link");
        Instant now = clock.instant();
        List<AuditTrail.Pending> records = new ArrayList<>(found.size());
        Channel.runAs(Channel.SYS, () -> found.forEach(t -> {
            String text = texts.get(t.id());
            t.incidentChanged(text, null, now);
            records.add(audit.prepare(null, "TICKET_INCIDENT", t.organizationId(), t.id(), t.reference() + ": " + text));
        }));
        store.appendHistoryAll(found);
        audit.recordAll(records);
    }

    private static Member member(Ticket t) {
        return new Member(t.id(), t.reference(), t.subject(), t.organizationId(), t.siteId(), t.requesterId(), t.category(),
                t.tier(), t.priority(), t.status(), t.assigneeId(), t.createdAt());
    }
}

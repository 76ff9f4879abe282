package io.breakpoint.incidents.internal;

import io.breakpoint.common.ConflictException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.tickets.IncidentTickets;
import io.breakpoint.tickets.IncidentTickets.Member;
import io.breakpoint.tickets.Priority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens incidents and links tickets to them, writing why in each ticket's history; the caller has decided that it
 * may ({@code actor} null: the desk itself). Runs in the caller's transaction.
 */
@Component
public class IncidentLinking {

    private final IncidentStore store;
    private final IncidentTickets tickets;
    private final Directory directory;
    private final Clock clock;

    IncidentLinking(IncidentStore store, IncidentTickets tickets, Directory directory, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
    }

    /** Opens an incident of these tickets: tier and category of the first, owner as {@link BurstRules#owner}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Incident open(String title, UUID organizationId, UUID siteId, List<Member> members, Actor actor, String why) {
        Member first = members.get(0);
        int tier = BurstRules.tier(members);
        Instant now = clock.instant();
        Incident i = new Incident(UUID.randomUUID(), store.nextNumber(), organizationId, siteId, first.category(), tier,
                BurstRules.priority(members), title, IncidentStatus.OPEN, BurstRules.owner(members, tier),
                actor == null ? null : actor.userId(), now, null, null, null, 0);
        store.insert(i);
        String owner = ownerText(i);
        store.note(i.id(), now, actor == null ? null : actor.userId(), "OPENED",
                "Opened " + (actor == null ? "by the desk" : "by " + actor.displayName()) + ": " + why + " " + owner);
        for (Member m : members) {
            link(i, m, actor, "Major incident " + i.reference() + " opened " + (actor == null ? "by the desk" : "by " + actor.displayName())
                    + ": " + why + " " + owner);
        }
        return i;
    }

    /** Links one more ticket; raises the incident's priority when the ticket is more urgent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Incident join(Incident i, Member m, Actor actor, String why) {
        if (!i.open()) throw new ConflictException("Incident " + i.reference() + " is resolved; it takes no more tickets.");
        link(i, m, actor, reason(i, actor, why));
        if (m.priority() != null && m.priority().compareTo(i.priority()) < 0) {
            store.raisePriority(i.id(), m.priority());
            return store.find(i.id()).orElseThrow();
        }
        return i;
    }

    /** A ticket the desk decided joins an open incident, and why. */
    public record Joining(Incident incident, Member member, String why) {
    }

    /**
     * Links several tickets as the desk, each to its open incident, as {@link #join} would one by one: one batch of
     * links, one of history lines, one of audit records, and each incident's priority raised to its most urgent new
     * ticket.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void joinAll(List<Joining> joinings) {
        if (joinings.isEmpty()) return;
        Instant now = clock.instant();
        List<IncidentStore.Link> links = new ArrayList<>(joinings.size());
        Map<UUID, String> notes = new LinkedHashMap<>();
        Map<UUID, Priority> raise = new HashMap<>();
        for (Joining j : joinings) {
            Incident i = j.incident();
            Member m = j.member();
            if (!i.open()) throw new ConflictException("Incident " + i.reference() + " is resolved; it takes no more tickets.");
            String reason = reason(i, null, j.why());
            links.add(new IncidentStore.Link(m.ticketId(), i.id(), m.organizationId(), m.siteId(), m.requesterId(),
                    m.createdAt(), now, null, shortened(reason)));
            notes.put(m.ticketId(), reason);
            if (m.priority() != null && m.priority().compareTo(i.priority()) < 0) raise.merge(i.id(), m.priority(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        store.linkAll(links);
        raise.forEach(store::raisePriority);
        tickets.noteIncidents(notes);
    }

    /** The line a link writes: in the link and in the ticket's history. */
    private static String reason(Incident i, Actor actor, String why) {
        return "Linked to major incident " + i.reference() + " (" + i.title() + ") "
                + (actor == null ? "by the desk" : "by " + actor.displayName()) + ": " + why;
    }

    /** The link row keeps 500 characters of the reason; the ticket's history keeps it whole. */
    private static String shortened(String reason) {
        return reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
    }

    private void link(Incident i, Member m, Actor actor, String reason) {
        store.link(new IncidentStore.Link(m.ticketId(), i.id(), m.organizationId(), m.siteId(), m.requesterId(),
                m.createdAt(), clock.instant(), actor == null ? null : actor.userId(), shortened(reason)));
        tickets.noteIncident(m.ticketId(), actor, reason);
    }

    /** "Owner: Ben Okafor (Tier 2)." or "Owner: the Tier 2 queue (nobody has these tickets yet)." */
    public String ownerText(Incident i) {
        if (i.ownerId() == null) return "Owner: the Tier " + i.tier() + " queue (nobody has these tickets yet).";
        String name = directory.person(i.ownerId()).map(PersonSummary::displayName).orElse("an engineer");
        return "Owner: " + name + " (Tier " + i.tier() + "), who has most of them already.";
    }
}

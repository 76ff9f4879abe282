package io.breakpoint.incidents;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.*;
import io.breakpoint.incidents.IncidentViews.*;
import io.breakpoint.incidents.internal.BurstRules;
import io.breakpoint.incidents.internal.Incident;
import io.breakpoint.incidents.internal.IncidentLinking;
import io.breakpoint.incidents.internal.IncidentStore;
import io.breakpoint.incidents.internal.IncidentStore.Link;
import io.breakpoint.tickets.IncidentTickets;
import io.breakpoint.tickets.IncidentTickets.Member;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.Visibility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Major incidents as the signed-in person works them. Who sees what: desk staff, practice managers and the vCIO see
 * an incident that links a ticket of an organization they see (or was opened in one), and of it only those tickets;
 * a requester sees an incident only through their own tickets, and only those. Anything else is "not found" (404).
 * Only desk staff change incidents, and replying to or resolving every ticket needs them to see every ticket.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MajorIncidents {

    private static final int LIST_LIMIT = 200;

    private final IncidentStore store;
    private final IncidentLinking linking;
    private final IncidentTickets tickets;
    private final TicketDesk desk;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    MajorIncidents(IncidentStore store, IncidentLinking linking, IncidentTickets tickets, TicketDesk desk,
                   Directory directory, AuditTrail audit, Clock clock) {
        this.store = store;
        this.linking = linking;
        this.tickets = tickets;
        this.desk = desk;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Incidents the actor may see, newest first; only open or resolved ones when {@code status} is given. */
    @Transactional(readOnly = true)
    public List<Summary> list(IncidentStatus status) {
        Actor actor = Actors.current();
        List<Incident> found = store.visible(actor.visibleOrganizations(), requesterOnly(actor), status, LIST_LIMIT);
        Map<UUID, Integer> counts = actor.is(Role.REQUESTER) ? ownCounts(found, actor)
                : store.linkCounts(found.stream().map(Incident::id).toList(), actor.visibleOrganizations());
        return found.stream().map(i -> summary(i, actor, counts.getOrDefault(i.id(), 0))).toList();
    }

    /** How many open incidents the actor may see (the console's banner). */
    @Transactional(readOnly = true)
    public long openCount() {
        Actor actor = Actors.current();
        if (actor.is(Role.REQUESTER)) return list(IncidentStatus.OPEN).size();
        return store.openCount(actor.visibleOrganizations());
    }

    /** The incident with the tickets, requesters and sites the actor may see. Audited as a read. */
    @Transactional
    public Detail get(UUID id) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        audit.record(actor, "INCIDENT_VIEWED", auditOrganization(actor, i), null, i.reference());
        return detail(i, actor);
    }

    /** Opens an incident by hand from tickets the engineer chooses (at least one), with a title. */
    @Transactional
    public Detail declare(String title, List<UUID> ticketIds) {
        Actor actor = Actors.current();
        requireDeskStaff(actor, "open major incidents");
        String t = required("title", title, 300);
        if (ticketIds == null || ticketIds.isEmpty()) throw new InvalidRequestException("ticketIds", "Choose at least one ticket.");
        if (ticketIds.size() > 500) throw new InvalidRequestException("ticketIds", "At most 500 tickets at once.");
        List<Member> members = new ArrayList<>();
        for (UUID ticketId : new LinkedHashSet<>(ticketIds)) members.add(linkable(ticketId, actor));
        Member first = members.get(0);
        Incident i = linking.open(t, first.organizationId(), first.siteId(), members, actor, "declared by hand.");
        audit.record(actor, "INCIDENT_OPENED", i.organizationId(), null, i.reference() + ": " + t);
        return detail(i, actor);
    }

    /** Links a ticket the engineer sees; it must be open and in no other incident. */
    @Transactional
    public Detail link(UUID id, UUID ticketId) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        requireDeskStaff(actor, "link tickets to incidents");
        if (ticketId == null) throw new InvalidRequestException("ticketId", "Choose the ticket to link.");
        Member m = linkable(ticketId, actor);
        i = linking.join(i, m, actor, "linked by hand.");
        audit.record(actor, "INCIDENT_TICKET_LINKED", m.organizationId(), m.ticketId(), i.reference() + " ← " + m.reference());
        return detail(i, actor);
    }

    @Transactional
    public Detail unlink(UUID id, UUID ticketId) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        requireDeskStaff(actor, "unlink tickets from incidents");
        Link link = store.links(i.id()).stream().filter(l -> l.ticketId().equals(ticketId) && sees(actor, l)).findFirst()
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " in incident " + i.reference()));
        store.unlink(i.id(), ticketId);
        String ref = tickets.members(List.of(ticketId)).stream().findFirst().map(Member::reference).orElse(ticketId.toString());
        tickets.noteIncident(ticketId, actor, "Unlinked from major incident " + i.reference() + " by " + actor.displayName() + ".");
        audit.record(actor, "INCIDENT_TICKET_UNLINKED", link.organizationId(), ticketId, i.reference() + " ↛ " + ref);
        return detail(i, actor);
    }

    /** One public reply to every linked ticket that still takes replies (all but closed ones), as the engineer. */
    @Transactional
    public Outcome reply(UUID id, String body) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        requireDeskStaff(actor, "reply to incidents");
        String text = required("body", body, TicketDesk.TEXT_MAX);
        List<Member> members = allMembers(i, actor, "reply to every requester");
        int reached = 0, skipped = 0;
        for (Member m : members) {
            if (m.status() == TicketStatus.CLOSED) { skipped++; continue; }
            desk.comment(m.ticketId(), text, Visibility.PUBLIC);
            reached++;
        }
        audit.record(actor, "INCIDENT_REPLIED", auditOrganization(actor, i), null, i.reference() + ": " + reached + " tickets");
        return new Outcome(detail(i, actor), reached, skipped);
    }

    /** Resolves the incident and every open linked ticket with one message; resolved or closed tickets stay as they are. */
    @Transactional
    public Outcome resolve(UUID id, String resolution) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        requireDeskStaff(actor, "resolve incidents");
        String text = required("resolution", resolution, TicketDesk.TEXT_MAX);
        if (!i.open()) throw new ConflictException("Incident " + i.reference() + " is resolved already.");
        List<Member> members = allMembers(i, actor, "resolve every ticket");
        int reached = 0, skipped = 0;
        for (Member m : members) {
            if (!m.open()) { skipped++; continue; }
            desk.resolve(m.ticketId(), text);
            reached++;
        }
        Instant now = clock.instant();
        i = store.update(new Incident(i.id(), i.number(), i.organizationId(), i.siteId(), i.category(), i.tier(), i.priority(),
                i.title(), IncidentStatus.RESOLVED, i.ownerId(), i.openedBy(), i.openedAt(), now,
                actor.userId(), text, i.version()));
        audit.record(actor, "INCIDENT_RESOLVED", auditOrganization(actor, i), null, i.reference() + ": " + reached + " tickets resolved");
        return new Outcome(detail(i, actor), reached, skipped);
    }

    /**
     * Hands the incident to another owner by hand. The engineer handing it must be able to work it (desk staff of its
     * organization, an MSP engineer of its tier or above); so must the new owner, an enabled person who works the
     * incident's organization. In the incident's history and the audit trail.
     */
    @Transactional
    public Detail handOver(UUID id, UUID ownerId, String note) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        requireDeskStaff(actor, "hand incidents to another owner");
        if (!actor.canSee(i.organizationId())) {
            throw new ForbiddenException("Only desk staff who serve the incident's organization can hand it to another owner.");
        }
        if (!worksTier(actor.role(), i.tier())) {
            throw new ForbiddenException(actor.role().label() + " cannot work a Tier " + i.tier() + " incident; its tier or one above hands it on.");
        }
        if (ownerId == null) throw new InvalidRequestException("ownerId", "Choose who owns the incident.");
        String why = note == null || note.isBlank() ? null : required("note", note, 500);
        if (!i.open()) throw new ConflictException("Incident " + i.reference() + " is resolved; its owner no longer changes.");
        PersonSummary owner = directory.deskStaffFor(i.organizationId()).stream().filter(p -> p.id().equals(ownerId)).findFirst()
                .orElse(null);
        if (owner == null) {
            PersonSummary known = directory.person(ownerId)
                    .filter(p -> actor.canSee(p.organizationId()) || p.organizationId().equals(actor.organizationId()))
                    .orElseThrow(() -> new NotFoundException("User " + ownerId));
            throw new InvalidRequestException("ownerId", known.displayName() + " cannot work incidents of this organization.");
        }
        if (!worksTier(owner.role(), i.tier())) {
            throw new InvalidRequestException("ownerId", owner.displayName() + " works " + owner.role().label()
                    + "; this incident needs Tier " + i.tier() + " or above.");
        }
        if (ownerId.equals(i.ownerId())) throw new ConflictException(owner.displayName() + " owns " + i.reference() + " already.");
        String from = i.ownerId() == null ? "the Tier " + i.tier() + " queue"
                : directory.person(i.ownerId()).map(PersonSummary::displayName).orElse("an engineer");
        Instant now = clock.instant();
        i = store.update(new Incident(i.id(), i.number(), i.organizationId(), i.siteId(), i.category(), i.tier(), i.priority(),
                i.title(), i.status(), ownerId, i.openedBy(), i.openedAt(), i.resolvedAt(), i.resolvedBy(), i.resolution(), i.version()));
        String text = "Handed from " + from + " to " + owner.displayName() + " by " + actor.displayName() + (why == null ? "." : ": " + why);
        store.note(i.id(), now, actor.userId(), "OWNER_CHANGED", text);
        audit.record(actor, "INCIDENT_OWNER_CHANGED", i.organizationId(), null, i.reference() + ": " + text);
        return detail(i, actor);
    }

    /** Who the actor may hand the incident to: enabled desk staff of its organization who can work its tier. */
    @Transactional(readOnly = true)
    public List<Person> possibleOwners(UUID id) {
        Actor actor = Actors.current();
        Incident i = visible(id, actor);
        if (!actor.role().isDeskStaff() || !actor.canSee(i.organizationId())) return List.of();
        return directory.deskStaffFor(i.organizationId()).stream().filter(p -> worksTier(p.role(), i.tier()))
                .sorted(Comparator.comparing(PersonSummary::displayName))
                .map(p -> new Person(p.id(), p.displayName() + " (" + p.role().label() + ")")).toList();
    }

    /**
     * Whether a role can work an incident of this tier: an MSP engineer of that tier or above (a Tier 1 engineer
     * does not own a Tier 3 outage), the organization's own IT and the MSP admin whatever the tier.
     */
    static boolean worksTier(Role role, int tier) {
        if (role == Role.MSP_ADMIN || role == Role.INTERNAL_IT) return true;
        Integer own = role.tier();
        return own != null && own >= tier;
    }

    // ----

    private Incident visible(UUID id, Actor actor) {
        Incident i = store.find(id).orElseThrow(() -> new NotFoundException("Incident " + id));
        List<Link> links = store.links(i.id());
        boolean sees = actor.is(Role.REQUESTER) ? links.stream().anyMatch(l -> sees(actor, l))
                : actor.canSee(i.organizationId()) || links.stream().anyMatch(l -> sees(actor, l));
        if (!sees) throw new NotFoundException("Incident " + id);
        return i;
    }

    /**
     * The organization an incident event is filed under: the incident's, unless the actor cannot see it (a reader of
     * an incident opened elsewhere), whose event then stays in their own organization's trail.
     */
    private static UUID auditOrganization(Actor actor, Incident i) {
        return actor.canSee(i.organizationId()) ? i.organizationId() : actor.organizationId();
    }

    private static boolean sees(Actor actor, Link l) {
        return actor.canSee(l.organizationId()) && (!actor.is(Role.REQUESTER) || l.requesterId().equals(actor.userId()));
    }

    private static UUID requesterOnly(Actor actor) {
        return actor.is(Role.REQUESTER) ? actor.userId() : null;
    }

    private Map<UUID, Integer> ownCounts(List<Incident> found, Actor actor) {
        Map<UUID, Integer> out = new HashMap<>();
        for (Incident i : found) out.put(i.id(), (int) store.links(i.id()).stream().filter(l -> sees(actor, l)).count());
        return out;
    }

    /** The linked tickets, when the actor sees every one of them (else forbidden: they would act on tickets unseen). */
    private List<Member> allMembers(Incident i, Actor actor, String what) {
        List<Link> links = store.links(i.id());
        if (links.stream().anyMatch(l -> !sees(actor, l))) {
            throw new ForbiddenException("This incident has tickets of organizations you do not serve; an engineer who serves them all can "
                    + what + ".");
        }
        Map<UUID, Member> byId = tickets.members(links.stream().map(Link::ticketId).toList()).stream()
                .collect(Collectors.toMap(Member::ticketId, Function.identity()));
        return links.stream().map(l -> byId.get(l.ticketId())).filter(Objects::nonNull).toList();
    }

    private Member linkable(UUID ticketId, Actor actor) {
        Member m = tickets.members(List.of(ticketId)).stream().findFirst()
                .filter(t -> actor.canSee(t.organizationId()))
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
        if (!m.open()) throw new ConflictException("Ticket " + m.reference() + " is " + m.status().label().toLowerCase()
                + "; only open tickets join an incident.");
        store.linkOf(ticketId).ifPresent(l -> {
            String ref = store.find(l.incidentId()).map(Incident::reference).orElse("another incident");
            throw new ConflictException("Ticket " + m.reference() + " is linked to " + ref + " already; unlink it there first.");
        });
        return m;
    }

    private Summary summary(Incident i, Actor actor, int ticketCount) {
        boolean home = actor.canSee(i.organizationId());
        String site = !home || i.siteId() == null ? null : directory.site(i.siteId()).map(SiteSummary::name).orElse(null);
        return new Summary(i.id(), i.number(), i.reference(),
                home ? i.title() : "Major incident " + i.reference() + " (" + i.category().label() + ")",
                i.status(), i.category(), i.tier(), i.priority(), home ? i.organizationId() : null,
                home ? directory.organizationName(i.organizationId()) : null, home ? i.siteId() : null, site,
                person(i.ownerId()), i.openedBy() == null, i.openedAt(), i.resolvedAt(), ticketCount);
    }

    private Detail detail(Incident i, Actor actor) {
        List<Link> links = store.links(i.id()).stream().filter(l -> sees(actor, l)).toList();
        Map<UUID, Member> members = tickets.members(links.stream().map(Link::ticketId).toList()).stream()
                .collect(Collectors.toMap(Member::ticketId, Function.identity()));
        Set<UUID> people = new HashSet<>();
        members.values().forEach(m -> { people.add(m.requesterId()); if (m.assigneeId() != null) people.add(m.assigneeId()); });
        Map<UUID, PersonSummary> names = directory.people(people);
        Map<UUID, String> sites = new HashMap<>();
        List<LinkedTicket> rows = new ArrayList<>();
        for (Link l : links) {
            Member m = members.get(l.ticketId());
            if (m == null) continue;
            String site = m.siteId() == null ? null : sites.computeIfAbsent(m.siteId(),
                    s -> directory.site(s).map(SiteSummary::name).orElse(null));
            rows.add(new LinkedTicket(m.ticketId(), m.reference(), m.subject(), m.status(), m.priority(), m.tier(),
                    m.organizationId(), directory.organizationName(m.organizationId()), m.siteId(), site,
                    person(names, m.requesterId()), person(names, m.assigneeId()), m.createdAt(), l.linkedAt(),
                    l.linkedBy() == null, actor.role().seesInternalNotes() ? l.reason() : null));
        }
        List<Person> requesters = rows.stream().map(LinkedTicket::requester).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(Person::name)).toList();
        List<String> siteNames = rows.stream().map(LinkedTicket::siteName).filter(Objects::nonNull).distinct().sorted().toList();
        List<HistoryEntry> history = !actor.role().seesInternalNotes() || !actor.canSee(i.organizationId()) ? List.of()
                : store.history(i.id()).stream().map(h -> new HistoryEntry(h.at(), person(h.actorId()), h.kind(), h.body())).toList();
        return new Detail(summary(i, actor, rows.size()), i.resolution(), person(i.resolvedBy()), rows, requesters, siteNames, history);
    }

    private Person person(UUID id) {
        if (id == null) return null;
        return new Person(id, directory.person(id).map(PersonSummary::displayName).orElse("Unknown"));
    }

    private static Person person(Map<UUID, PersonSummary> names, UUID id) {
        if (id == null) return null;
        PersonSummary p = names.get(id);
        return new Person(id, p == null ? "Unknown" : p.displayName());
    }

    private static void requireDeskStaff(Actor actor, String what) {
        if (!actor.role().isDeskStaff()) throw new ForbiddenException("Only desk staff can " + what + ".");
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "This field is required.");
        String v = value.strip();
        if (v.length() > max) throw new InvalidRequestException(field, "At most " + max + " characters (this has " + v.length() + ").");
        if (v.indexOf('\u0000') >= 0) throw new InvalidRequestException(field, "Remove the NUL character (U+0000) from this text.");
        return v;
    }

}

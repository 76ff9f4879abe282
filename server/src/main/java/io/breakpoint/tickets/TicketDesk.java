package io.breakpoint.tickets;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.*;
import io.breakpoint.phi.PhiKind;
import io.breakpoint.phi.PhiScreening;
import io.breakpoint.tickets.TicketEvents.*;
import io.breakpoint.tickets.internal.Acknowledgement;
import io.breakpoint.tickets.internal.GroupCommit;
import io.breakpoint.tickets.internal.SubmissionLimit;
import io.breakpoint.tickets.internal.Ticket;
import io.breakpoint.tickets.internal.TicketStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.annotation.PreDestroy;

import java.time.Clock;
import java.time.Instant;
import java.util.*;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The desk's API for tickets. Every method works as the signed-in actor: a ticket the actor may not see is
 * "not found" (404) whatever the action; an action the actor's role may not take is forbidden (403).
 * Every read of ticket content and every change is audited in the same transaction.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TicketDesk {

    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 20_000;

    private final TicketStore store;
    private final Directory directory;
    private final AuditTrail audit;
    private final Triage triage;
    private final ServiceLevels serviceLevels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final SubmissionLimit limit;
    private final Clock clock;
    private final PhiScreening phi;
    private final List<IntakeRouting> routing; // none or one (the routing module's)

    TicketDesk(TicketStore store, Directory directory, AuditTrail audit, Triage triage, ServiceLevels serviceLevels,
               ApplicationEventPublisher events, TransactionTemplate tx, SubmissionLimit limit, Clock clock,
               PhiScreening phi, List<IntakeRouting> routing) {
        this.phi = phi;
        this.routing = routing;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.triage = triage;
        this.serviceLevels = serviceLevels;
        this.events = events;
        this.tx = tx;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Opens and triages a ticket. With an idempotency key, a repeated submission by the same person returns the
     * ticket the first one created instead of a second ticket.
     */
    public TicketView open(NewTicket request) {
        Actor actor = Actors.current();
        String subject = text("subject", request.subject(), SUBJECT_MAX);
        String description = text("description", request.description(), TEXT_MAX);
        String key = request.idempotencyKey();
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidRequestException("Idempotency-Key", "Use a key of 1 to 100 characters.");
        }
        if (key != null) {
            Optional<Ticket> earlier = store.findByIdempotencyKey(actor.userId(), key);
            if (earlier.isPresent()) return view(earlier.get(), actor, false);
        }
        limit.take(actor.userId()); // after the idempotency check: a repeated submission is no new ticket
        SiteSummary site = siteFor(actor, request.siteId());
        // The organization's PHI policy: warn (flag), redact, or block (422, nothing written).
        PhiScreening.Screened screened = phi.screen(site.organizationId(), fields("subject", subject, "description", description));
        String storedSubject = clip(screened.text("subject"), SUBJECT_MAX);
        String storedDescription = clip(screened.text("description"), TEXT_MAX);
        Instant now = clock.instant();
        Ticket t = Ticket.open(UUID.randomUUID(), store.nextNumber(), site.organizationId(), site.id(),
                actor.userId(), storedSubject, storedDescription, request.impact(), request.category(), key, now);
        t.triage(triage.decide(new NewTicket(storedSubject, storedDescription, site.id(), request.category(), request.impact(), key)), now);
        t.promise(serviceLevels.promise(t.organizationId(), t.siteId(), t.priority(), now), now);
        Opening opening = new Opening(t, site, screened, now,
                t.category() == Category.ACCOUNT_ACCESS ? directory.accountHelp(t.organizationId()).orElse(null) : null);
        opening.audit.add(audit.prepare(actor, "TICKET_OPENED", t.organizationId(), t.id(), t.reference()));
        if (!screened.redacted().isEmpty()) {
            opening.audit.add(audit.prepare(actor, "PHI_REDACTED", t.organizationId(), t.id(), t.reference() + ": " + screened.redacted()));
        }
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                writeOpenings(List.of(opening)); // the caller's transaction (a slowness report adds to the ticket)
            } else {
                intake().write(opening);
            }
        } catch (DuplicateKeyException raced) {
            // Two submissions with one key at once: the other one won; answer with its ticket.
            return store.findByIdempotencyKey(actor.userId(), key).map(earlier -> view(earlier, actor, false))
                    .orElseThrow(() -> raced);
        }
        store.written(List.of(t));
        return view(t, actor, false, site, screened.kinds());
    }

    /** A ticket on its way in: made on the request's thread, written with others by {@link #intake()}. */
    private static final class Opening {
        final Ticket ticket;
        final SiteSummary site;
        final PhiScreening.Screened screened;
        final Instant at;
        final String accountHelp;
        final List<AuditTrail.Pending> audit = new ArrayList<>();
        boolean decided; // routing and the acknowledgement happen once, even when a failed batch is written again

        Opening(Ticket ticket, SiteSummary site, PhiScreening.Screened screened, Instant at, String accountHelp) {
            this.ticket = ticket;
            this.site = site;
            this.screened = screened;
            this.at = at;
            this.accountHelp = accountHelp;
        }
    }

    private volatile GroupCommit<Opening> intake;

    private GroupCommit<Opening> intake() {
        GroupCommit<Opening> g = intake;
        if (g == null) {
            synchronized (this) {
                if (intake == null) intake = new GroupCommit<>("ticket-intake", INTAKE_BATCH, tx, this::writeOpenings);
                g = intake;
            }
        }
        return g;
    }

    private static final int INTAKE_BATCH = 128;

    @PreDestroy
    void stopIntake() {
        if (intake != null) intake.stop();
    }

    /**
     * Writes new tickets in the current transaction: routing decides who gets each (one look per queue for the whole
     * batch), the acknowledgement names them, then one batched insert each for tickets, their history and their audit
     * records; the events follow per ticket.
     */
    private void writeOpenings(List<Opening> batch) {
        List<Opening> undecided = batch.stream().filter(o -> !o.decided).toList();
        Map<UUID, IntakeRouting.Decision> decisions = routing.isEmpty() || undecided.isEmpty() ? Map.of()
                : routing.get(0).decide(undecided.stream().map(o -> new IntakeRouting.Arrival(o.ticket.id(),
                        o.ticket.organizationId(), o.ticket.tier(), o.ticket.category(), o.ticket.priority())).toList());
        for (Opening o : undecided) {
            Ticket t = o.ticket;
            IntakeRouting.Decision d = decisions.get(t.id());
            if (d != null && d.routed()) {
                t.route(d.assigneeId(), d.reason(), o.at);
                o.audit.add(audit.prepare(null, "TICKET_ROUTED", t.organizationId(), t.id(), t.reference() + ": " + d.reason()));
            } else if (d != null) {
                t.stayQueued(d.reason(), o.at);
                o.audit.add(audit.prepare(null, "TICKET_QUEUED", t.organizationId(), t.id(), t.reference() + ": " + d.reason()));
            }
            t.acknowledge(Acknowledgement.compose(t.reference(), t.category(), t.priority(), t.tier(),
                    d != null && d.routed() ? d.assigneeFirstName() : null, t.firstResponseDueAt(), o.at, o.site.timeZone(),
                    o.accountHelp), o.at);
            o.decided = true;
        }
        store.insertAll(batch.stream().map(o -> o.ticket).toList());
        List<AuditTrail.Pending> records = new ArrayList<>();
        batch.forEach(o -> records.addAll(o.audit));
        audit.recordAllSealed(records); // the chain's lock, held from here to the group's commit
        for (Opening o : batch) {
            Ticket t = o.ticket;
            if (o.screened.containsPhi()) phi.flag(t.id(), t.organizationId(), o.screened.kinds());
            events.publishEvent(new TicketOpened(t.id(), t.number(), t.organizationId(), t.siteId(), t.requesterId(),
                    t.tier(), t.category(), t.priority(), o.at));
            if (t.assigneeId() != null) {
                events.publishEvent(new TicketAssigned(t.id(), t.organizationId(), t.assigneeId(), t.tier(), o.at));
            }
        }
    }

    /** The ticket with the history the actor may see (internal notes only for desk staff). Audited as a read. */
    @Transactional
    public TicketView get(UUID id) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        audit.record(actor, "TICKET_VIEWED", t.organizationId(), t.id(), t.reference());
        return view(t, actor, true);
    }

    @Transactional
    public TicketPage list(TicketFilter filter) {
        Actor actor = Actors.current();
        Set<UUID> orgs = actor.visibleOrganizations();
        if (filter.organizationId() != null) {
            orgs = actor.canSee(filter.organizationId()) ? Set.of(filter.organizationId()) : Set.of();
        }
        if (filter.tier() != null && (filter.tier() < 1 || filter.tier() > 3)) {
            throw new InvalidRequestException("tier", "Tiers are 1, 2 and 3.");
        }
        int limit = Math.max(1, Math.min(filter.limit(), 200));
        UUID onlyRequester = actor.is(Role.REQUESTER) ? actor.userId() : null;
        List<Ticket> rows = store.list(filter, orgs, onlyRequester, limit + 1);
        boolean more = rows.size() > limit;
        if (more) rows = rows.subList(0, limit);
        audit.record(actor, "TICKETS_LISTED", actor.role().isMspRole() ? filter.organizationId() : actor.organizationId(),
                null, rows.size() + " tickets");
        String next = null;
        if (more) {
            Ticket last = rows.get(rows.size() - 1);
            next = new TicketFilter.Cursor(last.priority().name(), last.createdAt(), last.id()).encode();
        }
        return new TicketPage(views(rows, actor), next);
    }

    /** Open tickets per tier among the organizations the actor sees. */
    @Transactional(readOnly = true)
    public Map<Integer, Long> openCountsByTier(UUID organizationId) {
        Actor actor = Actors.current();
        Set<UUID> orgs = organizationId == null ? actor.visibleOrganizations()
                : actor.canSee(organizationId) ? Set.of(organizationId) : Set.of();
        return store.openCountsByTier(orgs);
    }

    @Transactional
    public TicketView comment(UUID id, String body, Visibility visibility) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        String text = text("body", body, TEXT_MAX);
        Visibility v = visibility == null ? Visibility.PUBLIC : visibility;
        if (v == Visibility.INTERNAL && !actor.role().isDeskStaff()) {
            throw new ForbiddenException("Only desk staff can write internal notes.");
        }
        if (actor.is(Role.VCIO)) throw new ForbiddenException("The vCIO reads tickets but does not reply to them.");
        boolean byRequester = actor.userId().equals(t.requesterId()) || !actor.role().isDeskStaff();
        PhiScreening.Screened screened = phi.screen(t.organizationId(), fields("body", text));
        String stored = clip(screened.text("body"), TEXT_MAX);
        screenedInto(t, actor, screened);
        return change(t, actor, "TICKET_" + (v == Visibility.PUBLIC ? "REPLIED" : "NOTE_ADDED"), now -> {
            t.comment(stored, v, byRequester, actor.userId(), now);
            events.publishEvent(new TicketCommented(t.id(), t.organizationId(), v, byRequester, now));
        });
    }

    @Transactional
    public TicketView assign(UUID id, UUID assigneeId) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        requireDeskStaff(actor, "assign tickets");
        if (assigneeId == null) throw new InvalidRequestException("assigneeId", "Choose who takes the ticket.");
        boolean canWork = directory.deskStaffFor(t.organizationId()).stream().anyMatch(p -> p.id().equals(assigneeId));
        if (!canWork) {
            PersonSummary known = directory.person(assigneeId)
                    .filter(p -> actor.canSee(p.organizationId()) || p.organizationId().equals(actor.organizationId()))
                    .orElseThrow(() -> new NotFoundException("User " + assigneeId));
            throw new InvalidRequestException("assigneeId", known.displayName() + " cannot work tickets of this organization.");
        }
        return change(t, actor, "TICKET_ASSIGNED", now -> {
            t.assign(assigneeId, actor.userId(), now);
            events.publishEvent(new TicketAssigned(t.id(), t.organizationId(), assigneeId, t.tier(), now));
        });
    }

    @Transactional
    public TicketView escalate(UUID id, Integer toTier, String reason) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        requireDeskStaff(actor, "move tickets between tiers");
        if (toTier == null) throw new InvalidRequestException("toTier", "Choose the tier: 1, 2 or 3.");
        storable("reason", reason);
        int from = t.tier();
        return change(t, actor, toTier > from ? "TICKET_ESCALATED" : "TICKET_DE_ESCALATED", now -> {
            t.escalate(toTier, reason, actor.userId(), now);
            events.publishEvent(new TicketEscalated(t.id(), t.organizationId(), from, toTier, reason, now));
            events.publishEvent(corrected(t, actor, now));
        });
    }

    @Transactional
    public TicketView changeStatus(UUID id, TicketStatus status) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        requireDeskStaff(actor, "change a ticket's status");
        if (status == null) throw new InvalidRequestException("status", "Choose a status.");
        TicketStatus from = t.status();
        return change(t, actor, "TICKET_STATUS_CHANGED", now -> {
            t.changeStatus(status, actor.userId(), now);
            events.publishEvent(new TicketStatusChanged(t.id(), t.organizationId(), from, status, now));
        });
    }

    @Transactional
    public TicketView resolve(UUID id, String resolution) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        requireDeskStaff(actor, "resolve tickets");
        String text = text("resolution", resolution, TEXT_MAX);
        return change(t, actor, "TICKET_RESOLVED", now -> {
            t.resolve(text, actor.userId(), now);
            events.publishEvent(new TicketResolved(t.id(), t.organizationId(), now));
        });
    }

    @Transactional
    public TicketView reopen(UUID id, String reason) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        if (actor.is(Role.VCIO)) throw new ForbiddenException("The vCIO reads tickets but does not change them.");
        String text = text("reason", reason, TEXT_MAX);
        return change(t, actor, "TICKET_REOPENED", now -> {
            t.reopen(text, actor.userId(), now);
            events.publishEvent(new TicketReopened(t.id(), t.organizationId(), now));
        });
    }

    @Transactional
    public TicketView reclassify(UUID id, Category category, Priority priority) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        requireDeskStaff(actor, "correct a ticket's category or priority");
        if (category == null && priority == null) {
            throw new InvalidRequestException("category", "Give a category, a priority or both.");
        }
        return change(t, actor, "TICKET_RECLASSIFIED", now -> {
            Priority before = t.priority();
            Category categoryBefore = t.category();
            t.reclassify(category != null ? category : t.category(), priority != null ? priority : t.priority(), actor.userId(), now);
            // A corrected priority changes the promise, counted from when the ticket was opened.
            if (t.priority() != before) t.promise(serviceLevels.promise(t.organizationId(), t.siteId(), t.priority(), t.createdAt()), now);
            if (t.priority() != before || t.category() != categoryBefore) events.publishEvent(corrected(t, actor, now));
        });
    }

    private static TriageCorrected corrected(Ticket t, Actor actor, Instant now) {
        return new TriageCorrected(t.id(), t.organizationId(), t.subject(), t.description(), t.category(), t.tier(), t.priority(),
                actor.userId(), now);
    }

    /** The people who may take this ticket (for the assign list). */
    @Transactional(readOnly = true)
    public List<PersonSummary> assignable(UUID id) {
        Actor actor = Actors.current();
        Ticket t = visible(id, actor);
        return directory.deskStaffFor(t.organizationId());
    }

    // ----

    private TicketView change(Ticket t, Actor actor, String action, Consumer<Instant> work) {
        Instant now = clock.instant();
        work.accept(now);
        store.update(t);
        audit.record(actor, action, t.organizationId(), t.id(), t.reference());
        return view(t, actor, true);
    }

    private static LinkedHashMap<String, String> fields(String... nameThenText) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) m.put(nameThenText[i], nameThenText[i + 1]);
        return m;
    }

    /** Redaction markers are longer than some of what they replace; a redacted text still fits its column. */
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Flags the ticket when PHI stays in it (policy WARN) and audits what was removed (REDACT), never the values. */
    private void screenedInto(Ticket t, Actor actor, PhiScreening.Screened screened) {
        if (screened.containsPhi()) phi.flag(t.id(), t.organizationId(), screened.kinds());
        if (!screened.redacted().isEmpty()) {
            audit.record(actor, "PHI_REDACTED", t.organizationId(), t.id(), t.reference() + ": " + screened.redacted());
        }
    }

    private Ticket visible(UUID id, Actor actor) {
        return store.find(id)
                .filter(t -> actor.canSee(t.organizationId()))
                .filter(t -> !actor.is(Role.REQUESTER) || t.requesterId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("Ticket " + id));
    }

    private SiteSummary siteFor(Actor actor, UUID siteId) {
        if (siteId != null) return directory.site(actor, siteId);
        if (actor.role().isMspRole()) {
            throw new InvalidRequestException("siteId", "Say which client site the ticket is for.");
        }
        UUID site = directory.defaultSiteOf(actor.userId())
                .orElseThrow(() -> new InvalidRequestException("siteId", "Your organization has no site yet; ask your admin."));
        return directory.site(actor, site);
    }

    private static void requireDeskStaff(Actor actor, String what) {
        if (!actor.role().isDeskStaff()) throw new ForbiddenException("Only desk staff can " + what + ".");
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "This field is required.");
        String v = value.strip();
        if (v.length() > max) throw new InvalidRequestException(field, "At most " + max + " characters (this has " + v.length() + ").");
        storable(field, v);
        return v;
    }

    /** PostgreSQL cannot store NUL in text (such a request failed with a 500 there, while H2 stored it). */
    static void storable(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException(field, "Remove the NUL character (U+0000) from this text.");
        }
    }

    private TicketView view(Ticket t, Actor actor, boolean withEntries) {
        return view(t, actor, withEntries, directory.site(t.siteId()).orElse(null));
    }

    private TicketView view(Ticket t, Actor actor, boolean withEntries, SiteSummary site) {
        return view(t, actor, withEntries, site, null);
    }

    /** {@code phiKinds} when known already (a ticket just opened), else read. */
    private TicketView view(Ticket t, Actor actor, boolean withEntries, SiteSummary site, Set<PhiKind> phiKinds) {
        List<EntryView> entries = List.of();
        Set<UUID> ids = new HashSet<>(Arrays.asList(t.requesterId(), t.assigneeId()));
        if (withEntries) {
            entries = store.entries(t.id(), actor.role().seesInternalNotes());
            entries.forEach(e -> { ids.add(e.actorId()); ids.add(e.assigneeId()); });
        }
        // The actor's own name is known already; a just-submitted ticket then needs no look-up at all.
        ids.remove(actor.userId());
        Map<UUID, PersonSummary> people = new HashMap<>(directory.people(ids));
        people.put(actor.userId(), new PersonSummary(actor.userId(), actor.email(), actor.displayName(), actor.role(),
                actor.role().tier(), actor.organizationId(), null, true));
        entries = entries.stream().map(e -> e.named(name(people, e.actorId()), name(people, e.assigneeId()))).toList();
        TicketView v = toView(t, directory.organizationName(t.organizationId()), site == null ? null : site.name(), people, entries,
                phiKinds != null ? phiKinds : phi.flags(List.of(t.id())).getOrDefault(t.id(), Set.of()));
        if (!withEntries || !t.status().isOpen()) return v;
        ServiceLevels.TierTarget tierTarget = serviceLevels.tierTarget(t.id(), t.organizationId(), t.priority());
        return tierTarget == null ? v : withTierTarget(v, tierTarget);
    }

    private static TicketView withTierTarget(TicketView v, ServiceLevels.TierTarget tierTarget) {
        return new TicketView(v.id(), v.number(), v.reference(), v.status(), v.tier(), v.category(), v.priority(), v.impact(),
                v.subject(), v.description(), v.organizationId(), v.organizationName(), v.siteId(), v.siteName(), v.requester(),
                v.assignee(), new TicketView.Sla(v.sla().firstResponseDueAt(), v.sla().resolutionDueAt(), tierTarget.dueAt(),
                        tierTarget.described()),
                v.firstResponseAt(), v.createdAt(), v.updatedAt(), v.resolvedAt(), v.closedAt(), v.reassignments(), v.entries(),
                v.containsPhi(), v.phiKinds());
    }

    private List<TicketView> views(List<Ticket> rows, Actor actor) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(t -> { ids.add(t.requesterId()); ids.add(t.assigneeId()); });
        Map<UUID, PersonSummary> people = directory.people(ids);
        Map<UUID, String> orgs = directory.organizations(actor).stream()
                .collect(Collectors.toMap(OrganizationSummary::id, OrganizationSummary::name));
        Map<UUID, String> sites = directory.sites(actor, null).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
        Map<UUID, Set<PhiKind>> flags = phi.flags(rows.stream().map(Ticket::id).toList());
        return rows.stream().map(t -> toView(t, orgs.get(t.organizationId()), sites.get(t.siteId()), people, List.of(),
                flags.getOrDefault(t.id(), Set.of()))).toList();
    }

    private static TicketView toView(Ticket t, String orgName, String siteName, Map<UUID, PersonSummary> people,
                                     List<EntryView> entries, Set<PhiKind> phiKinds) {
        return new TicketView(t.id(), t.number(), t.reference(), t.status(), t.tier(), t.category(), t.priority(), t.impact(),
                t.subject(), t.description(), t.organizationId(), orgName, t.siteId(), siteName,
                person(people, t.requesterId()), person(people, t.assigneeId()), new TicketView.Sla(t.firstResponseDueAt(), t.resolutionDueAt()),
                t.firstResponseAt(), t.createdAt(), t.updatedAt(), t.resolvedAt(), t.closedAt(), t.reassignments(), entries,
                !phiKinds.isEmpty(), phiKinds.stream().sorted().toList());
    }

    private static TicketView.Person person(Map<UUID, PersonSummary> people, UUID id) {
        if (id == null) return null;
        PersonSummary p = people.get(id);
        return new TicketView.Person(id, p == null ? "Unknown" : p.displayName());
    }

    private static String name(Map<UUID, PersonSummary> people, UUID id) {
        if (id == null) return null;
        PersonSummary p = people.get(id);
        return p == null ? "Unknown" : p.displayName();
    }
}

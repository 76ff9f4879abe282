package io.breakpoint.simulation;

import io.breakpoint.identity.*;
import io.breakpoint.sla.SlaSweeps;
import io.breakpoint.tickets.*;
import io.breakpoint.tickets.TicketEvents.TicketAssigned;
import io.breakpoint.tickets.TicketEvents.TicketEscalated;
import io.breakpoint.tickets.TicketEvents.TicketOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays a {@link ClinicDay} through the real desk: requesters submit through {@link TicketDesk} (so triage,
 * acknowledgement, SLA promises and routing run as in production), simulated engineers answer, work, escalate when a
 * ticket belongs in a higher tier, and resolve; the SLA timers sweep every two simulated minutes. The clock moves in
 * steps of 30 s; after each step the simulation waits for routing (which runs after commit, on the async executor)
 * to settle, so the day is the same on every run. What routing decided is heard from the tickets module's events and
 * checked against the engineers' skills, tier, organizations and shifts.
 */
@Component
@ConditionalOnProperty(name = "breakpoint.simulation.enabled", havingValue = "true")
public class DaySimulation {

    private static final Logger log = LoggerFactory.getLogger(DaySimulation.class);
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String PASSWORD = "simulated-day-password";

    private final Administration admin;
    private final Directory directory;
    private final TicketDesk desk;
    private final TicketPromises promises;
    private final SlaSweeps sla;
    private final SimulatedClock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();

    private final Map<UUID, SimTicket> tickets = new ConcurrentHashMap<>();
    private final List<Assignment> assignments = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong breaches = new java.util.concurrent.atomic.AtomicLong();
    private final ThreadLocal<Boolean> byPerson = ThreadLocal.withInitial(() -> false);

    DaySimulation(Administration admin, Directory directory, TicketDesk desk, TicketPromises promises, SlaSweeps sla,
                  SimulatedClock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.admin = admin;
        this.directory = directory;
        this.desk = desk;
        this.promises = promises;
        this.sla = sla;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A ticket as the simulation follows it. */
    static final class SimTicket {
        final UUID id;
        final UUID organizationId;
        final Category category;
        final Priority priority;
        final Instant openedAt;
        ClinicDay.Arrival arrival;
        volatile int tier;
        volatile UUID assignee;
        volatile boolean responded, resolved;
        volatile Instant workDoneAt;
        volatile int reassignments;
        final int firstTier;

        SimTicket(UUID id, UUID organizationId, Category category, Priority priority, int tier, Instant openedAt) {
            this.id = id;
            this.organizationId = organizationId;
            this.category = category;
            this.priority = priority;
            this.tier = tier;
            this.firstTier = tier;
            this.openedAt = openedAt;
        }
    }

    record Assignment(UUID ticketId, UUID assignee, int tier, Instant at, boolean byRouting) {
    }

    /** A simulated engineer: who they are for the desk, what routing knows of them, and when they are free again. */
    static final class Engineer {
        final Actor actor;
        final int tier;
        final RoutingProfile profile;
        final Set<UUID> serves;
        Instant freeAt = Instant.MIN;
        UUID working;

        Engineer(Actor actor, int tier, RoutingProfile profile, Set<UUID> serves) {
            this.actor = actor;
            this.tier = tier;
            this.profile = profile;
            this.serves = serves;
        }
    }

    private record Desk(List<UUID> sites, Map<UUID, UUID> organizationOfSite, Map<UUID, Actor> requesterAt, List<Engineer> engineers) {
    }

    // ---------------------------------------------------------------- events: what the desk did

    /** Anything an after-commit listener (routing) hears: the next wait must see it through. */
    @EventListener
    void on(io.breakpoint.tickets.TicketEvents.TicketResolved e) {
        pending.incrementAndGet();
    }

    @EventListener
    void on(TicketOpened e) {
        pending.incrementAndGet();
        tickets.put(e.ticketId(), new SimTicket(e.ticketId(), e.organizationId(), e.category(), e.priority(), e.tier(), e.at()));
    }

    @EventListener
    void on(TicketAssigned e) {
        SimTicket t = tickets.get(e.ticketId());
        if (t == null) return;
        if (t.assignee != null && !t.assignee.equals(e.assigneeId())) t.reassignments++;
        t.assignee = e.assigneeId();
        t.workDoneAt = null;
        assignments.add(new Assignment(e.ticketId(), e.assigneeId(), e.tier(), e.at(), !byPerson.get()));
    }

    @EventListener
    void on(io.breakpoint.sla.SlaBreached e) {
        breaches.incrementAndGet();
    }

    @EventListener
    void on(TicketEscalated e) {
        pending.incrementAndGet();
        SimTicket t = tickets.get(e.ticketId());
        if (t == null) return;
        t.tier = e.toTier();
        t.assignee = null;
        t.workDoneAt = null;
        t.reassignments++;
    }

    // ---------------------------------------------------------------- the day

    /** Runs the day (clinic day {@code date}, about {@code everyday} ordinary tickets plus the burst and the wave). */
    public DayKpis run(LocalDate date, int everyday) {
        tickets.clear();
        assignments.clear();
        breaches.set(0);
        clock.set(date.atTime(6, 0).atZone(ZONE).toInstant());
        Desk d = setUp();
        List<ClinicDay.Arrival> arrivals = new ArrayList<>(ClinicDay.of(everyday, d.sites().size(), date.toEpochDay()));
        Instant end = date.atTime(19, 0).atZone(ZONE).toInstant();
        int next = 0, step = 0;
        Random r = new Random(date.toEpochDay());
        for (Instant now = date.atTime(7, 0).atZone(ZONE).toInstant(); !now.isAfter(end); now = now.plus(STEP), step++) {
            clock.set(now);
            while (next < arrivals.size() && !date.atTime(arrivals.get(next).at()).atZone(ZONE).toInstant().isAfter(now)) {
                submit(d, arrivals.get(next++));
            }
            settle();
            if (step % 4 == 0) {
                sla.sweepNow();
                settle();
            }
            for (Engineer e : d.engineers()) work(e, now, r);
            settle();
        }
        lastKpis = kpis(date, d);
        return lastKpis;
    }

    private volatile DayKpis lastKpis;

    /** The KPIs of the last day run (for the test that reads them after the command printed them). */
    public DayKpis lastKpis() {
        return lastKpis;
    }

    private void submit(Desk d, ClinicDay.Arrival a) {
        UUID site = d.sites().get(a.site());
        Actors.runAs(d.requesterAt().get(site), () -> {
            TicketView v = desk.open(new NewTicket(a.subject(), a.description(), site, null, null, null));
            SimTicket t = tickets.get(v.id());
            if (t != null) t.arrival = a;
        });
    }

    /** One engineer's half minute: answer new tickets at once, then finish or pick up work when free. */
    private void work(Engineer e, Instant now, Random r) {
        if (!e.profile.onShift(now)) return;
        List<SimTicket> mine = tickets.values().stream()
                .filter(t -> e.actor.userId().equals(t.assignee) && !t.resolved)
                .sorted(Comparator.comparing((SimTicket t) -> t.priority).thenComparing(t -> t.openedAt)).toList();
        for (SimTicket t : mine) {
            if (t.responded) continue;
            // A first answer interrupts whatever else the engineer does: it takes about a minute.
            act(e, () -> desk.comment(t.id, "Hi, this is " + e.actor.displayName() + ". I have your ticket and am looking at it now.",
                    Visibility.PUBLIC));
            t.responded = true;
            e.freeAt = (e.freeAt.isAfter(now) ? e.freeAt : now).plus(Duration.ofSeconds(40 + r.nextInt(40)));
        }
        if (e.freeAt.isAfter(now)) return;
        SimTicket current = e.working == null ? null : tickets.get(e.working);
        if (current != null && e.actor.userId().equals(current.assignee) && !current.resolved && current.workDoneAt != null) {
            int belongs = current.arrival == null ? current.tier : current.arrival.trueTier();
            if (belongs > current.tier) {
                act(e, () -> desk.escalate(current.id, belongs, "Needs Tier " + belongs + ": beyond what Tier " + current.tier + " can fix"));
            } else {
                act(e, () -> desk.resolve(current.id, "Fixed: " + (current.arrival == null ? "done" : current.arrival.subject()) + "."));
                current.resolved = true;
            }
            e.working = null;
            e.freeAt = now.plus(Duration.ofSeconds(30));
            return;
        }
        Optional<SimTicket> nextOwn = mine.stream().filter(t -> !t.resolved && t.responded).findFirst();
        if (nextOwn.isEmpty()) {
            // Nothing of their own: take the most urgent, oldest ticket waiting in their tier's queue that they can work.
            nextOwn = tickets.values().stream()
                    .filter(t -> t.assignee == null && !t.resolved && t.tier == e.tier && e.serves.contains(t.organizationId)
                            && e.profile.hasSkill(t.category.name()))
                    .min(Comparator.comparing((SimTicket t) -> t.priority).thenComparing(t -> t.openedAt));
            if (nextOwn.isEmpty()) return;
            SimTicket t = nextOwn.get();
            act(e, () -> desk.assign(t.id, e.actor.userId()));
            return; // answered on the next half minute, like a routed one
        }
        SimTicket t = nextOwn.get();
        t.workDoneAt = now.plus(handling(t, r));
        e.working = t.id;
        e.freeAt = t.workDoneAt;
    }

    /** How long the fix takes: minutes for account and printer work, longer for the specialists' tickets. */
    private static Duration handling(SimTicket t, Random r) {
        int base = switch (t.category) {
            case ACCOUNT_ACCESS, PHONES_TELEPHONY, EMAIL_COLLABORATION -> 6;
            case PRINTING_SCANNING, ENDPOINT_HARDWARE, SERVICE_REQUEST -> 12;
            case SECURITY_INCIDENT, INFRASTRUCTURE -> 35;
            default -> 20;
        };
        return Duration.ofMinutes(base / 2 + r.nextInt(base));
    }

    private void act(Engineer e, Runnable work) {
        byPerson.set(true);
        try {
            Actors.runAs(e.actor, work);
        } catch (RuntimeException conflict) {
            log.debug("Simulated {} could not act: {}", e.actor.email(), conflict.getMessage());
        } finally {
            byPerson.set(false);
        }
    }

    /**
     * Waits until the work that runs after each commit on the async executor (routing) is done: until Spring
     * Modulith's event publication log (its JDBC registry's table, written before the change commits) has no
     * publication without a completion date. At most two seconds: a listener that failed stays incomplete, and the
     * day goes on without it (the sweep gives its ticket out later, as in production). Only when something that
     * routing listens to happened since the last wait.
     */
    private void settle() {
        if (pending.getAndSet(0) == 0) return;
        long until = System.nanoTime() + 2_000_000_000L;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > until) {
                log.warn("Simulation: after-commit work still incomplete after 2 s; going on");
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- the desk of the day

    private Desk setUp() {
        String tag = Long.toString(System.nanoTime(), 36);
        UUID adminId = admin.hasAnyUser() ? directory.actorByEmail("sim.admin@gateway.sim").map(Actor::userId).orElseThrow()
                : admin.bootstrap("Gateway Health IT", "sim.admin@gateway.sim", "Simulation Admin", PASSWORD);
        List<UUID> sites = new ArrayList<>();
        Map<UUID, UUID> orgOfSite = new HashMap<>();
        Map<UUID, Actor> requesters = new HashMap<>();
        List<Engineer> engineers = new ArrayList<>();
        Actors.runAs(directory.actorOf(adminId), () -> {
            UUID riverbend = admin.createOrganization("Riverbend Health " + tag, false);
            UUID lakeside = admin.createOrganization("Lakeside Pediatrics " + tag, false);
            Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() <= 5) hours.put(day, new ClinicCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(17, 30)));
            }
            String[][] places = {{"Chesterfield Clinic", "r"}, {"Main Campus", "r"}, {"Lakeside Clinic", "l"}};
            for (String[] p : places) {
                UUID org = p[1].equals("r") ? riverbend : lakeside;
                UUID site = admin.createSite(org, p[0], ZONE.getId(), hours, Map.of());
                sites.add(site);
                orgOfSite.put(site, org);
                UUID requester = admin.createPerson(new NewPerson("staff." + sites.size() + "." + tag + "@clinic.sim",
                        "Staff at " + p[0], Role.REQUESTER, org, site, Set.of(), PASSWORD));
                requesters.put(site, directory.actorOf(requester));
            }
            Set<UUID> both = Set.of(riverbend, lakeside);
            List<String> tier1 = List.of("ACCOUNT_ACCESS", "PRINTING_SCANNING", "ENDPOINT_HARDWARE", "EMAIL_COLLABORATION",
                    "PHONES_TELEPHONY", "SERVICE_REQUEST", "NETWORK_CONNECTIVITY");
            List<String> tier1NoPhones = tier1.stream().filter(s -> !s.equals("PHONES_TELEPHONY")).toList();
            List<String> tier2 = List.of("EMR_PERFORMANCE", "EMR_APPLICATION", "MEDICAL_DEVICE_INTEGRATION", "NETWORK_CONNECTIVITY");
            List<String> tier3 = List.of("SECURITY_INCIDENT", "INFRASTRUCTURE", "NETWORK_CONNECTIVITY");
            engineers.add(engineer("ava", Role.TIER1, both, tier1, 7, 16, 8, tag));
            engineers.add(engineer("lin", Role.TIER1, Set.of(lakeside), tier1, 7, 16, 8, tag));
            engineers.add(engineer("omar", Role.TIER1, both, tier1NoPhones, 7, 12, 8, tag));       // morning only, no phones
            engineers.add(engineer("pia", Role.TIER1, both, tier1, 12, 19, 8, tag));               // afternoon
            engineers.add(engineer("ben", Role.TIER2, both, tier2, 7, 16, 6, tag));
            engineers.add(engineer("kim", Role.TIER2, Set.of(riverbend), tier2, 9, 18, 6, tag));
            engineers.add(engineer("cara", Role.TIER3, both, tier3, 7, 17, 5, tag));
            engineers.add(engineer("raj", Role.TIER3, both, tier3, 8, 18, 5, tag));
        });
        return new Desk(sites, orgOfSite, requesters, engineers);
    }

    private Engineer engineer(String name, Role role, Set<UUID> serves, List<String> skills, int from, int to, int capacity, String tag) {
        UUID id = admin.createPerson(new NewPerson(name + "." + tag + "@gateway.sim", Character.toUpperCase(name.charAt(0)) + name.substring(1),
                role, null, null, serves, PASSWORD));
        Map<DayOfWeek, RoutingProfile.Shift> shifts = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getValue() <= 5) shifts.put(day, new RoutingProfile.Shift(LocalTime.of(from, 0), LocalTime.of(to, 0)));
        }
        admin.updateRoutingProfile(id, skills, ZONE.getId(), shifts, capacity);
        return new Engineer(directory.actorOf(id), role.tier(), new RoutingProfile(Set.copyOf(skills), ZONE, shifts, capacity), serves);
    }

    // ---------------------------------------------------------------- what the desk reached

    private DayKpis kpis(LocalDate date, Desk d) {
        Instant from = date.atStartOfDay(ZONE).toInstant(), to = date.plusDays(1).atStartOfDay(ZONE).toInstant(), now = clock.instant();
        List<TicketPromises.Outcome> outcomes = promises.outcomes(new HashSet<>(d.organizationOfSite().values()), from, to);
        int responses = 0, sameDay = 0, frMet = 0, frMissed = 0, resMet = 0, resMissed = 0;
        long responseSeconds = 0;
        for (TicketPromises.Outcome o : outcomes) {
            if (o.firstResponseAt() != null) {
                responses++;
                responseSeconds += Duration.between(o.createdAt(), o.firstResponseAt()).toSeconds();
            }
            if (o.resolvedAt() != null && o.resolvedAt().atZone(ZONE).toLocalDate().equals(o.createdAt().atZone(ZONE).toLocalDate())) sameDay++;
            if (o.firstResponseDueAt() != null) {
                if (o.firstResponseAt() != null && !o.firstResponseAt().isAfter(o.firstResponseDueAt())) frMet++;
                else if (o.firstResponseAt() != null || now.isAfter(o.firstResponseDueAt())) frMissed++;
            }
            if (o.resolutionDueAt() != null) {
                if (o.resolvedAt() != null && !o.resolvedAt().isAfter(o.resolutionDueAt())) resMet++;
                else if (o.resolvedAt() != null || now.isAfter(o.resolutionDueAt())) resMissed++;
            }
        }
        int n = outcomes.size();
        int reassigned = 0, neverReassigned = 0, rightTier = 0;
        for (SimTicket t : tickets.values()) {
            reassigned += t.reassignments;
            if (t.reassignments == 0) neverReassigned++;
            if (t.arrival != null && t.firstTier == t.arrival.trueTier()) rightTier++;
        }
        List<String> violations = new ArrayList<>();
        Map<UUID, Engineer> byId = new HashMap<>();
        d.engineers().forEach(e -> byId.put(e.actor.userId(), e));
        int routed = 0;
        for (Assignment a : assignments) {
            if (!a.byRouting()) continue;
            routed++;
            Engineer e = byId.get(a.assignee());
            SimTicket t = tickets.get(a.ticketId());
            String what = "ticket " + a.ticketId() + " (" + t.category + ", Tier " + a.tier() + ") routed to ";
            if (e == null) violations.add(what + "someone who is not a simulated engineer");
            else {
                if (!e.profile.hasSkill(t.category.name())) violations.add(what + e.actor.displayName() + " without the skill");
                if (e.tier != a.tier()) violations.add(what + e.actor.displayName() + " of Tier " + e.tier);
                if (!e.serves.contains(t.organizationId)) violations.add(what + e.actor.displayName() + " who does not serve its organization");
                if (!e.profile.onShift(a.at())) violations.add(what + e.actor.displayName() + " off shift at " + a.at().atZone(ZONE).toLocalTime());
            }
        }
        long breaches = this.breaches.get();
        return new DayKpis(n, responses, responses == 0 ? 0 : (double) responseSeconds / responses, n == 0 ? 0 : (double) sameDay / n,
                n == 0 ? 0 : (double) reassigned / n, frMet, frMissed, resMet, resMissed, routed, rightTier, neverReassigned,
                (int) breaches, violations);
    }
}

package io.breakpoint.sla.internal;

import io.breakpoint.common.Channel;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.sla.BreachAction;
import io.breakpoint.sla.SlaBreached;
import io.breakpoint.sla.SlaClock;
import io.breakpoint.sla.SlaWarned;
import io.breakpoint.tickets.EntryKind;
import io.breakpoint.tickets.TicketPromises;
import io.breakpoint.tickets.TicketPromises.OpenPromise;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * The SLA timers: a sweep over the due times stored on open tickets, every 15 s by default, that records the 75%
 * warning and the breach of each clock and escalates as the settings say. Nothing is held in memory between
 * sweeps, so a restart loses no timer: the next sweep of any instance picks up what fell due meanwhile. Each
 * warning or breach is one row keyed by (ticket, kind), inserted first in the transaction that writes the
 * history and escalates; when two instances race, the second insert fails and its whole transaction rolls back,
 * so each fires exactly once. ShedLock keeps instances from sweeping at the same time, which only saves work.
 */
@Component
public class SlaTimers {

    private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);
    private static final int PAGE = 500;

    enum Kind {
        FIRST_RESPONSE_WARNING(SlaClock.FIRST_RESPONSE, false), FIRST_RESPONSE_BREACH(SlaClock.FIRST_RESPONSE, true),
        RESOLUTION_WARNING(SlaClock.RESOLUTION, false), RESOLUTION_BREACH(SlaClock.RESOLUTION, true);

        final SlaClock clock;
        final boolean breach;

        Kind(SlaClock clock, boolean breach) {
            this.clock = clock;
            this.breach = breach;
        }

        static Kind of(SlaClock clock, boolean breach) {
            for (Kind k : values()) if (k.clock == clock && k.breach == breach) return k;
            throw new IllegalArgumentException();
        }
    }

    private final TicketPromises promises;
    private final TierClocks tierClocks;
    private final io.breakpoint.identity.Directory directory;
    private final ClinicServiceLevels levels;
    private final SlaSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean enabled;

    SlaTimers(TicketPromises promises, TierClocks tierClocks, io.breakpoint.identity.Directory directory, ClinicServiceLevels levels,
              SlaSettings settings, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
              @Value("${breakpoint.sla.timers.enabled:true}") boolean enabled) {
        this.promises = promises;
        this.tierClocks = tierClocks;
        this.directory = directory;
        this.levels = levels;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${breakpoint.sla.timers.every:PT15S}", initialDelayString = "${breakpoint.sla.timers.first-after:PT15S}")
    // A killed instance holds the lock at most this long; a sweep that outlasts it only overlaps another, harmlessly.
    @SchedulerLock(name = "sla-timers", lockAtMostFor = "${breakpoint.sla.timers.lock-at-most-for:PT30S}")
    public void run() {
        if (enabled) sweep();
    }

    /** Records every warning and breach due now that is not recorded yet; returns how many it recorded. */
    public int sweep() {
        Instant now = clock.instant();
        int[] fired = {0};
        Channel.runAs(Channel.SYS, () -> {
            UUID after = null;
            while (true) {
                List<OpenPromise> page = promises.open(after, PAGE);
                if (page.isEmpty()) break;
                Map<UUID, Set<String>> recorded = recorded(page);
                Map<UUID, TierClocks.TierClock> tiers = tierClocks.of(page.stream().map(OpenPromise::ticketId).toList());
                for (OpenPromise t : page) {
                    Set<String> done = recorded.getOrDefault(t.ticketId(), Set.of());
                    for (Kind due : due(t, kinds(done), now)) {
                        if (fire(t, due, now)) fired[0]++;
                    }
                    TierClocks.TierClock tier = tiers.get(t.ticketId());
                    if (tierTargetMissed(t, tier, done, now) && fire(t, tier, now)) fired[0]++;
                    else if (tierTargetWarns(t, tier, done, now) && warn(t, tier, now)) fired[0]++;
                }
                if (page.size() < PAGE) break;
                after = page.get(page.size() - 1).ticketId();
            }
        });
        if (fired[0] > 0) log.info("SLA timers recorded {} warnings and breaches", fired[0]);
        return fired[0];
    }

    /** What is due for this ticket now and not yet recorded. A clock that is paused or stopped fires nothing. */
    List<Kind> due(OpenPromise t, Set<Kind> recorded, Instant now) {
        List<Kind> due = new ArrayList<>();
        for (SlaClock c : SlaClock.values()) {
            Instant dueAt = dueAt(t, c);
            boolean running = dueAt != null && (c == SlaClock.RESOLUTION || t.firstResponseAt() == null);
            if (!running || settings.pauses(c, t.status())) continue;
            Kind breach = Kind.of(c, true);
            Kind warning = Kind.of(c, false);
            if (recorded.contains(breach)) continue;
            if (!now.isBefore(dueAt)) {
                due.add(breach); // a clock found already past due (the desk was down) is a breach, not a late warning
            } else if (!recorded.contains(warning)) {
                ClinicClock clinic = levels.clinicClock(t.siteId());
                Instant promised = ClinicServiceLevels.due(clinic, levels.target(t.organizationId(), c, t.priority()), t.createdAt());
                if (levels.time(t.organizationId(), c, t.siteId(), t.priority()).warns(t.createdAt(), promised, dueAt, now, settings.warnAt())) due.add(warning);
            }
        }
        return due;
    }

    /** The kind of row a missed tier target is recorded as: one per ticket and tier ("TIER2_TARGET_MISSED"). */
    static String tierKind(int tier) {
        return "TIER" + tier + "_TARGET_MISSED";
    }

    /** The kind of row a tier target's 75% warning is recorded as: one per ticket and tier ("TIER2_TARGET_WARNING"). */
    static String tierWarningKind(int tier) {
        return "TIER" + tier + "_TARGET_WARNING";
    }

    /**
     * The tier holding the ticket has used the warning share of its target (measured as its target counts time, from
     * when it received the ticket), neither the warning nor the miss is recorded, and the clock runs.
     */
    boolean tierTargetWarns(OpenPromise t, TierClocks.TierClock c, Set<String> recorded, Instant now) {
        if (c == null || c.tier() != t.tier() || !t.status().isOpen() || settings.pauses(SlaClock.RESOLUTION, t.status())
                || !now.isBefore(c.dueAt()) || recorded.contains(tierKind(c.tier())) || recorded.contains(tierWarningKind(c.tier()))) {
            return false;
        }
        ClinicClock clinic = levels.clinicClock(t.siteId());
        var target = levels.tierTarget(t.organizationId(), t.priority(), c.tier());
        Instant promised = ClinicServiceLevels.due(clinic, target, c.receivedAt());
        return new TargetTime(clinic, target).warns(c.receivedAt(), promised, c.dueAt(), now, settings.warnAt());
    }

    private boolean warn(OpenPromise t, TierClocks.TierClock c, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> recordTierWarning(t, c, now)));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        } catch (RuntimeException e) {
            log.info("Tier target warning of ticket {} not recorded this round: {}", t.reference(), e.getMessage());
            return false;
        }
    }

    private boolean recordTierWarning(OpenPromise t, TierClocks.TierClock c, Instant now) {
        jdbc.sql("""
                        insert into sla_events (ticket_id, kind, organization_id, priority, due_at, recorded_at, escalated)
                        values (?,?,?,?,?,?,?)""")
                .params(t.ticketId(), tierWarningKind(c.tier()), t.organizationId(), t.priority().name(), Timestamp.from(c.dueAt()),
                        Timestamp.from(now), false)
                .update();
        promises.remark(t.ticketId(), EntryKind.SLA_WARNING, "SLA warning: " + Math.round(settings.warnAt() * 100)
                + "% of Tier " + c.tier() + "'s target has passed; due " + when(c.dueAt(), levels.clinicClock(t.siteId()).zone(), now)
                + ", counted from when Tier " + c.tier() + " received it");
        return true;
    }

    /** The tier holding the ticket has had its time and the miss is not recorded; a paused ticket misses nothing. */
    boolean tierTargetMissed(OpenPromise t, TierClocks.TierClock c, Set<String> recorded, Instant now) {
        return c != null && c.tier() == t.tier() && t.status().isOpen() && !settings.pauses(SlaClock.RESOLUTION, t.status())
                && !now.isBefore(c.dueAt()) && !recorded.contains(tierKind(c.tier()));
    }

    private boolean fire(OpenPromise t, TierClocks.TierClock c, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> recordTierMiss(t, c, now)));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        } catch (RuntimeException e) {
            log.info("Tier target miss of ticket {} not recorded this round: {}", t.reference(), e.getMessage());
            return false;
        }
    }

    private boolean recordTierMiss(OpenPromise t, TierClocks.TierClock c, Instant now) {
        boolean escalate = settings.escalatesTierTarget(t.priority());
        jdbc.sql("""
                        insert into sla_events (ticket_id, kind, organization_id, priority, due_at, recorded_at, escalated)
                        values (?,?,?,?,?,?,?)""")
                .params(t.ticketId(), tierKind(c.tier()), t.organizationId(), t.priority().name(), Timestamp.from(c.dueAt()),
                        Timestamp.from(now), escalate)
                .update();
        ZoneId zone = levels.clinicClock(t.siteId()).zone();
        String text = "Tier " + c.tier() + " target missed: due " + when(c.dueAt(), zone, now) + ", counted from when Tier " + c.tier()
                + " received it (" + when(c.receivedAt(), zone, now) + ")";
        promises.remark(t.ticketId(), EntryKind.SLA_BREACH, text);
        if (escalate) act(t, text);
        return true;
    }

    /** What the organization's policy says a breach that escalates does: to the tier lead, or up a tier. */
    private boolean act(OpenPromise t, String text) {
        BreachAction action = levels.level(t.organizationId(), t.priority()).onBreach();
        if (action == BreachAction.UP_A_TIER) return promises.escalateOneTier(t.ticketId(), text);
        Optional<PersonSummary> lead = directory.tierLead(t.organizationId(), t.tier());
        if (lead.isEmpty()) {
            log.info("SLA breach of {}: no Tier {} lead serves its organization; recorded only", t.reference(), t.tier());
            return false;
        }
        return promises.assignAsDesk(t.ticketId(), lead.get().id(), text + "; to the Tier " + t.tier() + " lead");
    }

    private static Set<Kind> kinds(Set<String> recorded) {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) if (recorded.contains(k.name())) out.add(k);
        return out;
    }

    private boolean fire(OpenPromise t, Kind kind, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> record(t, kind, now)));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        } catch (RuntimeException e) {
            log.info("SLA {} of ticket {} not recorded this round: {}", kind, t.reference(), e.getMessage());
            return false;
        }
    }

    private boolean record(OpenPromise t, Kind kind, Instant now) {
        Instant dueAt = dueAt(t, kind.clock);
        BreachAction action = levels.level(t.organizationId(), t.priority()).onBreach();
        boolean escalate = kind.breach && settings.escalates(kind.clock, t.priority())
                && (action == BreachAction.TIER_LEAD ? directory.tierLead(t.organizationId(), t.tier()).isPresent() : t.tier() < 3);
        jdbc.sql("""
                        insert into sla_events (ticket_id, kind, organization_id, priority, due_at, recorded_at, escalated)
                        values (?,?,?,?,?,?,?)""")
                .params(t.ticketId(), kind.name(), t.organizationId(), t.priority().name(), Timestamp.from(dueAt),
                        Timestamp.from(now), escalate)
                .update();
        String when = when(dueAt, levels.clinicClock(t.siteId()).zone(), now);
        if (kind.breach) {
            String text = "SLA breach: " + kind.clock.label() + " due " + when + " passed";
            promises.remark(t.ticketId(), EntryKind.SLA_BREACH, text);
            if (escalate) act(t, text);
            events.publishEvent(new SlaBreached(t.ticketId(), t.organizationId(), t.priority(), kind.clock, dueAt, escalate, now));
        } else {
            String text = "SLA warning: " + Math.round(settings.warnAt() * 100) + "% of the time for " + kind.clock.label()
                    + " has passed; due " + when;
            promises.remark(t.ticketId(), EntryKind.SLA_WARNING, text);
            events.publishEvent(new SlaWarned(t.ticketId(), t.organizationId(), t.priority(), kind.clock, dueAt, now));
        }
        return true;
    }

    private Map<UUID, Set<String>> recorded(List<OpenPromise> page) {
        Map<UUID, Set<String>> recorded = new HashMap<>();
        List<UUID> ids = page.stream().map(OpenPromise::ticketId).toList();
        jdbc.sql("select ticket_id, kind from sla_events where ticket_id in (:ids)").param("ids", ids)
                .query((rs, n) -> recorded.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return recorded;
    }

    private static Instant dueAt(OpenPromise t, SlaClock c) {
        return c == SlaClock.FIRST_RESPONSE ? t.firstResponseDueAt() : t.resolutionDueAt();
    }

    /** "10:32" today in the site's zone, else "Tue 3 Mar 10:32". */
    static String when(Instant at, ZoneId zone, Instant now) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return DateTimeFormatter.ofPattern(day.equals(now.atZone(zone).toLocalDate()) ? "HH:mm" : "EEE d MMM HH:mm", Locale.ENGLISH)
                .format(at.atZone(zone));
    }
}

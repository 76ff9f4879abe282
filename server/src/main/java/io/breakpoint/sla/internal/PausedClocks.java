package io.breakpoint.sla.internal;

import io.breakpoint.sla.SlaClock;
import io.breakpoint.tickets.ServiceLevels.Promise;
import io.breakpoint.tickets.TicketEvents.*;
import io.breakpoint.tickets.TicketPromises;
import io.breakpoint.tickets.TicketPromises.OpenPromise;
import io.breakpoint.tickets.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Pauses a ticket's clocks while it is in a pausing state and, when it leaves, moves its due times later by the
 * time the clock stood still. It runs in the transaction of the status change (before commit, not as an
 * asynchronous module listener): a pause and its end are then never lost or handled out of order, and the moved
 * due times commit with the change that moved them. Whatever event it hears, it compares the ticket's state with
 * its own pause rows, because a ticket leaves a waiting state by several roads (a status change, a requester's
 * reply, resolution, escalation).
 */
@Component
class PausedClocks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final TicketPromises promises;
    private final ClinicServiceLevels levels;
    private final SlaSettings settings;
    private final JdbcClient jdbc;
    private final TierClocks tierClocks;

    PausedClocks(TicketPromises promises, ClinicServiceLevels levels, SlaSettings settings, JdbcClient jdbc, TierClocks tierClocks) {
        this.tierClocks = tierClocks;
        this.promises = promises;
        this.levels = levels;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketStatusChanged e) {
        reconcile(e.ticketId(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketCommented e) {
        if (e.byRequester()) reconcile(e.ticketId(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketResolved e) {
        reconcile(e.ticketId(), e.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEscalated e) {
        reconcile(e.ticketId(), e.at());
    }

    private record Pause(Instant since, TicketStatus status) {
    }

    void reconcile(UUID ticketId, Instant at) {
        OpenPromise t = promises.of(ticketId).orElse(null);
        if (t == null || t.resolutionDueAt() == null) return;
        Map<SlaClock, Pause> ended = new EnumMap<>(SlaClock.class);
        for (SlaClock clock : SlaClock.values()) {
            boolean running = clock == SlaClock.FIRST_RESPONSE ? t.firstResponseAt() == null && t.firstResponseDueAt() != null
                    : t.status().isOpen() || t.status() == TicketStatus.RESOLVED;
            boolean paused = running && settings.pauses(clock, t.status());
            Pause pause = pauseOf(ticketId, clock);
            if (paused && pause == null) {
                jdbc.sql("insert into sla_pauses (ticket_id, clock, paused_since, status) values (?,?,?,?)")
                        .params(ticketId, clock.name(), Timestamp.from(at), t.status().name()).update();
            } else if (!paused && pause != null) {
                jdbc.sql("delete from sla_pauses where ticket_id = ? and clock = ?").params(ticketId, clock.name()).update();
                if (running) ended.put(clock, pause);
            }
        }
        if (ended.isEmpty()) return;
        ClinicClock clinic = levels.clinicClock(t.siteId());
        Instant firstResponse = t.firstResponseDueAt();
        Instant resolution = t.resolutionDueAt();
        Pause pause = ended.values().iterator().next();
        if (ended.containsKey(SlaClock.FIRST_RESPONSE)) {
            Pause p = ended.get(SlaClock.FIRST_RESPONSE);
            firstResponse = levels.time(t.organizationId(), SlaClock.FIRST_RESPONSE, t.siteId(), t.priority()).resumed(firstResponse, p.since(), at);
        }
        if (ended.containsKey(SlaClock.RESOLUTION)) {
            Pause p = ended.get(SlaClock.RESOLUTION);
            resolution = levels.time(t.organizationId(), SlaClock.RESOLUTION, t.siteId(), t.priority()).resumed(resolution, p.since(), at);
            tierClocks.resumed(t, p.since(), at);
        }
        if (firstResponse.equals(t.firstResponseDueAt()) && resolution.equals(t.resolutionDueAt())) return;
        ZoneId zone = clinic.zone();
        String reason = "Clocks paused while " + pause.status().label().toLowerCase() + " from "
                + TIME.format(pause.since().atZone(zone)) + " to " + TIME.format(at.atZone(zone))
                + ": first response due " + TIME.format(firstResponse.atZone(zone))
                + ", resolution due " + TIME.format(resolution.atZone(zone));
        promises.repromise(ticketId, new Promise(firstResponse, resolution, reason), reason);
    }

    private Pause pauseOf(UUID ticketId, SlaClock clock) {
        return jdbc.sql("select paused_since, status from sla_pauses where ticket_id = ? and clock = ?")
                .params(ticketId, clock.name())
                .query((rs, n) -> new Pause(rs.getTimestamp(1).toInstant(), TicketStatus.valueOf(rs.getString(2))))
                .optional().orElse(null);
    }
}

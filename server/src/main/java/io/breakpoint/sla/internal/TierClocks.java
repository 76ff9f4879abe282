package io.breakpoint.sla.internal;

import io.breakpoint.common.TransactionBatch;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketEvents.TicketEscalated;
import io.breakpoint.tickets.TicketEvents.TicketOpened;
import io.breakpoint.tickets.TicketEvents.TriageCorrected;
import io.breakpoint.tickets.TicketPromises;
import io.breakpoint.tickets.TicketPromises.OpenPromise;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The internal target of the tier holding each ticket (decision 0012), counted from when that tier received it:
 * started at intake, started again at every escalation or de-escalation (so an escalated ticket never arrives
 * already breached), recomputed from the same start when a person corrects the priority, and moved later when a
 * paused resolution clock resumes. Runs in the transaction of the change, like the pauses.
 */
@Component
class TierClocks {

    private final ClinicServiceLevels levels;
    private final TicketPromises promises;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TierClocks(ClinicServiceLevels levels, TicketPromises promises, JdbcClient jdbc, JdbcTemplate template) {
        this.levels = levels;
        this.promises = promises;
        this.jdbc = jdbc;
        this.template = template;
    }

    record TierClock(UUID ticketId, int tier, Instant receivedAt, Instant dueAt) {
    }

    /*
     * A new ticket has no clock yet: nothing to delete, and the clocks of all tickets intake writes in one transaction
     * go in with one batched insert just before it commits (decision 0026).
     */
    @EventListener
    void on(TicketOpened e) {
        TierClock c = new TierClock(e.ticketId(), e.tier(), e.at(), levels.tierDue(e.organizationId(), e.siteId(), e.priority(), e.tier(), e.at()));
        newClocks.add(c);
    }

    /** The clocks of a transaction's new tickets, inserted with one statement just before it commits. */
    private final TransactionBatch<TierClock> newClocks = new TransactionBatch<>(TransactionBatch.When.BEFORE_COMMIT, this::insert);

    private void insert(List<TierClock> clocks) {
        if (clocks.isEmpty()) return;
        template.batchUpdate("insert into sla_tier_clocks (ticket_id, tier, received_at, due_at) values (?,?,?,?)", clocks,
                clocks.size(), (ps, c) -> {
                    ps.setObject(1, c.ticketId());
                    ps.setInt(2, c.tier());
                    ps.setTimestamp(3, Timestamp.from(c.receivedAt()));
                    ps.setTimestamp(4, Timestamp.from(c.dueAt()));
                });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketEscalated e) {
        promises.of(e.ticketId()).ifPresent(t -> start(t.ticketId(), t.organizationId(), t.siteId(), t.priority(), e.toTier(), e.at()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TriageCorrected e) {
        TierClock c = of(e.ticketId());
        OpenPromise t = promises.of(e.ticketId()).orElse(null);
        if (c == null || t == null || c.tier() != t.tier()) return; // an escalation restarts it by itself
        start(t.ticketId(), t.organizationId(), t.siteId(), e.priority(), c.tier(), c.receivedAt());
    }

    private void start(UUID ticketId, UUID organizationId, UUID siteId, Priority priority, int tier, Instant receivedAt) {
        Instant due = levels.tierDue(organizationId, siteId, priority, tier, receivedAt);
        jdbc.sql("delete from sla_tier_clocks where ticket_id = ?").param(ticketId).update();
        jdbc.sql("insert into sla_tier_clocks (ticket_id, tier, received_at, due_at) values (?,?,?,?)")
                .params(ticketId, tier, Timestamp.from(receivedAt), Timestamp.from(due)).update();
    }

    /** A paused resolution clock resumed: the tier's target moves later by the time that counted while it stood still. */
    void resumed(OpenPromise t, Instant pausedSince, Instant at) {
        TierClock c = of(t.ticketId());
        if (c == null || c.receivedAt().isAfter(pausedSince)) return; // the tier received it during the pause: nothing to give back
        Instant due = new TargetTime(levels.clinicClock(t.siteId()),
                levels.tierTarget(t.organizationId(), t.priority(), c.tier())).resumed(c.dueAt(), pausedSince, at);
        jdbc.sql("update sla_tier_clocks set due_at = ? where ticket_id = ?").params(Timestamp.from(due), t.ticketId()).update();
    }

    TierClock of(UUID ticketId) {
        return jdbc.sql("select ticket_id, tier, received_at, due_at from sla_tier_clocks where ticket_id = ?").param(ticketId)
                .query(TierClocks::row).optional().orElse(null);
    }

    Map<UUID, TierClock> of(Collection<UUID> ticketIds) {
        Map<UUID, TierClock> out = new HashMap<>();
        if (ticketIds.isEmpty()) return out;
        jdbc.sql("select ticket_id, tier, received_at, due_at from sla_tier_clocks where ticket_id in (:ids)").param("ids", ticketIds)
                .query(TierClocks::row).list().forEach(c -> out.put(c.ticketId(), c));
        return out;
    }

    private static TierClock row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TierClock(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
    }
}

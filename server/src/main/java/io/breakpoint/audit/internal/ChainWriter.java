package io.breakpoint.audit.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes an audit record in the caller's transaction, unsealed (no place in the chain yet), and after that transaction
 * commits asks the {@link ChainSealer} to seal it. Sealing at commit time inside the caller's transaction would hold
 * the chain's lock through every commit (one WAL flush each, about 5 ms here), which caps all audited work at some
 * 200 transactions a second; see docs/decisions/0018.
 */
@Component
public class ChainWriter {

    /** A record before it has its place in the chain. */
    public record Entry(Instant at, UUID actorId, String actorEmail, UUID organizationId, UUID ticketId, String action,
                        String channel, String remoteAddress, String detail) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChainSealer sealer;

    ChainWriter(JdbcClient jdbc, JdbcTemplate template, ChainSealer sealer) {
        this.jdbc = jdbc;
        this.template = template;
        this.sealer = sealer;
    }

    /** Writes in the caller's transaction: the record commits or rolls back with the change it describes. */
    public void append(Entry e) {
        jdbc.sql(INSERT).params(values(e)).update();
        nudgeAfterCommit();
    }

    private static final String INSERT = """
            insert into audit_events (at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail)
            values (?,?,?,?,?,?,?,?,?)""";

    private void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !nudgeRegistered()) {
            TransactionSynchronizationManager.registerSynchronization(new NudgeAfterCommit());
        }
    }

    /** Writes several records in the caller's transaction with one batched statement; sealed after the commit. */
    public void appendAll(List<Entry> entries) {
        template.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            Object[] values = values(e);
            for (int i = 0; i < values.length; i++) StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
        });
        nudgeAfterCommit();
    }

    private static final String INSERT_SEALED = """
            insert into audit_events (at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail,
              seq, prev_hash, hash)
            values (?,?,?,?,?,?,?,?,?,?,?,?)""";

    /**
     * Writes several records in the caller's transaction already sealed, holding the chain's lock from here to the
     * commit: for a transaction that writes many records and commits right after (docs/decisions/0027). Sealing them
     * afterwards would update every row again, and PostgreSQL rewrites all six of the table's indexes for each.
     */
    public void appendAllSealed(List<Entry> entries) {
        if (!entries.isEmpty()) sealer.insertSealed(entries, INSERT_SEALED, ChainWriter::values);
    }

    private static Object[] values(Entry e) {
        // Microseconds, as both databases keep them: the sealer hashes what it reads back.
        return new Object[]{OffsetDateTime.ofInstant(e.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC), e.actorId(),
                e.actorEmail(), e.organizationId(), e.ticketId(), e.action(), e.channel(), e.remoteAddress(), e.detail()};
    }

    private boolean nudgeRegistered() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof NudgeAfterCommit) return true;
        }
        return false;
    }

    private final class NudgeAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            sealer.nudge();
        }
    }
}

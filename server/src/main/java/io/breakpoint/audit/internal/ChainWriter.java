package io.breakpoint.audit.internal;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends audit records to the one global chain. A transaction's records are held until just before it commits and
 * then appended under the lock of the chain head row ({@code select ... for update} on {@code audit_chain_head}),
 * so the head stays locked only from that moment to the commit: appends from concurrent transactions form one chain
 * without gaps, and a transaction never holds the head while it waits for another lock (no deadlock with ticket
 * rows). See docs/decisions/0018.
 */
@Component
public class ChainWriter {

    /** A record before it has its place in the chain. */
    public record Entry(Instant at, UUID actorId, String actorEmail, UUID organizationId, UUID ticketId, String action,
                        String channel, String remoteAddress, String detail) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    ChainWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends in the caller's transaction: the record commits or rolls back with it. */
    public void append(Entry entry) {
        Batch batch = currentBatch();
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        if (batch.sealed) {
            // Recorded by another before-commit step after this transaction's batch went in: the head is ours already.
            seal(List.of(entry));
        } else {
            batch.entries.add(entry);
        }
    }

    private Batch currentBatch() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Batch b && b.writer() == this) return b;
        }
        return null;
    }

    private record Head(long seq, String hash) {
    }

    private void seal(List<Entry> entries) {
        if (entries.isEmpty()) return;
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq();
        String previous = head.hash();
        for (Entry e : entries) {
            ChainLink link = new ChainLink(++seq, e.at(), e.actorId(), e.actorEmail(), e.organizationId(), e.ticketId(),
                    e.action(), e.channel(), e.remoteAddress(), e.detail(), previous);
            previous = link.hash();
            jdbc.sql("""
                            insert into audit_events (seq, at, actor_id, actor_email, organization_id, ticket_id, action, channel,
                                                      remote_address, detail, prev_hash, hash)
                            values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(seq, OffsetDateTime.ofInstant(link.at(), ZoneOffset.UTC), e.actorId(), e.actorEmail(),
                            e.organizationId(), e.ticketId(), e.action(), e.channel(), e.remoteAddress(), e.detail(),
                            link.previousHash(), previous)
                    .update();
        }
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
    }

    private final class Batch implements TransactionSynchronization {
        final List<Entry> entries = new ArrayList<>();
        boolean sealed;

        ChainWriter writer() {
            return ChainWriter.this;
        }

        @Override
        public int getOrder() {
            // After other before-commit work (SLA clock listeners record audit rows there too).
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            seal(entries);
            entries.clear();
            sealed = true;
        }

        @Override
        public void afterCommit() {
            // Only when this batch was registered while the other before-commit steps already ran: its own
            // beforeCommit never came. The records then follow in a transaction of their own rather than be lost.
            if (!entries.isEmpty()) {
                List<Entry> late = List.copyOf(entries);
                entries.clear();
                separately.executeWithoutResult(s -> seal(late));
            }
        }
    }
}

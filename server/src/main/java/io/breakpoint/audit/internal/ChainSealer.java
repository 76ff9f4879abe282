package io.breakpoint.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.Function;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Seals committed audit records into the one global chain, oldest id first: each gets the next {@code seq}, the hash
 * of the record before it and its own hash. A batch runs in one short transaction under the lock of the chain head row
 * ({@code select ... for update} on {@code audit_chain_head}), so several instances sharing a database still build
 * one chain without gaps, and one commit seals many records. Runs shortly after audited commits (all the commits of
 * {@link #GATHER} in one run, on one background thread) and every few seconds for records another instance or a crash
 * left behind.
 */
@Component
public class ChainSealer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    private static final int BATCH = 500;
    /**
     * How long a run waits after the commit that asked for it, gathering the commits that follow. Finding the unsealed
     * records costs the database the same for one record as for hundreds (sealing leaves the old row versions in the
     * index until vacuum), and under intake a run after every commit took half a core of PostgreSQL.
     */
    static final long GATHER = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate separately;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-chain-sealer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    ChainSealer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Seals soon ({@link #GATHER}), on the background thread; many nudges while one run waits make one run. */
    public void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    queued.set(false);
                    sealQuietly();
                }, GATHER, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${breakpoint.audit.seal-every:PT5S}", initialDelayString = "${breakpoint.audit.seal-every:PT5S}")
    void sweep() {
        sealQuietly();
    }

    private void sealQuietly() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            // The records stay unsealed and the next run seals them; nothing is lost.
            log.warn("Sealing audit records failed; retrying on the next run: {}", e.toString());
        }
    }

    /** Seals every committed record that has no place in the chain yet; returns how many it sealed. */
    public synchronized int sealPending() {
        int total = 0;
        while (true) {
            Integer sealed = separately.execute(s -> sealBatch());
            if (sealed == null) return total;
            total += sealed;
            if (sealed < BATCH) return total; // that was all: no second look for nothing
        }
    }

    private record Head(long seq, String hash) {
    }

    private record Unsealed(long id, ChainLink fields) {
    }

    /**
     * Writes records already sealed, in the caller's transaction: takes the chain head's lock, which the transaction
     * holds to its commit, gives the records the next places and hashes, and moves the head. Only for a transaction
     * that writes many records at once and commits right after (intake's groups, docs/decisions/0027): held through
     * every commit, the lock would cap audited work at one commit at a time.
     */
    void insertSealed(List<ChainWriter.Entry> entries, String insert, Function<ChainWriter.Entry, Object[]> values) {
        Head head = lockHead();
        long seq = head.seq();
        String previous = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (ChainWriter.Entry e : entries) {
            ChainLink link = new ChainLink(++seq, e.at(), e.actorId(), e.actorEmail(), e.organizationId(), e.ticketId(),
                    e.action(), e.channel(), e.remoteAddress(), e.detail(), previous);
            previous = link.hash();
            Object[] fields = values.apply(e);
            Object[] row = Arrays.copyOf(fields, fields.length + 3);
            row[fields.length] = seq;
            row[fields.length + 1] = link.previousHash();
            row[fields.length + 2] = previous;
            rows.add(row);
        }
        template.batchUpdate(insert, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < row.length; i++) StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, row[i]);
        });
        moveHead(seq, previous);
    }

    private Head lockHead() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private void moveHead(long seq, String hash) {
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    }

    private int sealBatch() {
        Head head = lockHead();
        List<Unsealed> rows = jdbc.sql("""
                        select id, at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail
                        from audit_events where seq is null order by id""" + " limit " + BATCH)
                .query((rs, n) -> new Unsealed(rs.getLong("id"), new ChainLink(0, rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_email"),
                        rs.getObject("organization_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getString("action"), rs.getString("channel"), rs.getString("remote_address"),
                        rs.getString("detail"), null))).list();
        if (rows.isEmpty()) return 0;
        long seq = head.seq();
        String previous = head.hash();
        List<Object[]> seals = new ArrayList<>(rows.size());
        for (Unsealed r : rows) {
            ChainLink f = r.fields();
            ChainLink link = new ChainLink(++seq, f.at(), f.actorId(), f.actorEmail(), f.organizationId(), f.ticketId(),
                    f.action(), f.channel(), f.remoteAddress(), f.detail(), previous);
            previous = link.hash();
            seals.add(new Object[]{seq, link.previousHash(), previous, r.id()});
        }
        template.batchUpdate("update audit_events set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null", seals);
        moveHead(seq, previous);
        return rows.size();
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}

package db.migration;

import io.breakpoint.audit.internal.ChainLink;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The audit trail becomes a hash chain (docs/decisions/0018): every row gets its place in the chain ({@code seq}),
 * the hash of the row before it and its own hash (empty until the sealer seals a new row, right after its commit);
 * the rows already there are chained in id order; the chain's head (last seq and hash) lives in a one-row table that
 * the sealer locks; UPDATE and DELETE of audit rows are refused by a trigger, except the one update that seals. In Java because the hash is SHA-256 over {@link ChainLink#canonical()}, which SQL cannot compute the same
 * way on H2 and PostgreSQL, and because the trigger differs between the two.
 */
public class V60__audit_hash_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("alter table audit_events add column seq bigint");
            s.execute("alter table audit_events add column prev_hash varchar(64)");
            s.execute("alter table audit_events add column hash varchar(64)");
            s.execute("create table audit_chain_head (id int primary key, last_seq bigint not null, last_hash varchar(64) not null)");
        }
        long seq = 0;
        String previous = ChainLink.GENESIS;
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("""
                     select id, at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail
                     from audit_events order by id""");
             PreparedStatement seal = c.prepareStatement("update audit_events set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            while (rs.next()) {
                ChainLink link = new ChainLink(++seq, rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_email"),
                        rs.getObject("organization_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getString("action"), rs.getString("channel"), rs.getString("remote_address"),
                        rs.getString("detail"), previous);
                previous = link.hash();
                seal.setLong(1, seq);
                seal.setString(2, link.previousHash());
                seal.setString(3, previous);
                seal.setLong(4, rs.getLong("id"));
                seal.addBatch();
                if (seq % 1000 == 0) seal.executeBatch();
            }
            seal.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("insert into audit_chain_head (id, last_seq, last_hash) values (1, " + seq + ", '" + previous + "')");
            s.execute("create unique index audit_events_seq_idx on audit_events (seq)");
            if (postgres) {
                // The one update allowed: sealing, which gives an unsealed record its place and hashes and nothing else.
                s.execute("""
                        create function audit_events_refuse_change() returns trigger language plpgsql as $$
                        begin
                          if tg_op = 'UPDATE' and old.seq is null and new.seq is not null and new.hash is not null
                             and (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash') then
                            return new;
                          end if;
                          raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
                        end $$""");
                s.execute("""
                        create trigger audit_events_append_only before update or delete on audit_events
                        for each row execute function audit_events_refuse_change()""");
                s.execute("""
                        create trigger audit_events_no_truncate before truncate on audit_events
                        for each statement execute function audit_events_refuse_change()""");
            } else {
                s.execute(h2Trigger());
            }
        }
    }

    /** Also used by tests that alter a row on purpose (they drop the trigger, change the row, create it again). */
    public static String h2Trigger() {
        return "create trigger audit_events_append_only before update, delete on audit_events for each row call '"
                + "io.breakpoint.audit.internal.RefuseAuditChange'";
    }

}

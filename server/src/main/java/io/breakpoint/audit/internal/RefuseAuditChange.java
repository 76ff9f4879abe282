package io.breakpoint.audit.internal;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * On H2, the trigger behind {@code audit_events_append_only} (created by migration V60): every UPDATE and DELETE of
 * an audit row fails, except the sealing of a new record. PostgreSQL has a PL/pgSQL trigger instead. Anyone who can drop a trigger can still change rows;
 * that is what the hash chain is for.
 */
public class RefuseAuditChange implements Trigger {

    private int seq = -1, prevHash = -1, hash = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (var rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                int i = rs.getInt("ORDINAL_POSITION") - 1;
                switch (rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT)) {
                    case "seq" -> seq = i;
                    case "prev_hash" -> prevHash = i;
                    case "hash" -> hash = i;
                    default -> { }
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (sealing(oldRow, newRow)) return;
        throw new SQLException("audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }

    /** The one update allowed: sealing gives an unsealed record its place and hashes and changes nothing else. */
    private boolean sealing(Object[] oldRow, Object[] newRow) {
        if (oldRow == null || newRow == null || seq < 0 || oldRow[seq] != null || newRow[seq] == null || newRow[hash] == null) return false;
        for (int i = 0; i < oldRow.length; i++) {
            if (i == seq || i == prevHash || i == hash) continue;
            if (!java.util.Objects.equals(oldRow[i], newRow[i])) return false;
        }
        return true;
    }
}

package io.breakpoint.audit.internal;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * On H2, the trigger behind {@code audit_events_append_only} (created by migration V60): every UPDATE and DELETE of
 * an audit row fails. PostgreSQL has a PL/pgSQL trigger instead. Anyone who can drop a trigger can still change rows;
 * that is what the hash chain is for.
 */
public class RefuseAuditChange implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
    }
}

package io.breakpoint.telemetry.internal;

import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes many rows into one table within the current transaction: by {@code COPY} on PostgreSQL (several times
 * faster than INSERT for thousands of rows), by multi-row {@code INSERT ... VALUES (...),(...)} elsewhere (H2).
 * A duplicate key fails the same way on both: {@link DuplicateKeyException}.
 */
@Component
class BulkInsert {

    /** Rows per multi-row INSERT: 17 columns x 500 stays well below PostgreSQL's 32,767 parameters. */
    private static final int ROWS_PER_INSERT = 500;
    /** A typed null: without a type, Spring may ask the driver for parameter metadata, a round trip per statement. */
    private static final SqlParameterValue NULL = new SqlParameterValue(Types.NULL, null);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private volatile Boolean postgres;

    BulkInsert(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void insert(String table, String columns, int columnCount, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            if (isPostgres(c)) {
                copy(c, table, columns, rows);
            } else {
                values(table, columns, columnCount, rows);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw new DuplicateKeyException(e.getMessage(), e);
            throw new IllegalStateException("Could not store telemetry rows: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private boolean isPostgres(Connection c) throws SQLException {
        Boolean p = postgres;
        if (p == null) {
            p = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") && c.isWrapperFor(PGConnection.class);
            postgres = p;
        }
        return p;
    }

    private static void copy(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) text.append('\t');
                field(text, row[i]);
            }
            text.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    /** COPY's text format: \N for null, backslash escapes for the characters that separate fields and rows. */
    private static void field(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof Timestamp t) {
            out.append(t.toInstant());
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof Number || v instanceof UUID) {
            out.append(v);
        } else {
            String s = v.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
    }

    private void values(String table, String columns, int columnCount, List<Object[]> rows) {
        String one = "(" + "?,".repeat(columnCount - 1) + "?)";
        String head = "insert into " + table + " (" + columns + ") values ";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (one.length() + 1)).append(head);
            List<Object> params = new ArrayList<>(chunk.size() * columnCount);
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) sql.append(',');
                sql.append(one);
                for (Object o : chunk.get(i)) params.add(o == null ? NULL : o);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }
}

package io.breakpoint.telemetry.internal;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes many rows into one table within the current transaction: by binary {@code COPY} on PostgreSQL (several times
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

    /** {@code types} are the columns' types in the order of {@code columns}, one per value of a row. */
    void insert(String table, String columns, Type[] types, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            if (isPostgres(c)) {
                copy(c, table, columns, types, rows);
            } else {
                values(table, columns, types.length, rows);
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

    /** Column types as PostgreSQL's binary COPY format needs them (each value is sent in its column's own type). */
    enum Type { UUID, INT2, INT4, FLOAT8, TIMESTAMPTZ, TEXT, BOOL }

    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Microseconds from 1970-01-01 to PostgreSQL's epoch 2000-01-01 (UTC). */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    /**
     * Binary COPY: PostgreSQL takes the values as they are stored, so neither side formats or parses text
     * (timestamps and doubles were most of the cost of the text format on both sides).
     */
    private static void copy(Connection c, String table, String columns, Type[] types, List<Object[]> rows) throws SQLException {
        Bytes out = new Bytes(rows.size() * 128 + 64);
        out.put(COPY_HEADER);
        for (Object[] row : rows) {
            out.putShort(types.length);
            for (int i = 0; i < types.length; i++) field(out, types[i], row[i]);
        }
        out.putShort(-1);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        try {
            in.writeToCopy(out.bytes, 0, out.size);
            in.endCopy();
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
    }

    private static void field(Bytes out, Type type, Object v) {
        if (v == null) {
            out.putInt(-1);
            return;
        }
        switch (type) {
            case UUID -> {
                UUID u = (UUID) v;
                out.putInt(16);
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case INT2 -> {
                out.putInt(2);
                out.putShort(((Number) v).shortValue());
            }
            case INT4 -> {
                out.putInt(4);
                out.putInt(((Number) v).intValue());
            }
            case FLOAT8 -> {
                out.putInt(8);
                out.putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
            }
            case TIMESTAMPTZ -> {
                Timestamp t = (Timestamp) v;
                long micros = Math.floorDiv(t.getTime(), 1000) * 1_000_000 + t.getNanos() / 1000;
                out.putInt(8);
                out.putLong(micros - PG_EPOCH_MICROS);
            }
            case BOOL -> {
                out.putInt(1);
                out.put((Boolean) v ? (byte) 1 : (byte) 0);
            }
            case TEXT -> {
                byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
                out.putInt(b.length);
                out.put(b);
            }
        }
    }

    /** A growing big-endian byte buffer (the COPY stream of one table and batch). */
    private static final class Bytes {
        byte[] bytes;
        int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }

        void put(byte b) {
            room(1);
            bytes[size++] = b;
        }

        void put(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void putShort(int v) {
            room(2);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void putInt(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) bytes[size++] = (byte) (v >>> shift);
        }

        void putLong(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) bytes[size++] = (byte) (v >>> shift);
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

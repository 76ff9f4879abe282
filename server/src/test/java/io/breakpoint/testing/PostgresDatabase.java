package io.breakpoint.testing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates one PostgreSQL database per test JVM ({@code bp_test_<epoch seconds>_<random>}) and drops it when the JVM
 * ends (after its Spring contexts are closed). Several test runs (engineers, CI) share one PostgreSQL server, so no run may use or clean another's
 * database or the shared {@code test} database. Databases left behind by killed runs are dropped once they are
 * older than {@link #ABANDONED}, a time no test run takes.
 * <p>
 * Server and admin user come from {@code BREAKPOINT_TEST_PG_URL} (a JDBC URL of a database to connect to for
 * CREATE DATABASE; default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code BREAKPOINT_TEST_PG_USER}
 * (default postgres) and {@code BREAKPOINT_TEST_PG_PASSWORD}.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Duration ABANDONED = Duration.ofHours(6);
    private static final String PREFIX = "bp_test_";

    private static final String ADMIN_URL = env("BREAKPOINT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("BREAKPOINT_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("BREAKPOINT_TEST_PG_PASSWORD", "");

    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + url(), "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD).applyTo(context);
    }

    /** The JDBC URL of this JVM's database, created on first use. */
    public static synchronized String url() {
        if (url == null) url = another();
        return url;
    }

    /** The JDBC URL of a further database of this JVM's, for a test that starts servers of its own; dropped likewise. */
    public static String another() {
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            dropAbandoned(c);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + ADMIN_URL + " as " + USER
                    + ". Is PostgreSQL running? (pg_ctlcluster --skip-systemctl-redirect 15 main start)", e);
        }
        // After the contexts are closed: closing still reads the database (the event publication registry).
        SpringApplication.getShutdownHandlers().add(() -> drop(name));
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void dropAbandoned(Connection c) throws SQLException {
        List<String> old = new ArrayList<>();
        long cutoff = Instant.now().minus(ABANDONED).getEpochSecond();
        try (var rs = c.createStatement().executeQuery(
                "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String n = rs.getString(1);
                String[] parts = n.substring(PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < cutoff) old.add(n);
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String n : old) drop(n);
    }

    /**
     * Best effort: a database that cannot be dropped now is dropped by a later run once it is abandoned. DROP DATABASE
     * waits for a checkpoint, which on a busy server (a benchmark loading data) can take longer than the test JVM may
     * take to exit; the timeout keeps the exit quick.
     */
    private static void drop(String name) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '10s'");
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

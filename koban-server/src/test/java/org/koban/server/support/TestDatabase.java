package org.koban.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the integration tests use, once per test JVM: a fresh database on the server named by
 * {@code KOBAN_TEST_DB_URL} (a JDBC URL; dropped at the end), or else a bundled PostgreSQL in a
 * temporary directory. Either way every run starts from an empty database that Flyway migrates.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String serverUrl;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private TestDatabase(String serverUrl, String jdbcUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Another empty database on the same server, for tests that need a first start of their own. */
    public String freshDatabaseUrl() {
        return createDatabase(serverUrl, user, password);
    }

    public static synchronized TestDatabase get() {
        if (instance == null) instance = start();
        return instance;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public boolean external() {
        return System.getenv("KOBAN_TEST_DB_URL") != null
                && !System.getenv("KOBAN_TEST_DB_URL").isBlank();
    }

    private static TestDatabase start() {
        String external = System.getenv("KOBAN_TEST_DB_URL");
        if (external != null && !external.isBlank()) return createOn(external);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with it
                }
            }));
            String server = postgres.getJdbcUrl("postgres", "postgres");
            return new TestDatabase(server, createDatabase(server, "postgres", ""), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the bundled PostgreSQL for tests", e);
        }
    }

    private static TestDatabase createOn(String serverUrl) {
        String user = env("KOBAN_TEST_DB_USER", "postgres");
        String password = env("KOBAN_TEST_DB_PASSWORD", "");
        return new TestDatabase(serverUrl, createDatabase(serverUrl, user, password), user, password);
    }

    /** Creates a uniquely named database, dropped when the test JVM ends; returns its JDBC URL. */
    private static String createDatabase(String serverUrl, String user, String password) {
        String name = "koban_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // a leftover koban_test_* database is harmless and easy to spot
            }
        }));
        return replaceDatabase(serverUrl, name);
    }

    /** jdbc:postgresql://host:5432/postgres?x=y -> jdbc:postgresql://host:5432/NAME?x=y */
    static String replaceDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

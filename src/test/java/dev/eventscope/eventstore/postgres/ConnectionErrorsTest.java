package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each way a PostgreSQL ledger can fail to open or to take a write is one sentence naming the
 * ledger and what is wrong, and never shows a password.
 */
class ConnectionErrorsTest {

    private static final String PGPASSFILE_PROPERTY = "org.postgresql.pgpassfile";

    @TempDir
    Path folder;

    @AfterEach
    void forgetThePasswordFile() {
        System.clearProperty(PGPASSFILE_PROPERTY);
    }

    /**
     * The connect timeout bounds the whole login (pgjdbc's loginTimeout: connect, authentication, the server's first
     * answers), so it is a hang guard here, not what is tested: a few seconds, as it was, made a loaded machine's slow
     * login (a backend forked, a SCRAM password hashed) fail as "Cannot reach the server" instead of the refusal each
     * test names. The closed port is refused at once whatever the bound.
     */
    private static final Duration LOGIN_HANG_GUARD = Duration.ofSeconds(120);

    private static EventStoreException openingFails(PostgresLedgerUrl url) {
        return assertThrows(EventStoreException.class,
                () -> PostgresEventStore.open(url, PostgresOptions.defaults().withConnectTimeout(LOGIN_HANG_GUARD), false));
    }

    private static void asSuperuser(String... statements) throws SQLException {
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A role that must log in with a password, given to pgjdbc through a .pgpass file (as ~/.pgpass would). */
    private PostgresLedgerUrl asRoleWithPassword(PostgresLedgerUrl url, String role, String passwordInPgpass) throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(),
                "password rules are set up on the embedded server and where " + TestPostgres.PASSWORD_RULES_VARIABLE + "=1 says the external server has them");
        asSuperuser("DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN PASSWORD 'right-password'");
        Path pgpass = folder.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:" + role + ":" + passwordInPgpass + "\n");
        pgpass.toFile().setReadable(false, false);
        pgpass.toFile().setReadable(true, true);
        System.setProperty(PGPASSFILE_PROPERTY, pgpass.toString());
        return new PostgresLedgerUrl(role, url.host(), url.port(), url.database(), url.schema());
    }

    @Nested
    @DisplayName("the server")
    class TheServer {

        @Test
        void an_unreachable_server_is_named_with_its_host_and_port() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            PostgresLedgerUrl url = new PostgresLedgerUrl("postgres", "127.0.0.1", closedPort, "postgres", "books");
            EventStoreException refused = openingFails(url);
            assertMentions(refused.getMessage(), "Cannot reach the PostgreSQL server 127.0.0.1:" + closedPort,
                    "postgresql://postgres@127.0.0.1:" + closedPort + "/postgres?schema=books");
        }

        @Test
        void a_missing_database_is_named() {
            PostgresLedgerUrl base = TestPostgres.baseUrl();
            EventStoreException refused = openingFails(new PostgresLedgerUrl(base.user(), base.host(), base.port(),
                    "no_such_database", "books"));
            assertMentions(refused.getMessage(), "has no database 'no_such_database'");
        }

        @Test
        void a_wrong_password_is_named_and_never_shown() throws Exception {
            PostgresLedgerUrl url = asRoleWithPassword(TestPostgres.freshLedger(), "es_wrong_password", "s3cret-but-wrong");
            EventStoreException refused = openingFails(url);
            assertMentions(refused.getMessage(), "refused the password of user 'es_wrong_password'", "PGPASSWORD", "~/.pgpass");
            assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
        }

        @Test
        void the_password_is_found_in_a_pgpass_file() throws Exception {
            PostgresLedgerUrl ledger = TestPostgres.freshLedger();
            asSuperuser("GRANT USAGE ON SCHEMA " + ledger.schema() + " TO PUBLIC",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA " + ledger.schema() + " TO PUBLIC");
            PostgresLedgerUrl url = asRoleWithPassword(ledger, "es_pgpass_reader", "right-password");
            try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults(), true)) {
                assertEquals(0, store.lastPosition());
            }
        }
    }

    @Nested
    @DisplayName("the schema")
    class TheSchema {

        @Test
        void a_missing_schema_holds_no_ledger_and_init_is_suggested() {
            PostgresLedgerUrl url = TestPostgres.freshUrl();
            assertMentions(openingFails(url).getMessage(), "schema '" + url.schema() + "'", "does not exist",
                    "eventscope init --ledger " + url);
        }

        @Test
        void a_schema_with_other_tables_is_not_an_eventscope_ledger_and_init_refuses_it() throws Exception {
            PostgresLedgerUrl url = TestPostgres.freshUrl();
            asSuperuser("CREATE SCHEMA " + url.schema(), "CREATE TABLE " + url.schema() + ".invoices (id int)");
            assertMentions(openingFails(url).getMessage(), "is not an Eventscope ledger");
            EventStoreException refused = assertThrows(EventStoreException.class,
                    () -> PostgresEventStore.create(url, PostgresOptions.defaults()));
            assertMentions(refused.getMessage(), "already holds tables that are not an Eventscope ledger", "Nothing was changed");
        }

        @Test
        void a_ledger_from_a_newer_eventscope_is_refused() throws Exception {
            PostgresLedgerUrl url = TestPostgres.freshLedger();
            asSuperuser("UPDATE " + url.schema() + ".ledger_meta SET value = '99' WHERE key = 'schema_version'");
            assertMentions(openingFails(url).getMessage(), "newer Eventscope", "schema version 99");
        }

        @Test
        void a_ledger_of_schema_version_1_from_a_development_build_is_refused() throws Exception {
            PostgresLedgerUrl url = TestPostgres.freshLedger();
            asSuperuser("UPDATE " + url.schema() + ".ledger_meta SET value = '1' WHERE key = 'schema_version'");
            assertMentions(openingFails(url).getMessage(), "schema version 1", "development builds", "create the ledger anew");
        }

        @Test
        void init_refuses_a_schema_that_already_holds_a_ledger() {
            PostgresLedgerUrl url = TestPostgres.freshLedger();
            assertMentions(assertThrows(EventStoreException.class, () -> PostgresEventStore.create(url, PostgresOptions.defaults()))
                    .getMessage(), "already holds an Eventscope ledger");
        }
    }

    @Nested
    @DisplayName("permissions")
    class Permissions {

        @Test
        void a_user_without_usage_on_the_schema_is_told_so() throws Exception {
            PostgresLedgerUrl url = asRoleWithPassword(TestPostgres.freshLedger(), "es_outsider", "right-password");
            assertMentions(openingFails(url).getMessage(), "'es_outsider' lacks the permission to use the schema");
        }

        @Test
        void a_user_who_may_only_read_gets_one_sentence_when_appending_and_nothing_is_written() throws Exception {
            PostgresLedgerUrl ledger = TestPostgres.freshLedger();
            PostgresLedgerUrl url = asRoleWithPassword(ledger, "es_auditor", "right-password");
            asSuperuser("GRANT USAGE ON SCHEMA " + ledger.schema() + " TO es_auditor",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA " + ledger.schema() + " TO es_auditor");
            try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults(), false)) {
                EventStoreException refused = assertThrows(EventStoreException.class, () -> store.append(
                        StreamId.of("ledger"), ExpectedVersion.ANY,
                        List.of(new NewEvent("x-1", "Something", 1, "{}", EventMetadata.by("eve")))));
                assertMentions(refused.getMessage(), "Could not append to the ledger", "'es_auditor' lacks the permission",
                        "Nothing was written");
                assertEquals(0, store.lastPosition());
            }
        }
    }
}

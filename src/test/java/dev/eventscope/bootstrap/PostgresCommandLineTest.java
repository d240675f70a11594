package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --ledger postgresql://...} on the command line, through the same store factory as {@code Main}. */
class PostgresCommandLineTest {

    @TempDir
    Path folder;

    private static TestBootstrap.Run run(String... args) {
        return TestBootstrap.run(args);
    }

    @Test
    @DisplayName("given a new schema, when init, import, balance and verify name it, then they work on the server ledger")
    void init_then_import_balance_and_verify_a_postgres_ledger() throws Exception {
        String url = TestPostgres.freshUrl().toString();
        TestBootstrap.Run created = run("init", "--ledger", url);
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("Created the ledger " + url + ".\n", created.out());

        TestBootstrap.Run again = run("init", "--ledger", url);
        assertEquals(2, again.exitCode());
        assertMentions(again.err(), "already holds an Eventscope ledger");
        assertFalse(again.err().contains("Exception"), again.err());

        Path journal = folder.resolve("shop.journal");
        Files.writeString(journal, """
                2025-01-02 * Opening
                    assets:bank        1,000.00 EUR
                    equity:opening
                2025-01-10 Sale
                    assets:bank          250.00 EUR
                    income:sales
                """);
        TestBootstrap.Run imported = run("import", journal.toString(), "--ledger", url, "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        TestBootstrap.Run balance = run("balance", "--ledger", url, "--format", "csv");
        assertEquals(0, balance.exitCode(), balance.err());
        assertMentions(balance.out(), "assets:bank,EUR,1250", "income:sales,EUR,-250");
        TestBootstrap.Run verified = run("verify", "--ledger", url);
        assertEquals(0, verified.exitCode(), verified.err());
        assertMentions(verified.out(), "intact through position");

        TestBootstrap.Run state = run("state", "--ledger", url, "--stream", "account-assets:bank");
        assertEquals(0, state.exitCode(), state.err());
        assertMentions(state.out(), "Stream:   account-assets:bank", "1250");
    }

    @Test
    @DisplayName("given events recorded under another user than the login, when verify runs, then it names them;"
            + " a ledger made before logins were kept says so until its owner grants the roles")
    void verify_names_the_logins_the_server_kept() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshUrl();
        String login = url.effectiveUser();
        assertEquals(0, run("init", "--ledger", url.toString()).exitCode());
        Path journal = folder.resolve("shop.journal");
        Files.writeString(journal, """
                2025-01-02 * Opening
                    assets:bank        1,000.00 EUR
                    equity:opening
                """);
        assertEquals(0, run("import", journal.toString(), "--ledger", url.toString(), "--user", "alice").exitCode());
        TestBootstrap.Run verified = run("verify", "--ledger", url.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        assertMentions(verified.out(), " were recorded under another user than the PostgreSQL login that wrote them",
                "login '" + login + "' wrote ", " as 'alice' (#1 to #");

        // the same ledger as one made before logins were kept
        try (java.sql.Connection admin = TestPostgres.admin(); java.sql.Statement statement = admin.createStatement()) {
            statement.execute("ALTER TABLE " + url.schema() + ".events DROP COLUMN login_role");
        }
        TestBootstrap.Run old = run("verify", "--ledger", url.toString());
        assertEquals(0, old.exitCode(), old.err());
        assertMentions(old.out(), "does not keep the PostgreSQL login that wrote each event", "eventscope init --grant-roles");
        TestBootstrap.Run granted = run("init", "--ledger", url.toString(), "--grant-roles");
        assertEquals(0, granted.exitCode(), granted.err());
        assertMentions(granted.out(), "exists already; its events are left as they are", "Created the roles",
                "keeps the PostgreSQL login that writes each new event");
        TestBootstrap.Run upgraded = run("verify", "--ledger", url.toString());
        assertEquals(0, upgraded.exitCode(), upgraded.err());
        assertMentions(upgraded.out(), "Logins: every event was recorded under the name of the PostgreSQL login that wrote it (",
                " events written before logins were kept have none)");
        TestBootstrap.Run plainInitAgain = run("init", "--ledger", url.toString());
        assertEquals(2, plainInitAgain.exitCode());
        assertMentions(plainInitAgain.err(), "already holds an Eventscope ledger");
    }

    @Test
    void init_with_grant_roles_creates_the_writer_and_auditor_roles() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshUrl();
        TestBootstrap.Run created = run("init", "--ledger", url.toString(), "--grant-roles");
        assertEquals(0, created.exitCode(), created.err());
        assertMentions(created.out(), "Created the roles " + url.schema() + "_writer (may append) and "
                + url.schema() + "_auditor (may only read)");
        try (java.sql.Connection admin = TestPostgres.admin();
             java.sql.ResultSet row = admin.createStatement().executeQuery("SELECT has_table_privilege('" + url.schema()
                     + "_auditor', '" + url.schema() + ".events', 'SELECT'), has_table_privilege('" + url.schema()
                     + "_auditor', '" + url.schema() + ".events', 'INSERT'), has_column_privilege('" + url.schema()
                     + "_writer', '" + url.schema() + ".events', 'user_name', 'INSERT') AND NOT has_column_privilege('"
                     + url.schema() + "_writer', '" + url.schema() + ".events', 'login_role', 'INSERT'), has_table_privilege('" + url.schema()
                     + "_writer', '" + url.schema() + ".events', 'UPDATE')")) {
            assertTrue(row.next());
            assertEquals(List.of(true, false, true, false),
                    List.of(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4)));
        }
        Path file = folder.resolve("roles.ledger");
        TestBootstrap.Run onAFile = run("init", "--ledger", file.toString(), "--grant-roles");
        assertEquals(2, onAFile.exitCode());
        assertMentions(onAFile.err(), "Only a PostgreSQL ledger has writer and auditor roles", "Nothing was created");
        assertFalse(Files.exists(file));
    }

    @Test
    @DisplayName("given a SQLite ledger, when it is copied to a new PostgreSQL ledger, then both verify to the same head hash")
    void copy_moves_a_sqlite_ledger_to_the_server() throws Exception {
        Path journal = folder.resolve("shop.journal");
        Files.writeString(journal, """
                2025-01-02 * Opening
                    assets:bank        1,000.00 EUR
                    equity:opening
                """);
        Path file = folder.resolve("shop.ledger");
        assertEquals(0, run("import", journal.toString(), "--ledger", file.toString()).exitCode());
        String url = TestPostgres.freshUrl().toString();
        assertEquals(0, run("init", "--ledger", url).exitCode());

        TestBootstrap.Run copied = run("copy", "--from", file.toString(), "--to", url);
        assertEquals(0, copied.exitCode(), copied.err());
        String heads = folder.resolve("heads").toString();
        String sqliteHead = run("verify", "--ledger", file.toString(), "--heads-dir", heads).out().lines().findFirst().orElse("");
        assertMentions(copied.out(), "Copied 7 events from " + file + " to " + url, sqliteHead);
        assertEquals(sqliteHead, run("verify", "--ledger", url, "--heads-dir", heads).out().lines().findFirst().orElse(""));
        assertMentions(run("balance", "--ledger", url, "--format", "csv").out(), "assets:bank,EUR,1000");

        TestBootstrap.Run again = run("copy", "--from", file.toString(), "--to", url);
        assertEquals(2, again.exitCode());
        assertMentions(again.err(), "already holds events", "Nothing was copied");
        Path back = folder.resolve("back.ledger");
        TestBootstrap.Run toAFile = run("copy", "--from", url, "--to", back.toString());
        assertEquals(0, toAFile.exitCode(), toAFile.err());
        assertMentions(toAFile.out(), "Copied 7 events from " + url + " to " + back, sqliteHead,
                "The PostgreSQL logins that wrote the events were not copied (a ledger file has no logins)");
        assertFalse(copied.out().contains("logins"), copied.out());
        assertEquals(sqliteHead, run("verify", "--ledger", back.toString(), "--heads-dir", heads).out().lines().findFirst()
                .orElse(""));
        TestBootstrap.Run intoTheCopy = run("copy", "--from", url, "--to", back.toString());
        assertEquals(2, intoTheCopy.exitCode());
        assertMentions(intoTheCopy.err(), "already holds events", "Nothing was copied");
        assertEquals(0, run("verify", "--ledger", back.toString(), "--heads-dir", heads).exitCode());
    }

    @Test
    void a_copy_into_a_new_file_that_fails_leaves_no_file_behind() {
        Path missingSource = folder.resolve("nothing.ledger");
        Path target = folder.resolve("copy.ledger");
        TestBootstrap.Run refused = run("copy", "--from", missingSource.toString(), "--to", target.toString());
        assertEquals(2, refused.exitCode());
        assertMentions(refused.err(), "There is no ledger file at " + missingSource);
        assertFalse(Files.exists(target));

        Path tampered = folder.resolve("tampered.ledger");
        Path journal = folder.resolve("shop.journal");
        try {
            Files.writeString(journal, "2025-01-02 * Opening\n    assets:bank        1,000.00 EUR\n    equity:opening\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(0, run("import", journal.toString(), "--ledger", tampered.toString()).exitCode());
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tampered);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = '{}' WHERE position = 1");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        TestBootstrap.Run broken = run("copy", "--from", tampered.toString(), "--to", target.toString());
        assertEquals(2, broken.exitCode(), broken.err());
        assertMentions(broken.err(), "is not intact at position 1", "Nothing was copied");
        assertFalse(Files.exists(target), "no empty ledger is left under the target's name");
    }

    @Test
    void a_file_path_still_means_a_sqlite_ledger() {
        Path ledger = folder.resolve("books.ledger");
        TestBootstrap.Run created = run("init", "--ledger", ledger.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(Files.isRegularFile(ledger));
        assertEquals(0, run("verify", "--ledger", ledger.toString()).exitCode());
        TestBootstrap.Run again = run("init", "--ledger", ledger.toString());
        assertEquals(2, again.exitCode());
        assertMentions(again.err(), "There is already a file at " + ledger);
    }

    @Test
    void an_unreachable_server_is_one_sentence_and_exit_code_2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PostgresLedgerUrl url = new PostgresLedgerUrl("postgres", "127.0.0.1", closedPort, "postgres", "books");
        TestBootstrap.Run run = run("verify", "--ledger", url.toString());
        assertEquals(2, run.exitCode());
        assertMentions(run.err(), "Cannot reach the PostgreSQL server 127.0.0.1:" + closedPort);
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}

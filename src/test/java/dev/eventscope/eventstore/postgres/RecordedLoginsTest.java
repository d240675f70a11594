package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedLogins;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20: the user recorded on an event is the client's choice (and part of the hash), so a writer could record
 * another person's name; the server keeps the login that wrote each event ({@code login_role}), which the writer
 * role cannot set, and {@link PostgresEventStore#recordedLogins} names the events recorded under another user.
 */
class RecordedLoginsTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");

    @TempDir
    Path folder;

    private PostgresLedgerUrl ledger;

    @BeforeEach
    void ledgerWithRolesAndAClerk() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(),
                "logins with passwords are set up on the embedded server and where " + TestPostgres.PASSWORD_RULES_VARIABLE + "=1 says the external server has them");
        ledger = TestPostgres.freshLedger();
        List<String> roles = PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS es_logclerk");
            statement.execute("CREATE ROLE es_logclerk LOGIN PASSWORD 'logclerk-password' IN ROLE " + roles.get(0));
        }
        Path pgpass = folder.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:es_logclerk:logclerk-password\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    }

    @AfterEach
    void forgetThePasswordFile() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    private PostgresLedgerUrl clerk() {
        return new PostgresLedgerUrl("es_logclerk", ledger.host(), ledger.port(), ledger.database(), ledger.schema());
    }

    private static NewEvent event(String id, String user) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by(user));
    }

    @Test
    @DisplayName("given a writer that records another person's name, then the login the server kept names it")
    void a_writer_recording_another_user_s_name_is_named_by_the_login_the_server_kept() throws Exception {
        try (PostgresEventStore store = PostgresEventStore.open(clerk(), PostgresOptions.defaults(), false)) {
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("c-1", "es_logclerk")));
            // every path an append takes: the one-event statement, several events, append_events, the bulk's COPY
            store.append(CASH, ExpectedVersion.exactly(1), List.of(event("c-2", "alice")));
            store.append(CASH, ExpectedVersion.exactly(2), List.of(event("c-3", "alice"), event("c-4", "alice")));
            StreamId sales = StreamId.of("income-sales");
            store.appendAll(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(4), List.of(event("c-5", "bob"))),
                    new StreamAppend(sales, ExpectedVersion.NO_STREAM, List.of(event("s-1", "es_logclerk")))));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(sales, ExpectedVersion.exactly(1), List.of(event("s-2", "alice")))));
                bulk.commit();
            }
            RecordedLogins logins = store.recordedLogins(store.lastPosition()).orElseThrow();
            assertEquals(new RecordedLogins(true, 0, List.of(
                    new RecordedLogins.Elsewhere("es_logclerk", "alice", 4, 2, 7),
                    new RecordedLogins.Elsewhere("es_logclerk", "bob", 1, 5, 5)), 2), logins);
            // through a position: only the events up to it
            assertEquals(new RecordedLogins(true, 0, List.of(new RecordedLogins.Elsewhere("es_logclerk", "alice", 1, 2, 2)), 1),
                    store.recordedLogins(2).orElseThrow());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    @DisplayName("given the writer role, then an insert that names the login column is refused by the server")
    void the_writer_role_cannot_set_the_login_column() throws Exception {
        try (Connection clerk = connect("es_logclerk", "logclerk-password"); Statement statement = clerk.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO " + ledger.schema()
                    + ".events (login_role) VALUES ('alice')"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    @DisplayName("given a ledger made before logins were kept, then it says so, and the owner's grant keeps them from then on")
    void a_ledger_made_before_logins_were_kept_is_upgraded_by_its_owner_s_grant() throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            // a ledger of before this session: no column, and the writer's INSERT on the whole table
            statement.execute("ALTER TABLE " + ledger.schema() + ".events DROP COLUMN login_role");
            statement.execute("GRANT INSERT ON " + ledger.schema() + ".events TO " + ledger.schema() + "_writer");
        }
        try (PostgresEventStore store = PostgresEventStore.open(clerk(), PostgresOptions.defaults(), false)) {
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("c-1", "alice")));
            assertEquals(RecordedLogins.notKept(), store.recordedLogins(1).orElseThrow());
        }
        PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        try (PostgresEventStore store = PostgresEventStore.open(clerk(), PostgresOptions.defaults(), false)) {
            store.append(CASH, ExpectedVersion.exactly(1), List.of(event("c-2", "alice")));
            assertEquals(new RecordedLogins(true, 1, List.of(new RecordedLogins.Elsewhere("es_logclerk", "alice", 1, 2, 2)), 1),
                    store.recordedLogins(2).orElseThrow());
            assertTrue(store.verify().intact());
        }
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT has_column_privilege('" + ledger.schema() + "_writer', '"
                     + ledger.schema() + ".events', 'login_role', 'INSERT'), has_column_privilege('" + ledger.schema()
                     + "_writer', '" + ledger.schema() + ".events', 'user_name', 'INSERT')")) {
            assertTrue(row.next());
            assertEquals(List.of(false, true), List.of(row.getBoolean(1), row.getBoolean(2)));
        }
    }

    @Test
    @DisplayName("given more pairs than are shown and rows of before logins were kept, then all are counted in one pass")
    void more_pairs_than_shown_and_rows_without_a_login_are_all_counted() throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER TABLE " + ledger.schema() + ".events DROP COLUMN login_role");
            statement.execute("GRANT INSERT ON " + ledger.schema() + ".events TO " + ledger.schema() + "_writer");
        }
        try (PostgresEventStore store = PostgresEventStore.open(clerk(), PostgresOptions.defaults(), false)) {
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("c-1", "alice"), event("c-2", "es_logclerk")));
            store.append(CASH, ExpectedVersion.exactly(2), List.of(event("c-3", "bob")));
        }
        PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        int others = RecordedLogins.SHOWN + 2;
        try (PostgresEventStore store = PostgresEventStore.open(clerk(), PostgresOptions.defaults(), false)) {
            for (int i = 0; i < others; i++) {
                // each user twice, and the clerk's own name between them (not counted)
                store.append(CASH, ExpectedVersion.exactly(3 + 3L * i), List.of(event("u-" + i, "user-" + i),
                        event("o-" + i, "es_logclerk"), event("v-" + i, "user-" + i)));
            }
            RecordedLogins logins = store.recordedLogins(store.lastPosition()).orElseThrow();
            assertEquals(3, logins.withoutLogin(), logins.toString());
            assertEquals(others, logins.pairs(), logins.toString());
            assertEquals(RecordedLogins.SHOWN, logins.elsewhere().size(), logins.toString());
            for (int i = 0; i < RecordedLogins.SHOWN; i++) {
                assertEquals(new RecordedLogins.Elsewhere("es_logclerk", "user-" + i, 2, 4 + 3L * i, 6 + 3L * i),
                        logins.elsewhere().get(i));
            }
            // through the rows without a login only: none elsewhere
            assertEquals(new RecordedLogins(true, 3, List.of(), 0), store.recordedLogins(3).orElseThrow());
            // through nothing
            assertEquals(new RecordedLogins(true, 0, List.of(), 0), store.recordedLogins(0).orElseThrow());
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(ledger.jdbcUrl(), properties);
    }
}

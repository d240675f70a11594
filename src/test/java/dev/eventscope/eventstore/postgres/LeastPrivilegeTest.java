package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.Snapshot;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's writer and auditor roles: a writer's login appends and snapshots but cannot change an
 * event even with the triggers out of the way; an auditor's login reads, verifies and listens, and
 * its write attempt is refused by the server with one sentence, whatever Eventscope does.
 */
class LeastPrivilegeTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");

    @TempDir
    Path folder;

    private PostgresLedgerUrl ledger;

    @BeforeEach
    void ledgerWithRolesAndTwoLogins() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(),
                "logins with passwords are set up on the embedded server and where " + TestPostgres.PASSWORD_RULES_VARIABLE + "=1 says the external server has them");
        ledger = TestPostgres.freshLedger();
        List<String> roles = PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        assertEquals(List.of(ledger.schema() + "_writer", ledger.schema() + "_auditor"), roles);
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS es_clerk");
            statement.execute("DROP ROLE IF EXISTS es_viewer");
            statement.execute("CREATE ROLE es_clerk LOGIN PASSWORD 'clerk-password' IN ROLE " + roles.get(0));
            statement.execute("CREATE ROLE es_viewer LOGIN PASSWORD 'viewer-password' IN ROLE " + roles.get(1));
        }
        Path pgpass = folder.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:es_clerk:clerk-password\n*:*:*:es_viewer:viewer-password\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    }

    @AfterEach
    void forgetThePasswordFile() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    private PostgresLedgerUrl as(String login) {
        return new PostgresLedgerUrl(login, ledger.host(), ledger.port(), ledger.database(), ledger.schema());
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("clerk"));
    }

    @Test
    @DisplayName("given the writer role, then appends and snapshots work and an event still cannot be changed")
    void a_writer_appends_and_snapshots_but_cannot_change_an_event() throws Exception {
        try (PostgresEventStore store = PostgresEventStore.open(as("es_clerk"), PostgresOptions.defaults(), false)) {
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("c-1"), event("c-2")));
            store.append(CASH, ExpectedVersion.exactly(2), List.of(event("c-3")));
            store.saveSnapshot(new Snapshot(CASH, 2, "AccountState", 1, "{\"v\":2}"));
            store.saveSnapshot(new Snapshot(CASH, 2, "AccountState", 1, "{\"v\":\"2 again\"}"));
            assertEquals("{\"v\":\"2 again\"}", store.loadSnapshot(CASH, 3, 1).orElseThrow().data());
            // an import's bulk (new streams made by its look-up, COPY, streams and head moved before the commit) and an
            // append to two streams at once (append_events) need no more than the writer's grants
            StreamId sales = StreamId.of("income-sales");
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(sales, ExpectedVersion.NO_STREAM, List.of(event("s-1")))));
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(3), List.of(event("c-4")))));
                bulk.commit();
            }
            store.appendAll(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(4), List.of(event("c-5"))),
                    new StreamAppend(sales, ExpectedVersion.exactly(1), List.of(event("s-2")))));
            assertEquals(7, store.lastPosition());
            assertTrue(store.verify().intact());
        }
        try (Connection clerk = connectAs("es_clerk", "clerk-password"); Statement statement = clerk.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("ALTER TABLE " + ledger.schema() + ".events DISABLE TRIGGER USER"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            SQLException noDelete = assertThrows(SQLException.class,
                    () -> statement.execute("DELETE FROM " + ledger.schema() + ".snapshots"));
            assertEquals("42501", noDelete.getSQLState(), noDelete.getMessage());
        }
    }

    @Test
    @DisplayName("given the auditor role, then reading and verifying work and an append is refused in one sentence")
    void an_auditor_reads_and_verifies_but_an_append_is_refused_by_the_server() throws Exception {
        try (PostgresEventStore writer = PostgresEventStore.open(as("es_clerk"), PostgresOptions.defaults(), false)) {
            writer.append(CASH, ExpectedVersion.NO_STREAM, List.of(event("c-1")));
        }
        // opened for writing on purpose: the server, not Eventscope, must refuse
        try (PostgresEventStore auditor = PostgresEventStore.open(as("es_viewer"), PostgresOptions.defaults(), false)) {
            assertEquals(1, auditor.lastPosition());
            assertEquals("c-1", auditor.readAt(1).orElseThrow().eventId());
            assertTrue(auditor.verify().intact());
            try (AutoCloseable listening = auditor.subscribe((from, to) -> { })) {
                EventStoreException refused = assertThrows(EventStoreException.class,
                        () -> auditor.append(CASH, ExpectedVersion.exactly(1), List.of(event("v-1"))));
                assertMentions(refused.getMessage(), "the PostgreSQL user 'es_viewer' lacks the permission", "Nothing was written");
                assertMentions(assertThrows(EventStoreException.class,
                        () -> auditor.saveSnapshot(new Snapshot(CASH, 1, "AccountState", 1, "{}"))).getMessage(),
                        "'es_viewer' lacks the permission");
            }
            assertEquals(1, auditor.lastPosition());
        }
    }

    private Connection connectAs(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(ledger.jdbcUrl(), properties);
    }
}

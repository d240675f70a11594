package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 14's adversary with a login of the writer or the auditor role (not the owner, not a superuser), trying by
 * plain SQL what the role must not do. The server refuses each (SQLSTATE 42501, or the head's trigger); what the
 * writer's grants do let through is found by verify.
 */
class PostgresRoleAttacksTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");

    private PostgresLedgerUrl ledger;

    @BeforeEach
    void ledgerWithRolesAndTwoLogins() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(), "logins with passwords are set up on the embedded server and"
                + " where " + TestPostgres.PASSWORD_RULES_VARIABLE + "=1 says the external server has them");
        ledger = TestPostgres.freshLedger();
        List<String> roles = PostgresEventStore.grantRoles(ledger, PostgresOptions.defaults());
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS es_mallory_w");
            statement.execute("DROP ROLE IF EXISTS es_mallory_a");
            statement.execute("CREATE ROLE es_mallory_w LOGIN PASSWORD 'w-password' IN ROLE " + roles.get(0));
            statement.execute("CREATE ROLE es_mallory_a LOGIN PASSWORD 'a-password' IN ROLE " + roles.get(1));
        }
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            for (int i = 1; i <= 3; i++) {
                store.append(CASH, ExpectedVersion.ANY, List.of(new NewEvent("e-" + i, "Something", 1, "{}", EventMetadata.by("alice"))));
            }
        }
    }

    @AfterEach
    void dropTheLogins() throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP OWNED BY es_mallory_w, es_mallory_a");
            statement.execute("DROP ROLE IF EXISTS es_mallory_w");
            statement.execute("DROP ROLE IF EXISTS es_mallory_a");
        }
    }

    private Connection connectAs(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(ledger.jdbcUrl(), properties);
    }

    private static void assertRefused(Statement statement, String sql, String state) {
        SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        assertEquals(state, refused.getSQLState(), sql + ": " + refused.getMessage());
    }

    private IntegrityReport verify() {
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            return store.verify();
        }
    }

    @Test
    void the_auditor_can_write_nothing_by_plain_sql() throws Exception {
        String s = ledger.schema() + ".";
        try (Connection auditor = connectAs("es_mallory_a", "a-password"); Statement statement = auditor.createStatement()) {
            assertRefused(statement, "INSERT INTO " + s + "stream_names (stream_id, category) VALUES ('x-1', 'x')", "42501");
            assertRefused(statement, "INSERT INTO " + s + "events SELECT position + 3, event_id || 'x', stream_key, version + 3,"
                    + " type, schema_version, data, user_name, correlation_id, causation_id, command_name, recorded_at,"
                    + " prev_hash, hash FROM " + s + "events", "42501");
            assertRefused(statement, "UPDATE " + s + "ledger_head SET position = position + 1", "42501");
            assertRefused(statement, "UPDATE " + s + "ledger_meta SET value = '9' WHERE key = 'schema_version'", "42501");
            assertRefused(statement, "UPDATE " + s + "snapshots SET data = '{}'", "42501");
            assertRefused(statement, "CREATE TABLE " + s + "extra (id int)", "42501");
        }
        assertTrue(verify().intact());
    }

    @Test
    void the_writer_cannot_delete_change_or_unguard_anything() throws Exception {
        String s = ledger.schema() + ".";
        try (Connection writer = connectAs("es_mallory_w", "w-password"); Statement statement = writer.createStatement()) {
            assertRefused(statement, "DELETE FROM " + s + "events WHERE position = 3", "42501");
            assertRefused(statement, "UPDATE " + s + "events SET data = '{\"x\":1}' WHERE position = 2", "42501");
            assertRefused(statement, "DROP TRIGGER events_are_immutable ON " + s + "events", "42501");
            assertRefused(statement, "ALTER TABLE " + s + "ledger_head DISABLE TRIGGER head_is_permanent", "42501");
            assertRefused(statement, "CREATE TRIGGER mine BEFORE INSERT ON " + s + "events FOR EACH ROW EXECUTE FUNCTION "
                    + s + "events_are_immutable()", "42501");
            assertRefused(statement, "CREATE OR REPLACE FUNCTION " + s + "events_are_immutable() RETURNS trigger"
                    + " LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$", "42501");
            assertRefused(statement, "DROP FUNCTION " + s + "append_events", "42501");
            assertRefused(statement, "UPDATE " + s + "ledger_meta SET value = '9' WHERE key = 'schema_version'", "42501");
            assertRefused(statement, "UPDATE " + s + "stream_names SET category = 'archive'", "42501");
            assertRefused(statement, "DELETE FROM " + s + "ledger_head", "42501");
        }
        assertTrue(verify().intact(), verify().summary());
    }

    @Test
    void a_head_the_writer_moves_back_hides_nothing_stops_appends_and_is_named_by_verify() throws Exception {
        String s = ledger.schema() + ".";
        long last;
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            last = store.lastPosition();
        }
        try (Connection writer = connectAs("es_mallory_w", "w-password"); Statement statement = writer.createStatement()) {
            // schema version 3 has no trigger against it (docs/postgresql.md, "Schema version 3"): the server lets it through
            statement.execute("UPDATE " + s + "ledger_head SET position = position - 2");
        }
        IntegrityReport report = verify();
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind(), report.summary());
        assertMentions(report.summary(), "position " + (last - 2), "intact to position " + last, "moved back");
        try (PostgresEventStore store = PostgresEventStore.open(ledger)) {
            assertEquals(last, store.lastPosition(), "readers still see every event");
            assertMentions(assertThrows(EventStoreException.class, () -> store.append(
                    StreamId.of("account-assets:cash"), ExpectedVersion.ANY,
                    List.of(new NewEvent("after-the-move", "Something", 1, "{}",
                            EventMetadata.by("alice"))))).getMessage(), "moved back", "Nothing was written");
            assertEquals(last, store.lastPosition());
        }
    }

    @Test
    void what_the_writers_grants_let_through_outside_eventscope_is_found_by_verify() throws Exception {
        String s = ledger.schema() + ".";
        try (Connection writer = connectAs("es_mallory_w", "w-password"); Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO " + s + "stream_names (stream_id, category) VALUES ('account-assets:hidden', 'account')");
        }
        IntegrityReport report = verify();
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertMentions(report.summary(), "account-assets:hidden", "without any event");

        try (Connection writer = connectAs("es_mallory_w", "w-password"); Statement statement = writer.createStatement()) {
            statement.execute("DELETE FROM " + s + "stream_names WHERE stream_id = 'account-assets:hidden'");
        } catch (SQLException refused) {
            assertEquals("42501", refused.getSQLState(), "the writer cannot take it back either");
        }
        try (Connection writer = connectAs("es_mallory_w", "w-password"); Statement statement = writer.createStatement()) {
            // a head moved forward past the last event (the writer may move it: every append does)
            statement.execute("UPDATE " + s + "ledger_head SET position = position + 2");
        }
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DELETE FROM " + s + "stream_names WHERE stream_id = 'account-assets:hidden'");
        }
        IntegrityReport moved = verify();
        assertFalse(moved.intact());
        assertEquals(Tampering.REMOVED, moved.kind(), moved.summary());
        assertEquals(4, moved.firstBadPosition(), moved.summary());
    }
}

package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 14's adversary against a PostgreSQL ledger: a superuser who changes what sits beside the hash chain and
 * leaves the chain itself intact. Session 13 found each of these verified intact in a SQLite file; the PostgreSQL
 * store's verify asked none of them before.
 */
class PostgresAdversaryTrialTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");
    private static final StreamId SALES = StreamId.of("income-sales");

    private PostgresLedgerUrl url;

    @BeforeEach
    void ledgerWithTwoStreams() throws Exception {
        url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            for (int i = 1; i <= 4; i++) {
                store.append(i % 2 == 0 ? CASH : SALES, ExpectedVersion.ANY, List.of(new NewEvent("event-" + i, "Something", 1,
                        "{\"n\":" + i + "}", EventMetadata.by("alice"))));
            }
        }
    }

    private void asSuperuser(String... statements) throws SQLException {
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql.replace("$S", url.schema()));
            }
        }
    }

    /** The summary of verify after the statements; the chain holds, so the edit beside it must be named. */
    private String besideAnIntactChainAfter(String... statements) throws SQLException {
        asSuperuser(statements);
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            IntegrityReport report = store.verify();
            assertFalse(report.intact(), report.summary());
            assertEquals(Tampering.METADATA, report.kind(), report.summary());
            assertEquals(4, report.lastPosition());
            return report.summary();
        }
    }

    @Test
    void an_untouched_ledger_is_intact() {
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            assertTrue(store.verify().intact(), store.verify().summary());
        }
    }

    @Test
    void a_disabled_guarding_trigger_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("ALTER TABLE $S.events DISABLE TRIGGER events_are_immutable"),
                "events_are_immutable", "disabled");
    }

    @Test
    void a_dropped_guarding_trigger_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("DROP TRIGGER head_is_permanent ON $S.ledger_head"),
                "head_is_permanent", "dropped");
    }

    @Test
    void a_guard_function_replaced_by_one_that_lets_everything_through_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("CREATE OR REPLACE FUNCTION $S.events_are_immutable() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$"), "events_are_immutable", "replaced by", "RETURN OLD");
    }

    @Test
    void a_trigger_eventscope_never_writes_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("CREATE TRIGGER refile BEFORE INSERT ON $S.stream_names FOR EACH ROW"
                + " EXECUTE FUNCTION $S.events_are_immutable()"), "never writes", "refile");
    }

    @Test
    void an_edited_stream_category_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("UPDATE $S.stream_names SET category = 'archive'"
                + " WHERE stream_id = 'account-assets:cash'"), "account-assets:cash", "archive");
    }

    @Test
    void a_stream_recorded_without_any_event_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("INSERT INTO $S.stream_names (stream_id, category)"
                + " VALUES ('account-assets:hidden', 'account')"), "account-assets:hidden", "without any event");
    }

    @Test
    void a_deleted_head_row_is_named_and_the_next_append_writes_nothing() throws Exception {
        assertMentions(besideAnIntactChainAfter("ALTER TABLE $S.ledger_head DISABLE TRIGGER head_is_permanent",
                "DELETE FROM $S.ledger_head", "ALTER TABLE $S.ledger_head ENABLE TRIGGER head_is_permanent"),
                "ledger_head holds no head row");
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            assertThrows(EventStoreException.class, () -> store.append(CASH, ExpectedVersion.ANY,
                    List.of(new NewEvent("event-5", "Something", 1, "{}", EventMetadata.by("alice")))));
            assertEquals(4, store.lastPosition());
        }
        // nothing was written (readers find the last position from the events, so they still see all four)
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement();
             java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM " + url.schema() + ".events")) {
            assertTrue(count.next());
            assertEquals(4, count.getLong(1));
        }
    }

    @Test
    void a_schema_version_that_is_not_a_number_is_refused_in_one_sentence_naming_it() throws Exception {
        asSuperuser("UPDATE $S.ledger_meta SET value = 'two' WHERE key = 'schema_version'");
        EventStoreException refused = assertThrows(EventStoreException.class, () -> PostgresEventStore.open(url).close());
        assertMentions(refused.getMessage(), url.schema(), "schema version 'two'", "not one Eventscope ever wrote");
    }

    @Test
    void a_newer_schema_version_is_refused_and_nothing_is_written() throws Exception {
        asSuperuser("UPDATE $S.ledger_meta SET value = '9' WHERE key = 'schema_version'");
        assertMentions(assertThrows(EventStoreException.class, () -> PostgresEventStore.open(url).close()).getMessage(),
                "newer Eventscope", "version 9");
        asSuperuser("UPDATE $S.ledger_meta SET value = '" + PostgresSchema.CURRENT_VERSION + "' WHERE key = 'schema_version'");
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            assertEquals(4, store.lastPosition());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void a_password_given_as_a_url_parameter_is_refused_without_being_echoed() {
        EventStoreException refused = assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://u@localhost/db?schema=books&password=hunter2"));
        assertMentions(refused.getMessage(), "'password'", "schema=books", "password=***");
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }
}

package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.IdempotentRetry;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the PostgreSQL ledger's tables enforce themselves, and what verify finds when a superuser goes around them. */
class PostgresLedgerRulesTest {

    private static final StreamId CASH = StreamId.of("account-assets:cash");

    private PostgresLedgerUrl url;

    @BeforeEach
    void ledgerWithTenEvents() throws Exception {
        url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            for (int i = 1; i <= 10; i++) {
                store.append(CASH, ExpectedVersion.ANY, List.of(new NewEvent("event-" + i, "Something", 1,
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

    private IntegrityReport verify() {
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            return store.verify();
        }
    }

    @Nested
    @DisplayName("the triggers keep events immutable")
    class Immutability {

        @Test
        void an_update_is_refused_even_for_the_superuser() {
            SQLException refused = assertThrows(SQLException.class,
                    () -> asSuperuser("UPDATE $S.events SET data = '{}' WHERE position = 3"));
            assertMentions(refused.getMessage(), "events are immutable", "changed");
        }

        @Test
        void a_delete_and_a_truncate_are_refused() {
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("DELETE FROM $S.events WHERE position = 10"))
                    .getMessage(), "events are immutable", "deleted");
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("TRUNCATE $S.events CASCADE"))
                    .getMessage(), "events are immutable");
            assertTrue(verify().intact());
            assertEquals(10, verify().lastPosition());
        }

        @Test
        void the_head_stays_one_row_with_id_1() {
            for (String sql : List.of("UPDATE $S.ledger_head SET id = 2", "INSERT INTO $S.ledger_head (id, position, hash, recorded_at,"
                    + " prev_hash) SELECT 2, position, hash, recorded_at, prev_hash FROM $S.ledger_head")) {
                assertMentions(assertThrows(SQLException.class, () -> asSuperuser(sql)).getMessage(), "ledger_head_id");
            }
            assertTrue(verify().intact());
            assertEquals(10, verify().lastPosition());
        }

        @Test
        void the_head_cannot_be_removed() throws Exception {
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("DELETE FROM $S.ledger_head"))
                    .getMessage(), "immutable");
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("TRUNCATE $S.ledger_head"))
                    .getMessage(), "immutable");
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertEquals(10, store.lastPosition());
                assertTrue(store.verify().intact());
            }
        }
    }

    @Nested
    @DisplayName("given a head moved back outside Eventscope (schema version 3 has no trigger against it)")
    class HeadMovedBack {

        private static final StreamId BANK = StreamId.of("account-assets:bank");

        @BeforeEach
        void moveTheHeadBack() throws SQLException {
            asSuperuser("UPDATE $S.ledger_head SET position = 3, recorded_at = 0");
        }

        private NewEvent event(String id) {
            return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("alice"));
        }

        private void assertRefusedNamingTheHead(org.junit.jupiter.api.function.Executable append) {
            assertMentions(assertThrows(dev.eventscope.eventstore.EventStoreException.class, append).getMessage(),
                    url.schema(), "head at position 3", "go on to position 10", "moved back", "Nothing was written");
        }

        @Test
        void readers_still_see_every_event() {
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertEquals(10, store.lastPosition());
                List<RecordedEvent> all = new ArrayList<>();
                try (dev.eventscope.eventstore.EventCursor cursor = store.readAll(0)) {
                    cursor.forEachRemaining(all::add);
                }
                assertEquals(10, all.size());
            }
        }

        @Test
        void every_kind_of_append_is_refused_naming_both_positions_and_writes_nothing() throws Exception {
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                // one event at the exact version (the one-event statement), at any version (the general statement), to a
                // new stream, two streams at once (append_events), and a bulk
                assertRefusedNamingTheHead(() -> store.append(CASH, ExpectedVersion.exactly(10), List.of(event("e-11"))));
                assertRefusedNamingTheHead(() -> store.append(CASH, ExpectedVersion.ANY, List.of(event("e-12"), event("e-13"))));
                assertRefusedNamingTheHead(() -> store.append(BANK, ExpectedVersion.NO_STREAM, List.of(event("e-14"))));
                assertRefusedNamingTheHead(() -> store.appendAll(List.of(
                        new dev.eventscope.eventstore.StreamAppend(CASH, ExpectedVersion.exactly(10), List.of(event("e-15"))),
                        new dev.eventscope.eventstore.StreamAppend(BANK, ExpectedVersion.NO_STREAM, List.of(event("e-16"))))));
                assertRefusedNamingTheHead(() -> {
                    try (dev.eventscope.eventstore.BulkAppend bulk = store.beginBulkAppend()) {
                        bulk.append(List.of(new dev.eventscope.eventstore.StreamAppend(BANK, ExpectedVersion.NO_STREAM,
                                List.of(event("e-17")))));
                        bulk.commit();
                    }
                });
                assertEquals(10, store.lastPosition());
            }
            try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM " + url.schema() + ".events),"
                         + " (SELECT count(*) FROM " + url.schema() + ".stream_names)")) {
                assertTrue(rows.next());
                assertEquals(10, rows.getLong(1));
                assertEquals(1, rows.getLong(2), "no stream was made");
            }
        }

        @Test
        void verify_names_the_head_beside_an_intact_chain_and_appends_go_on_once_it_is_put_back() throws Exception {
            IntegrityReport report = verify();
            assertFalse(report.intact());
            assertEquals(Tampering.METADATA, report.kind(), report.summary());
            assertEquals(10, report.lastPosition());
            assertMentions(report.summary(), "ledger_head", "position 3", "intact to position 10", "moved back");
            asSuperuser("UPDATE $S.ledger_head h SET position = e.position, hash = e.hash, recorded_at = e.recorded_at"
                    + " FROM $S.events e WHERE e.position = 10");
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                store.append(CASH, ExpectedVersion.exactly(10), List.of(event("e-11")));
                assertEquals(11, store.lastPosition());
                assertTrue(store.verify().intact(), store.verify().summary());
            }
        }

        @Test
        void events_after_it_that_do_not_chain_on_are_still_named_inserted() throws Exception {
            asSuperuser("UPDATE $S.ledger_head SET position = 10",
                    "INSERT INTO $S.events (position, event_id, stream_key, version, type, schema_version, data, user_name,"
                    + " recorded_at, prev_hash, hash) SELECT 11, 'forged', stream_key, 11, type, 1, '{}', 'mallory', recorded_at,"
                    + " hash, hash FROM $S.events WHERE position = 10", "UPDATE $S.ledger_head SET position = 9");
            IntegrityReport report = verify();
            assertFalse(report.intact());
            assertEquals(Tampering.INSERTED, report.kind(), report.summary());
            assertEquals(10, report.firstBadPosition());
        }
    }

    @Nested
    @DisplayName("given a ledger of schema version 2, which has the head's forward-only trigger")
    class SchemaVersion2 {

        @BeforeEach
        void asVersion2() throws SQLException {
            asSuperuser(PostgresSchema.legacyHeadGuard("$S."), "CREATE TRIGGER head_moves_forward AFTER UPDATE ON $S.ledger_head"
                    + " FOR EACH ROW WHEN (NEW.position < OLD.position OR NEW.recorded_at < OLD.recorded_at)"
                    + " EXECUTE FUNCTION $S.head_moves_forward()",
                    "UPDATE $S.ledger_meta SET value = '2' WHERE key IN ('schema_version', 'created_with_schema')");
        }

        @Test
        void it_opens_verifies_and_appends_and_its_trigger_still_refuses_moving_the_head_back() throws Exception {
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertTrue(store.verify().intact(), store.verify().summary());
                store.append(CASH, ExpectedVersion.exactly(10), List.of(new NewEvent("event-11", "Something", 1, "{}",
                        EventMetadata.by("alice"))));
                assertEquals(11, store.lastPosition());
            }
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("UPDATE $S.ledger_head SET position = 3"))
                    .getMessage(), "the ledger head only moves forward");
            assertTrue(verify().intact());
        }

        @Test
        void its_owners_grant_roles_brings_it_to_version_3_once() throws Exception {
            List<String> first = PostgresEventStore.grantRoles(url, PostgresOptions.defaults());
            assertEquals(3, first.size(), first.toString());
            assertMentions(first.get(2), "schema version 2 to 3");
            assertEquals(2, PostgresEventStore.grantRoles(url, PostgresOptions.defaults()).size(), "nothing left to bring");
            try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT (SELECT value FROM " + url.schema() + ".ledger_meta WHERE key ="
                         + " 'schema_version'), (SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c"
                         + " ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                         + url.schema() + "' AND t.tgname = 'head_moves_forward')")) {
                assertTrue(rows.next());
                assertEquals("3", rows.getString(1));
                assertEquals(0, rows.getLong(2));
            }
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertTrue(store.verify().intact(), store.verify().summary());
                store.append(CASH, ExpectedVersion.exactly(10), List.of(new NewEvent("event-11", "Something", 1, "{}",
                        EventMetadata.by("alice"))));
            }
            // now as any version-3 ledger: a head moved back is let through, stops appends with the new function's sentence
            asSuperuser("UPDATE $S.ledger_head SET position = 5");
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertMentions(assertThrows(dev.eventscope.eventstore.EventStoreException.class, () -> store.appendAll(List.of(
                        new dev.eventscope.eventstore.StreamAppend(CASH, ExpectedVersion.exactly(11), List.of(new NewEvent(
                                "event-12", "Something", 1, "{}", EventMetadata.by("alice")))),
                        new dev.eventscope.eventstore.StreamAppend(StreamId.of("account-assets:bank"), ExpectedVersion.NO_STREAM,
                                List.of(new NewEvent("event-13", "Something", 1, "{}", EventMetadata.by("alice"))))))).getMessage(),
                        "head at position 5", "go on to position 11", "moved back");
            }
            assertEquals(Tampering.METADATA, verify().kind());
        }

        @Test
        void its_version_edited_to_3_with_the_trigger_kept_is_named() throws Exception {
            asSuperuser("UPDATE $S.ledger_meta SET value = '3' WHERE key = 'schema_version'");
            IntegrityReport report = verify();
            assertEquals(Tampering.METADATA, report.kind(), report.summary());
            assertMentions(report.summary(), "never writes", "head_moves_forward");
        }

        @Test
        void verify_names_its_head_trigger_dropped() throws Exception {
            asSuperuser("DROP TRIGGER head_moves_forward ON $S.ledger_head");
            IntegrityReport report = verify();
            assertEquals(Tampering.METADATA, report.kind(), report.summary());
            assertMentions(report.summary(), "head_moves_forward", "dropped");
        }
    }

    @Nested
    @DisplayName("given a superuser who disables the triggers, verify names what was done")
    class Tampering_ {

        @Test
        void changed_data_is_altered_at_its_position() throws Exception {
            asSuperuser("ALTER TABLE $S.events DISABLE TRIGGER USER", "UPDATE $S.events SET data = '{\"n\":999}' WHERE position = 7");
            IntegrityReport report = verify();
            assertFalse(report.intact());
            assertEquals(7, report.firstBadPosition());
            assertEquals(Tampering.ALTERED, report.kind());
            assertEquals(6, report.lastPosition());
        }

        @Test
        void a_deleted_row_is_removed_at_its_position() throws Exception {
            asSuperuser("ALTER TABLE $S.events DISABLE TRIGGER USER", "DELETE FROM $S.events WHERE position = 4");
            IntegrityReport report = verify();
            assertEquals(4, report.firstBadPosition());
            assertEquals(Tampering.REMOVED, report.kind());
        }

        @Test
        void a_deleted_last_row_is_removed_because_the_head_remembers_it() throws Exception {
            asSuperuser("ALTER TABLE $S.events DISABLE TRIGGER USER", "DELETE FROM $S.events WHERE position = 10");
            IntegrityReport report = verify();
            assertEquals(10, report.firstBadPosition());
            assertEquals(Tampering.REMOVED, report.kind());
        }

        @Test
        void a_row_added_beyond_the_head_is_inserted() throws Exception {
            asSuperuser("INSERT INTO $S.events (position, event_id, stream_key, version, type, schema_version, data, user_name,"
                    + " recorded_at, prev_hash, hash) SELECT 11, 'forged', stream_key, 11, type, 1, '{}', 'mallory', recorded_at,"
                    + " hash, hash FROM $S.events WHERE position = 10");
            IntegrityReport report = verify();
            assertEquals(11, report.firstBadPosition());
            assertEquals(Tampering.INSERTED, report.kind());
        }
    }

    @Test
    @DisplayName("given a clock that goes backwards, recorded times still never decrease")
    void recorded_time_never_goes_backwards() throws Exception {
        Instant late = Instant.parse("2030-01-01T00:00:00Z");
        Clock backwards = new Clock() {
            private int calls;

            @Override
            public Instant instant() {
                return late.minusSeconds(60L * calls++);
            }

            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults().withClock(backwards), false)) {
            for (int i = 0; i < 3; i++) {
                store.append(CASH, ExpectedVersion.ANY, List.of(new NewEvent("later-" + i, "Something", 1, "{}",
                        EventMetadata.by("bob"))));
            }
            List<Long> times = new ArrayList<>();
            for (long position = 10; position <= 13; position++) {
                RecordedEvent event = store.readAt(position).orElseThrow();
                times.add(event.recordedAtMicros());
            }
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) >= times.get(i - 1), "recorded times " + times);
            }
            assertEquals(IdempotentRetry.micros(late), times.get(1));
            assertEquals(IdempotentRetry.micros(late), times.get(3));
            assertTrue(store.verify().intact());
        }
    }

    @Nested
    @DisplayName("the head row's housekeeping")
    class HeadHousekeeping {

        private String headOptions() throws SQLException {
            try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class"
                         + " WHERE oid = '" + url.schema() + ".ledger_head'::regclass")) {
                row.next();
                return row.getString(1);
            }
        }

        @Test
        void a_new_ledger_never_has_its_one_row_head_analyzed_and_vacuums_it_only_behind_a_long_snapshot() throws SQLException {
            String options = headOptions();
            assertTrue(options.contains("autovacuum_analyze_threshold=2147483647"), options);
            assertTrue(options.contains("autovacuum_vacuum_threshold=10000"), options);
        }

        @Test
        void a_ledger_made_before_session_17_with_autovacuums_defaults_keeps_appending_and_verifying() throws Exception {
            asSuperuser("ALTER TABLE $S.ledger_head RESET (autovacuum_analyze_threshold, autovacuum_vacuum_threshold)");
            assertEquals("", headOptions());
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                for (int i = 10; i < 15; i++) {
                    store.append(CASH, ExpectedVersion.exactly(i), List.of(new NewEvent("old-layout-" + i, "Something", 1,
                            "{}", EventMetadata.by("bob"))));
                }
                assertEquals(15, store.readAt(15).orElseThrow().position());
                assertTrue(store.verify().intact());
            }
        }
    }
}

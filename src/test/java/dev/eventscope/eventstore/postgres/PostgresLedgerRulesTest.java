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
        void the_head_only_moves_forward_and_cannot_be_removed() throws Exception {
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("UPDATE $S.ledger_head SET position = 3"))
                    .getMessage(), "the ledger head only moves forward");
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("UPDATE $S.ledger_head SET recorded_at = 0"))
                    .getMessage(), "the ledger head only moves forward");
            assertMentions(assertThrows(SQLException.class, () -> asSuperuser("DELETE FROM $S.ledger_head"))
                    .getMessage(), "immutable");
            // the head's update refused above rolled back whole: the head is where it was (the trigger runs after the
            // row is updated, and its refusal undoes the update)
            try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement();
                 ResultSet head = statement.executeQuery("SELECT position, recorded_at > 0 FROM " + url.schema() + ".ledger_head")) {
                assertTrue(head.next());
                assertEquals(10, head.getLong(1));
                assertTrue(head.getBoolean(2));
                assertFalse(head.next());
            }
            try (PostgresEventStore store = PostgresEventStore.open(url)) {
                assertEquals(10, store.lastPosition());
                store.append(CASH, ExpectedVersion.exactly(10), List.of(new NewEvent("event-11", "Something", 1, "{}",
                        EventMetadata.by("alice"))));
                assertEquals(11, store.lastPosition());
            }
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

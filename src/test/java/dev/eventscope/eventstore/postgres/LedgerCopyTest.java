package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving a SQLite ledger to the team's server: every event as recorded, all or nothing, only from an intact chain. */
class LedgerCopyTest {

    @TempDir
    Path folder;

    /** 2,504 events in batches that cross the copier's 1,000-event statements, with multi-stream appends and null metadata. */
    private Path sqliteLedger() throws Exception {
        Path file = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(new NewEvent("created", "LedgerCreated", 1,
                    "{\"name\":\"Café Müller\"}", new EventMetadata("anna", null, null, null))));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int i = 0; i < 1_251; i++) {
                    EventMetadata metadata = new EventMetadata("bert", "entry-" + i, "command-" + i, "PostEntry");
                    bulk.append(List.of(
                            new StreamAppend(StreamId.of("account-assets:cash"), ExpectedVersion.ANY, List.of(new NewEvent(
                                    "cash-" + i, "PostingRecorded", 1, "{\"amount\":\"-" + i + ".50\"}", metadata))),
                            new StreamAppend(StreamId.of("account-income:sales-" + (i % 7)), ExpectedVersion.ANY, List.of(
                                    new NewEvent("sales-" + i, "PostingRecorded", 1, "{\"amount\":\"" + i + ".50\"}", metadata)))));
                }
                bulk.commit();
            }
            store.append(StreamId.of("ledger"), ExpectedVersion.exactly(1), List.of(new NewEvent("closed", "PeriodClosed", 2,
                    "{}", EventMetadata.by("carla"))));
        }
        return file;
    }

    @Test
    @DisplayName("given an intact SQLite ledger, when it is copied to an empty PostgreSQL ledger, then every event, stream and the head hash are the same, and appending carries on")
    void a_sqlite_ledger_is_copied_event_for_event() throws Exception {
        Path file = sqliteLedger();
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (EventStore source = SqliteEventStore.openReadOnly(file); PostgresEventStore target = PostgresEventStore.open(url)) {
            assertEquals(2_504, target.copyFrom(source, file.toString()));
            assertEquals(events(source), events(target));
            assertEquals(source.streams(StreamFilter.ALL), target.streams(StreamFilter.ALL));
            assertEquals(source.verify(), target.verify());
            assertTrue(target.verify().intact());

            target.append(StreamId.of("ledger"), ExpectedVersion.exactly(2), List.of(new NewEvent("reopened", "PeriodReopened",
                    1, "{}", EventMetadata.by("carla"))));
            assertEquals(2_505, target.lastPosition());
            assertTrue(target.verify().intact());
        }
    }

    @Test
    void a_postgres_ledger_is_copied_into_another_schema_just_the_same() throws Exception {
        Path file = sqliteLedger();
        PostgresLedgerUrl first = TestPostgres.freshLedger();
        PostgresLedgerUrl second = TestPostgres.freshLedger();
        try (EventStore sqlite = SqliteEventStore.openReadOnly(file);
             PostgresEventStore source = PostgresEventStore.open(first);
             PostgresEventStore target = PostgresEventStore.open(second)) {
            source.copyFrom(sqlite, file.toString());
            assertEquals(2_504, target.copyFrom(source, first.toString()));
            assertEquals(events(sqlite), events(target));
            assertEquals(sqlite.verify(), target.verify());
        }
    }

    @Test
    @DisplayName("given a PostgreSQL ledger, when it is copied into a new ledger file, then every event, stream and the head hash are the same, and appending carries on")
    void a_postgres_ledger_is_copied_into_a_new_sqlite_file_event_for_event() throws Exception {
        Path file = sqliteLedger();
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        Path offline = folder.resolve("offline.ledger");
        try (EventStore original = SqliteEventStore.openReadOnly(file); PostgresEventStore server = PostgresEventStore.open(url)) {
            server.copyFrom(original, file.toString());
            try (SqliteEventStore copy = SqliteEventStore.open(offline)) {
                assertEquals(2_504, copy.copyFrom(server, url.toString()));
                assertEquals(events(server), events(copy));
                assertEquals(server.streams(StreamFilter.ALL), copy.streams(StreamFilter.ALL));
                assertEquals(server.verify(), copy.verify());
                assertEquals(original.verify().headHash(), copy.verify().headHash());
                assertTrue(copy.verify().intact());

                copy.append(StreamId.of("ledger"), ExpectedVersion.exactly(2), List.of(new NewEvent("reopened", "PeriodReopened",
                        1, "{}", EventMetadata.by("carla"))));
                assertEquals(2_505, copy.lastPosition());
                assertTrue(copy.verify().intact());
                assertTrue(copy.readAt(2_505).orElseThrow().recordedAtMicros() >= copy.readAt(2_504).orElseThrow().recordedAtMicros());
            }
        }
    }

    @Test
    void a_target_that_holds_events_is_refused_and_left_as_it_was() throws Exception {
        Path file = sqliteLedger();
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (EventStore source = SqliteEventStore.openReadOnly(file); PostgresEventStore target = PostgresEventStore.open(url)) {
            target.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(new NewEvent("mine", "LedgerCreated", 1,
                    "{}", EventMetadata.by("dora"))));
            assertMentions(assertThrows(EventStoreException.class, () -> target.copyFrom(source, file.toString())).getMessage(),
                    "already holds events", "Nothing was copied");
            assertEquals(1, target.lastPosition());
        }
    }

    @Test
    void a_source_whose_chain_is_broken_is_refused_and_nothing_is_copied() throws Exception {
        Path file = sqliteLedger();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = '{\"amount\":\"1000000.00\"}' WHERE position = 1700");
        }
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (EventStore source = SqliteEventStore.openReadOnly(file); PostgresEventStore target = PostgresEventStore.open(url)) {
            EventStoreException refused = assertThrows(EventStoreException.class, () -> target.copyFrom(source, file.toString()));
            assertMentions(refused.getMessage(), "is not intact at position 1700", "eventscope verify", "Nothing was copied");
            assertEquals(0, target.lastPosition());
            assertEquals(0, target.countStreams(StreamFilter.ALL));
        }
    }

    private static List<RecordedEvent> events(EventStore store) {
        List<RecordedEvent> events = new ArrayList<>();
        try (EventCursor cursor = store.readAll(0)) {
            cursor.forEachRemaining(events::add);
        }
        return events;
    }
}

package dev.eventscope.eventstore.sqlite;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing recorded events as they are into a ledger file: the same events, streams and head hash, all or nothing. */
class SqliteLedgerCopyTest {

    @TempDir
    Path folder;

    /** 2,402 events over 8 streams, in multi-stream appends, with null metadata and a stream that was only version-checked. */
    private Path source() throws Exception {
        Path file = folder.resolve("source.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(new NewEvent("created", "LedgerCreated", 1,
                    "{\"name\":\"Café Müller\"}", new EventMetadata("anna", null, null, null))));
            for (int i = 0; i < 1_200; i++) {
                EventMetadata metadata = new EventMetadata("bert", "entry-" + i, null, "PostEntry");
                store.appendAll(List.of(
                        new StreamAppend(StreamId.of("account-assets:cash"), ExpectedVersion.ANY, List.of(new NewEvent(
                                "cash-" + i, "PostingRecorded", 1, "{\"amount\":\"-" + i + ".50\"}", metadata))),
                        new StreamAppend(StreamId.of("account-income:sales-" + (i % 6)), ExpectedVersion.ANY, List.of(
                                new NewEvent("sales-" + i, "PostingRecorded", 1, "{\"amount\":\"" + i + ".50\"}", metadata))),
                        new StreamAppend(StreamId.of("account-never-written"), ExpectedVersion.ANY, List.of())));
            }
            store.append(StreamId.of("ledger"), ExpectedVersion.exactly(1), List.of(new NewEvent("closed", "PeriodClosed", 2,
                    "{}", EventMetadata.by("carla"))));
        }
        return file;
    }

    @Test
    void every_event_is_copied_as_recorded_and_the_copy_verifies_to_the_same_head() throws Exception {
        Path file = source();
        try (EventStore source = SqliteEventStore.openReadOnly(file);
             SqliteEventStore copy = SqliteEventStore.open(folder.resolve("copy.ledger"))) {
            assertEquals(2_402, copy.copyFrom(source, file.toString()));
            assertEquals(events(source), events(copy));
            assertEquals(source.streams(StreamFilter.ALL), copy.streams(StreamFilter.ALL));
            assertEquals(source.verify(), copy.verify());
            assertTrue(copy.verify().intact());
            assertEquals(2, copy.streamVersion(StreamId.of("ledger")));
            copy.append(StreamId.of("account-assets:cash"), ExpectedVersion.exactly(1_200), List.of(new NewEvent("later",
                    "PostingRecorded", 1, "{}", EventMetadata.by("dora"))));
            assertEquals(2_403, copy.lastPosition());
            assertTrue(copy.verify().intact(), "the copy's chain carries on from the copied head");
        }
    }

    @Test
    void a_target_that_holds_events_is_refused_and_left_as_it_was() throws Exception {
        Path file = source();
        try (EventStore source = SqliteEventStore.openReadOnly(file);
             SqliteEventStore target = SqliteEventStore.open(folder.resolve("mine.ledger"))) {
            target.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(new NewEvent("mine", "LedgerCreated", 1,
                    "{}", EventMetadata.by("dora"))));
            assertMentions(assertThrows(EventStoreException.class, () -> target.copyFrom(source, file.toString())).getMessage(),
                    "already holds events", "Nothing was copied");
            assertEquals(1, target.lastPosition());
            assertTrue(target.verify().intact());
        }
    }

    @Test
    void a_source_whose_chain_is_broken_is_refused_and_nothing_is_copied() throws Exception {
        Path file = source();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_are_immutable");
            statement.execute("UPDATE events SET data = '{\"amount\":\"1000000.00\"}' WHERE position = 1700");
        }
        try (EventStore source = SqliteEventStore.openReadOnly(file);
             SqliteEventStore target = SqliteEventStore.open(folder.resolve("copy.ledger"))) {
            EventStoreException refused = assertThrows(EventStoreException.class, () -> target.copyFrom(source, file.toString()));
            assertMentions(refused.getMessage(), "is not intact at position 1700", "eventscope verify", "Nothing was copied");
            assertNothingIn(target);
        }
    }

    @Test
    void a_source_that_fails_half_way_leaves_the_target_empty_and_usable() throws Exception {
        Path file = source();
        try (EventStore source = SqliteEventStore.openReadOnly(file);
             SqliteEventStore target = SqliteEventStore.open(folder.resolve("copy.ledger"))) {
            EventStore failing = new FailingAfter(source, 1_500);
            assertThrows(EventStoreException.class, () -> target.copyFrom(failing, "the flaky server"));
            assertNothingIn(target);
            assertEquals(2_402, target.copyFrom(source, file.toString()), "a second try leaves nothing of the first behind");
            assertEquals(events(source), events(target));
            assertTrue(target.verify().intact());
        }
        try (EventStore source = SqliteEventStore.openReadOnly(file);
             SqliteEventStore target = SqliteEventStore.open(folder.resolve("other.ledger"))) {
            assertThrows(EventStoreException.class, () -> target.copyFrom(new FailingAfter(source, 1_500), "the flaky server"));
            target.append(StreamId.of("account-assets:cash"), ExpectedVersion.NO_STREAM, List.of(new NewEvent("fresh",
                    "AccountOpened", 1, "{}", EventMetadata.by("erik"))));
            assertEquals(1, target.lastPosition());
            assertEquals(1, target.streamVersion(StreamId.of("account-assets:cash")));
            try (SqliteEventStore second = SqliteEventStore.open(folder.resolve("second.ledger"))) {
                assertEquals(2_402, second.copyFrom(source, file.toString()), "the source itself was not harmed");
            }
        }
    }

    private static void assertNothingIn(SqliteEventStore target) {
        assertEquals(0, target.lastPosition());
        assertEquals(0, target.countStreams(StreamFilter.ALL));
        assertFalse(target.readAt(1).isPresent());
        assertTrue(target.verify().intact());
    }

    private static List<RecordedEvent> events(EventStore store) {
        List<RecordedEvent> events = new ArrayList<>();
        try (EventCursor cursor = store.readAll(0)) {
            cursor.forEachRemaining(events::add);
        }
        return events;
    }

    /** A source whose whole-ledger cursor breaks off after some events, as a lost connection would. */
    private static final class FailingAfter extends dev.eventscope.eventstore.ForwardingEventStore {
        private final long events;

        FailingAfter(EventStore delegate, long events) {
            super(delegate);
            this.events = events;
        }

        @Override
        public EventCursor readAll(long afterPosition) {
            EventCursor all = super.readAll(afterPosition);
            return new EventCursor() {
                private long read;

                @Override
                public boolean hasNext() {
                    if (read == events) {
                        throw new EventStoreException("the connection to the source was lost");
                    }
                    return all.hasNext();
                }

                @Override
                public RecordedEvent next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    read++;
                    return all.next();
                }

                @Override
                public void close() {
                    all.close();
                }
            };
        }
    }
}

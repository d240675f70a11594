package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catch-up's cursor names every event's stream as {@code readAll} does: in position order, from any start, on pages
 * with hundreds of new streams mixed with streams met before; a category cursor gives the events of its categories; an
 * event whose stream row is missing is reported, naming its key. (Written for a cursor without the join to
 * {@code streams}, names asked in batches after each page: not kept, docs/cli-speed.md, session 23, readside2.)
 */
class ProjectedStreamNamesTest {

    private static final String[] CATEGORIES = {"entry", "account", "ledger", "budget"};

    @TempDir
    Path folder;

    @Test
    void every_event_keeps_its_own_stream_on_pages_of_many_new_streams() throws Exception {
        for (long seed : new long[] {1, 23, 4_711}) {
            Random random = new Random(seed);
            try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("names-" + seed + ".ledger"))) {
                List<StreamId> streams = new ArrayList<>();
                int count = 0;
                while (count < 3 * PagedCursor.PAGE_SIZE + 321) {
                    List<StreamAppend> appends = new ArrayList<>();
                    Set<StreamId> inThisAppend = new java.util.HashSet<>();
                    for (int a = 0; a < 80; a++) {
                        // mostly new streams (a first read meets most of them once), some met before, in any order
                        StreamId stream;
                        if (streams.isEmpty() || random.nextInt(10) < 7) {
                            stream = StreamId.of(CATEGORIES[random.nextInt(CATEGORIES.length)] + "-" + streams.size());
                            streams.add(stream);
                        } else {
                            stream = streams.get(random.nextInt(streams.size()));
                        }
                        if (!inThisAppend.add(stream)) {
                            continue; // a stream's events in one part of an append
                        }
                        List<NewEvent> events = new ArrayList<>();
                        for (int e = 1 + random.nextInt(4); e > 0; e--) {
                            events.add(new NewEvent(UUID.randomUUID().toString(), "Type" + random.nextInt(3), 1,
                                    "{\"n\":" + count++ + "}", new EventMetadata("ann", null, null, "Import")));
                        }
                        appends.add(new StreamAppend(stream, ExpectedVersion.ANY, events));
                    }
                    store.appendAll(appends);
                }
                assertTrue(streams.size() > 2 * PagedCursor.PAGE_SIZE / 4, "streams: " + streams.size());
                List<RecordedEvent> all = read(store.readAll(0));
                assertEquals(count, all.size());
                for (long after : new long[] {0, 1 + random.nextInt(count - 1), PagedCursor.PAGE_SIZE, count - 3, count}) {
                    List<RecordedEvent> expected = all.subList((int) after, count);
                    assertSame(expected, read(store.readAllForProjections(after, Set.of())), "seed " + seed + " after " + after);
                }
                Set<String> some = new java.util.TreeSet<>(List.of(CATEGORIES[random.nextInt(CATEGORIES.length)], CATEGORIES[0]));
                assertSame(read(store.readAll(0, some)), read(store.readAllForProjections(0, some)), "categories " + some);
            }
        }
    }

    @Test
    void an_event_whose_stream_row_is_missing_is_reported_with_its_key() throws Exception {
        Path file = folder.resolve("missing.ledger");
        long missingKey;
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            List<StreamAppend> appends = new ArrayList<>();
            for (int s = 0; s < 300; s++) {
                appends.add(new StreamAppend(StreamId.of("entry-" + s), ExpectedVersion.ANY, List.of(new NewEvent(
                        UUID.randomUUID().toString(), "EntryPosted", 1, "{}", new EventMetadata("ann", null, null, "Import")))));
            }
            store.appendAll(appends);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            var row = statement.executeQuery("SELECT stream_key FROM streams WHERE stream_id = 'entry-277'");
            assertTrue(row.next());
            missingKey = row.getLong(1);
            row.close();
            statement.execute("DELETE FROM streams WHERE stream_key = " + missingKey);
        }
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            RuntimeException failure = assertThrows(RuntimeException.class, () -> read(store.readAllForProjections(0, Set.of())));
            assertTrue(failure.getMessage().contains("stream key " + missingKey + " which is not in the streams table"),
                    failure.getMessage());
        }
    }

    private static void assertSame(List<RecordedEvent> expected, List<RecordedEvent> actual, String where) {
        assertEquals(expected.size(), actual.size(), where);
        for (int i = 0; i < expected.size(); i++) {
            RecordedEvent e = expected.get(i);
            RecordedEvent a = actual.get(i);
            assertEquals(e.position(), a.position(), where);
            assertEquals(e.streamId(), a.streamId(), where + ", stream at position " + e.position());
            assertEquals(e.version(), a.version(), where);
            assertEquals(e.type(), a.type(), where);
            assertEquals(e.data(), a.data(), where);
            assertEquals(e.metadata().user(), a.metadata().user(), where);
            assertEquals(e.metadata().commandName(), a.metadata().commandName(), where);
            assertEquals(e.recordedAtMicros(), a.recordedAtMicros(), where);
            assertEquals(e.hash(), a.hash(), where);
        }
    }

    private static List<RecordedEvent> read(EventCursor cursor) {
        List<RecordedEvent> events = new ArrayList<>();
        try (cursor) {
            while (cursor.hasNext()) {
                events.add(cursor.next());
            }
        }
        return events;
    }
}

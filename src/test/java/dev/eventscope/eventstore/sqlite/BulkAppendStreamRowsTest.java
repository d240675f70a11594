package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk append writes the head position once, at commit, not per append (docs/cli-speed.md), and keeps the versions
 * of the streams it moved in memory (schema 3 derives them from the events' index, with no row of their own): what
 * the stream listing says afterwards must be exactly what the events say, a snapshot saved inside the bulk must see
 * the stream's version, a retried append inside it must report the stream's current version, and a rolled-back bulk
 * must leave the listing as it was.
 */
class BulkAppendStreamRowsTest {

    @TempDir
    Path folder;

    private static final StreamId HOT = StreamId.of("account-assets:bank");
    private int counter;

    private List<NewEvent> events(int count) {
        List<NewEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            counter++;
            events.add(new NewEvent("event-" + counter, "Something", 1, "{\"n\":" + counter + "}",
                    new EventMetadata("alice", "c" + counter, "c" + counter, "PostEntry")));
        }
        return events;
    }

    @Test
    void the_stream_rows_and_the_head_agree_with_the_events_after_a_bulk() throws Exception {
        Path file = folder.resolve("bulk.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(HOT, ExpectedVersion.NO_STREAM, events(1));
            List<NewEvent> retried = null;
            AppendResult original = null;
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int entry = 1; entry <= 40; entry++) {
                    List<NewEvent> hotEvents = events(1 + entry % 2);
                    AppendResult result = bulk.append(List.of(
                            new StreamAppend(StreamId.of("entry-E" + entry), ExpectedVersion.NO_STREAM, events(1)),
                            new StreamAppend(HOT, ExpectedVersion.ANY, hotEvents)));
                    if (entry == 10) {
                        retried = hotEvents;
                        original = result;
                    }
                    if (entry == 30) {
                        // a new stream's row is written once, with its version after the append; appended to again in
                        // the same bulk, and snapshotted there, it must still tell the right version
                        StreamId multi = StreamId.of("entry-multi");
                        assertEquals(3, bulk.append(List.of(new StreamAppend(multi, ExpectedVersion.NO_STREAM, events(3))))
                                .versionOf(multi));
                        assertEquals(5, bulk.append(List.of(new StreamAppend(multi, ExpectedVersion.exactly(3), events(2))))
                                .versionOf(multi));
                        store.saveSnapshot(new Snapshot(multi, 5, "EntryState", 1, "{\"v\":5}"));
                    }
                    if (entry == 20) {
                        // a snapshot is only saved up to its stream's version: it must see this bulk's appends
                        store.saveSnapshot(new Snapshot(HOT, result.versionOf(HOT), "AccountState", 1, "{\"v\":20}"));
                    }
                }
                AppendResult again = bulk.append(List.of(new StreamAppend(HOT, ExpectedVersion.ANY, retried)));
                assertTrue(again.alreadyStored());
                assertEquals(original.positions().subList(1, original.positions().size()), again.positions());
                assertEquals(1 + 40 + 20, again.versionOf(HOT), "the hot stream's version now, not at entry 10");
                bulk.commit();
            }
            assertEquals(rowsFromEvents(store), rowsAsStored(store));
            assertEquals(store.lastPosition(), headPosition(file));
            assertTrue(store.loadSnapshot(HOT, Long.MAX_VALUE, 1).isPresent());
            assertTrue(store.verify().intact());

            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(HOT, ExpectedVersion.ANY, events(3))));
                bulk.append(List.of(new StreamAppend(StreamId.of("entry-E99"), ExpectedVersion.NO_STREAM, events(1))));
            }
            assertEquals(rowsFromEvents(store), rowsAsStored(store), "a bulk closed without commit leaves the rows alone");
            assertEquals(store.lastPosition(), headPosition(file));
            AppendResult after = store.append(HOT, ExpectedVersion.exactly(61), events(1));
            assertEquals(62, after.versionOf(HOT));
            assertEquals(rowsFromEvents(store), rowsAsStored(store));
        }
    }

    @Test
    void a_bulk_moving_more_streams_than_it_holds_in_memory_reads_their_versions_back_from_the_events() throws Exception {
        // a bulk remembers at most PENDING_AT_MOST moved streams (an import moving a million); then it forgets
        // them, and the hot stream's version is read back from the events' index, which must tell what this bulk gave it
        int entries = KnownStreams.PENDING_AT_MOST + 10;
        Path file = folder.resolve("long-bulk.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(HOT, ExpectedVersion.NO_STREAM, events(1));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int entry = 1; entry <= entries; entry++) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("entry-E" + entry), ExpectedVersion.NO_STREAM, events(1))));
                }
                bulk.commit();
            }
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int entry = 1; entry <= entries; entry++) {
                    AppendResult result = bulk.append(List.of(
                            new StreamAppend(StreamId.of("entry-E" + entry), ExpectedVersion.exactly(1), events(1)),
                            new StreamAppend(HOT, ExpectedVersion.exactly(entry), events(1))));
                    assertEquals(entry + 1, result.versionOf(HOT));
                }
                bulk.commit();
            }
            assertEquals(rowsFromEvents(store), rowsAsStored(store));
            assertEquals(store.lastPosition(), headPosition(file));
            assertEquals(entries + 2, store.append(HOT, ExpectedVersion.exactly(entries + 1), events(1)).versionOf(HOT));
            assertTrue(store.verify().intact());
        }
    }

    /** Each stream's version and last position as the events say (the reference). */
    private static Map<String, List<Long>> rowsFromEvents(SqliteEventStore store) {
        Map<String, List<Long>> rows = new HashMap<>();
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                rows.put(event.streamId().value(), List.of(event.version(), event.position()));
            }
        }
        return rows;
    }

    private static Map<String, List<Long>> rowsAsStored(SqliteEventStore store) {
        Map<String, List<Long>> rows = new HashMap<>();
        for (StreamInfo info : store.streams(StreamFilter.ALL)) {
            rows.put(info.streamId().value(), List.of(info.version(), info.lastPosition()));
        }
        return rows;
    }

    private static long headPosition(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM ledger_meta WHERE key = 'head_position'")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}

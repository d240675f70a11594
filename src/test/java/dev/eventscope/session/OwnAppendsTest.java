package dev.eventscope.session;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session's store tells the positions it appended from those another store on the same file appended. */
class OwnAppendsTest {

    @TempDir
    Path folder;

    private static NewEvent event(String id) {
        return new NewEvent(id, "Noted", 1, "{}", new EventMetadata("alice", "c-" + id, null, "Note"));
    }

    private static List<Long> own(OwnAppends store, long through) throws InterruptedException {
        List<Long> own = new java.util.ArrayList<>();
        for (long position : LongStream.rangeClosed(1, through).toArray()) {
            if (store.appendedHere(position)) {
                own.add(position);
            }
        }
        return own;
    }

    @Test
    void appends_single_and_bulk_are_its_own_another_stores_and_a_rolled_back_bulk_are_not() throws Exception {
        Path file = folder.resolve("notes.ledger");
        try (EventStore raw = SqliteEventStore.open(file); OwnAppends store = new OwnAppends(raw)) {
            store.append(StreamId.of("note-a"), ExpectedVersion.ANY, List.of(event("1"), event("2")));   // #1, #2
            try (EventStore other = SqliteEventStore.open(file)) {
                other.append(StreamId.of("note-b"), ExpectedVersion.ANY, List.of(event("3")));             // #3
            }
            store.appendAll(List.of(new StreamAppend(StreamId.of("note-a"), ExpectedVersion.ANY, List.of(event("4"))))); // #4
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(StreamId.of("note-c"), ExpectedVersion.ANY, List.of(event("5"), event("6")))));
                bulk.commit();                                                                             // #5, #6
            }
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(StreamId.of("note-d"), ExpectedVersion.ANY, List.of(event("x")))));
            } // rolled back
            try (EventStore other = SqliteEventStore.open(file)) {
                other.append(StreamId.of("note-b"), ExpectedVersion.ANY, List.of(event("7")));
            }
            // appending an event id already stored writes nothing new: nothing to remember
            store.append(StreamId.of("note-b"), ExpectedVersion.ANY, List.of(event("7")));
            long last = store.lastPosition();
            assertEquals(List.of(1L, 2L, 4L, 5L, 6L), own(store, last));
        }
    }
}

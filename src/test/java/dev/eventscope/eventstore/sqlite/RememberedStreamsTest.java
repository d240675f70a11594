package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The writer moves the streams it remembers from its earlier commits in place (session 21: no copy per moved stream into
 * the transaction's map and back at its commit) and puts them back on a rollback. Each test moves a remembered stream and
 * then fails or abandons the transaction: the stream must be where the ledger has it, so an append that expects the
 * stored version goes through, and one that expects the abandoned version is refused.
 */
class RememberedStreamsTest {

    @TempDir
    Path folder;

    private static final StreamId ACCOUNT = StreamId.of("account-cash");
    private static final StreamId OTHER = StreamId.of("account-bank");

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{\"id\":\"" + id + "\"}", new EventMetadata("alice", "c", "c", "Cmd"));
    }

    /** Two commits, so that the writer remembers both streams from its last commit (a created stream is not kept there). */
    private static void rememberBoth(SqliteEventStore store) throws ConcurrencyConflict {
        store.appendAll(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.NO_STREAM, List.of(event("id-01"))),
                new StreamAppend(OTHER, ExpectedVersion.NO_STREAM, List.of(event("id-02")))));
        store.appendAll(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(1), List.of(event("id-03"))),
                new StreamAppend(OTHER, ExpectedVersion.exactly(1), List.of(event("id-04")))));
        store.appendAll(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(2), List.of(event("id-05"))),
                new StreamAppend(OTHER, ExpectedVersion.exactly(2), List.of(event("id-06")))));
    }

    @Test
    void an_append_refused_after_its_rows_were_bound_leaves_the_remembered_streams_where_they_were() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("refused.ledger"))) {
            rememberBoth(store);

            // the second stream's event repeats a stored id: the batch fails after both streams were moved
            assertThrows(EventStoreException.class, () -> store.appendAll(List.of(
                    new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-07"), event("id-08"))),
                    new StreamAppend(OTHER, ExpectedVersion.exactly(3), List.of(event("id-09"), event("id-01"))))));

            assertThrows(ConcurrencyConflict.class,
                    () -> store.append(ACCOUNT, ExpectedVersion.exactly(5), List.of(event("id-10"))));
            AppendResult result = store.appendAll(List.of(
                    new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-11"))),
                    new StreamAppend(OTHER, ExpectedVersion.exactly(3), List.of(event("id-12")))));
            assertEquals(4, result.versionOf(ACCOUNT));
            assertEquals(4, result.versionOf(OTHER));
            assertEquals(4, store.streamVersion(ACCOUNT));
            assertEquals(4, store.streamVersion(OTHER));
        }
    }

    @Test
    void a_bulk_closed_without_its_commit_leaves_the_remembered_streams_where_they_were() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("abandoned.ledger"))) {
            rememberBoth(store);

            try (BulkAppend bulk = store.beginBulkAppend()) {
                // the same remembered stream moved by three appends of the transaction, the other by one
                bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-20")))));
                bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(4), List.of(event("id-21"))),
                        new StreamAppend(OTHER, ExpectedVersion.exactly(3), List.of(event("id-22")))));
                AppendResult inside = bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(5),
                        List.of(event("id-23")))));
                assertEquals(6, inside.versionOf(ACCOUNT));
            }

            assertEquals(3, store.streamVersion(ACCOUNT));
            assertEquals(3, store.streamVersion(OTHER));
            assertThrows(ConcurrencyConflict.class,
                    () -> store.append(ACCOUNT, ExpectedVersion.exactly(6), List.of(event("id-24"))));
            AppendResult result = store.appendAll(List.of(
                    new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-25"))),
                    new StreamAppend(OTHER, ExpectedVersion.exactly(3), List.of(event("id-26")))));
            assertEquals(4, result.versionOf(ACCOUNT));
            assertEquals(4, result.versionOf(OTHER));
        }
    }

    @Test
    void a_bulk_refused_halfway_leaves_the_remembered_streams_where_they_were_and_a_committed_one_moves_them() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("halfway.ledger"))) {
            rememberBoth(store);

            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-30")))));
                assertThrows(ConcurrencyConflict.class, () -> bulk.append(List.of(
                        new StreamAppend(OTHER, ExpectedVersion.exactly(7), List.of(event("id-31"))))));
            }
            assertEquals(3, store.streamVersion(ACCOUNT));

            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-32")))));
                bulk.append(List.of(new StreamAppend(ACCOUNT, ExpectedVersion.exactly(4), List.of(event("id-33")))));
                bulk.commit();
            }
            // the commit keeps the moved version: the next append expects it without a look-up, and an older one is refused
            assertThrows(ConcurrencyConflict.class,
                    () -> store.append(ACCOUNT, ExpectedVersion.exactly(3), List.of(event("id-34"))));
            assertEquals(6, store.append(ACCOUNT, ExpectedVersion.exactly(5), List.of(event("id-35"))).versionOf(ACCOUNT));
            assertEquals(6, store.streamVersion(ACCOUNT));
        }
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two look-ups the writer skips (docs/benchmarks-store.md, session 13): an event id greater than every stored one
 * is not looked up as a possible retry ({@link GreatestEventId}), and a stream it does not know, whose expected version
 * a new stream satisfies, is created with an insert that does nothing when the stream is stored, under the key SQLite
 * itself would give it (counted by the writer instead of returned by each insert). Each test gives a case where the
 * shortcut would be wrong: another connection wrote after the writer learnt its bound, its streams or its next key, or
 * a rollback took back keys it had counted.
 */
class AppendShortcutsTest {

    @TempDir
    Path folder;

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{\"id\":\"" + id + "\"}", new EventMetadata("alice", "c", "c", "Cmd"));
    }

    @Test
    void a_retry_of_what_another_connection_wrote_after_this_one_last_appended_is_found() throws Exception {
        Path file = folder.resolve("two-writers.ledger");
        try (SqliteEventStore first = SqliteEventStore.open(file); SqliteEventStore second = SqliteEventStore.open(file)) {
            first.append(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM, List.of(event("id-1")));
            AppendResult original = second.append(StreamId.of("entry-b"), ExpectedVersion.NO_STREAM, List.of(event("id-9")));

            // "id-9" is greater than anything the first writer wrote itself: only the other connection's commit says it is stored
            AppendResult retried = first.append(StreamId.of("entry-b"), ExpectedVersion.NO_STREAM, List.of(event("id-9")));

            assertTrue(retried.alreadyStored());
            assertEquals(original.positions(), retried.positions());
        }
    }

    @Test
    void a_retry_inside_a_bulk_of_an_id_the_bulk_wrote_is_found() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("bulk.ledger"));
             BulkAppend bulk = store.beginBulkAppend()) {
            AppendResult original = bulk.append(List.of(new StreamAppend(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM,
                    List.of(event("id-5"), event("id-6")))));
            bulk.append(List.of(new StreamAppend(StreamId.of("entry-b"), ExpectedVersion.NO_STREAM, List.of(event("id-7")))));

            AppendResult retried = bulk.append(List.of(new StreamAppend(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM,
                    List.of(event("id-5"), event("id-6")))));

            assertTrue(retried.alreadyStored());
            assertEquals(original.positions(), retried.positions());
            bulk.commit();
        }
    }

    @Test
    void a_stream_another_connection_created_is_not_taken_for_a_new_one() throws Exception {
        Path file = folder.resolve("stream-elsewhere.ledger");
        StreamId stream = StreamId.of("entry-x");
        try (SqliteEventStore first = SqliteEventStore.open(file); SqliteEventStore second = SqliteEventStore.open(file)) {
            first.append(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM, List.of(event("id-1")));
            second.append(stream, ExpectedVersion.NO_STREAM, List.of(event("id-2")));

            ConcurrencyConflict conflict = assertThrows(ConcurrencyConflict.class,
                    () -> first.append(stream, ExpectedVersion.exactly(0), List.of(event("id-3"))));
            assertEquals(1, conflict.actualVersion());
            AppendResult anyVersion = first.append(stream, ExpectedVersion.ANY, List.of(event("id-4")));

            assertEquals(2, anyVersion.versionOf(stream));
            assertEquals(2, first.streamVersion(stream));
            assertEquals(2, first.countStreams(StreamFilter.ALL));
        }
    }

    @Test
    void a_conflict_in_an_append_with_a_new_stream_creates_nothing() throws Exception {
        Path file = folder.resolve("conflict.ledger");
        StreamId account = StreamId.of("account-cash");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(account, ExpectedVersion.NO_STREAM, List.of(event("id-1")));

            assertThrows(ConcurrencyConflict.class, () -> store.appendAll(List.of(
                    new StreamAppend(StreamId.of("entry-new"), ExpectedVersion.NO_STREAM, List.of(event("id-2"))),
                    new StreamAppend(account, ExpectedVersion.exactly(5), List.of(event("id-3"))))));

            assertEquals(0, store.streamVersion(StreamId.of("entry-new")));
            AppendResult later = store.append(StreamId.of("entry-new"), ExpectedVersion.NO_STREAM, List.of(event("id-4")));
            assertEquals(1, later.versionOf(StreamId.of("entry-new")));
        }
    }

    @Test
    void stream_keys_are_the_ones_sqlite_gives_after_a_rollback_and_after_another_connection_wrote() throws Exception {
        Path file = folder.resolve("keys.ledger");
        try (SqliteEventStore first = SqliteEventStore.open(file); SqliteEventStore second = SqliteEventStore.open(file)) {
            first.append(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM, List.of(event("id-1")));
            try (BulkAppend rolledBack = first.beginBulkAppend()) {
                rolledBack.append(List.of(new StreamAppend(StreamId.of("entry-gone"), ExpectedVersion.NO_STREAM,
                        List.of(event("id-2")))));
            }
            first.append(StreamId.of("entry-b"), ExpectedVersion.NO_STREAM, List.of(event("id-3")));
            second.append(StreamId.of("entry-c"), ExpectedVersion.NO_STREAM, List.of(event("id-4")));
            first.append(StreamId.of("entry-d"), ExpectedVersion.NO_STREAM, List.of(event("id-5")));
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT stream_key, stream_id FROM streams ORDER BY stream_key")) {
            StringBuilder keys = new StringBuilder();
            while (rows.next()) {
                keys.append(rows.getLong(1)).append('=').append(rows.getString(2)).append(' ');
            }
            assertEquals("1=entry-a 2=entry-b 3=entry-c 4=entry-d ", keys.toString());
        }
    }
    /**
     * A stream created in a bulk is remembered among the last few created (an import opens an account and posts to it
     * next, session 14): its next append needs no look-up. Wrong if the memory outlived a rollback, kept a version a
     * later append moved, or an evicted stream lost its version.
     */
    @Test
    void a_stream_created_in_a_bulk_has_its_version_in_later_appends_and_none_after_a_rollback() throws Exception {
        StreamId account = StreamId.of("account-cash");
        StreamId other = StreamId.of("account-bank");
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("created.ledger"))) {
            try (BulkAppend rolledBack = store.beginBulkAppend()) {
                rolledBack.append(List.of(new StreamAppend(account, ExpectedVersion.NO_STREAM, List.of(event("id-0")))));
            }
            try (BulkAppend bulk = store.beginBulkAppend()) {
                // rolled back: a new stream again, not one at version 1
                bulk.append(List.of(new StreamAppend(account, ExpectedVersion.NO_STREAM, List.of(event("id-1")))));
                bulk.append(List.of(new StreamAppend(account, ExpectedVersion.exactly(1), List.of(event("id-2")))));
                bulk.append(List.of(new StreamAppend(other, ExpectedVersion.NO_STREAM, List.of(event("id-3")))));
                for (int i = 0; i < 2 * KnownStreams.CREATED_AT_MOST; i++) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("entry-" + i), ExpectedVersion.NO_STREAM,
                            List.of(event("id-4-" + i)))));
                }
                // no longer among the last created: looked up
                AppendResult third = bulk.append(List.of(new StreamAppend(account, ExpectedVersion.exactly(2),
                        List.of(event("id-5")))));
                assertEquals(3, third.versionOf(account));
                bulk.append(List.of(new StreamAppend(other, ExpectedVersion.exactly(1), List.of(event("id-6")))));
                bulk.commit();
            }
            assertEquals(3, store.streamVersion(account));
            assertEquals(2, store.streamVersion(other));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                StreamId fresh = StreamId.of("account-fresh");
                bulk.append(List.of(new StreamAppend(fresh, ExpectedVersion.NO_STREAM, List.of(event("id-7")))));
                bulk.append(List.of(new StreamAppend(fresh, ExpectedVersion.exactly(1), List.of(event("id-8")))));
                // the version the second append moved it to, not the one it was created at
                ConcurrencyConflict conflict = assertThrows(ConcurrencyConflict.class, () -> bulk.append(List.of(
                        new StreamAppend(fresh, ExpectedVersion.exactly(1), List.of(event("id-9"))))));
                assertEquals(2, conflict.actualVersion());
            }
            assertEquals(0, store.streamVersion(StreamId.of("account-fresh")));
        }
    }
    /**
     * A stream an append only checks (no events: every imported entry checks the ledger stream's version) is looked up
     * once per transaction and then remembered (session 16). Wrong if a stream without a row were remembered at version
     * 0 (its creation by a later append would then be shadowed), if a later append's move were missed, or if the memory
     * outlived another connection's commit.
     */
    @Test
    void a_stream_only_checked_keeps_its_true_version_through_moves_creation_and_other_writers() throws Exception {
        Path file = folder.resolve("checked.ledger");
        StreamId ledger = StreamId.of("ledger");
        StreamId missing = StreamId.of("account-later");
        try (SqliteEventStore first = SqliteEventStore.open(file); SqliteEventStore second = SqliteEventStore.open(file)) {
            first.append(ledger, ExpectedVersion.NO_STREAM, List.of(event("id-1")));
            try (BulkAppend bulk = first.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(ledger, ExpectedVersion.exactly(1), List.of()),
                        new StreamAppend(missing, ExpectedVersion.NO_STREAM, List.of())));
                bulk.append(List.of(new StreamAppend(ledger, ExpectedVersion.exactly(1), List.of())));
                // created after it was checked without a row: its version is the creation's, not the check's
                bulk.append(List.of(new StreamAppend(missing, ExpectedVersion.NO_STREAM, List.of(event("id-2")))));
                assertEquals(2, bulk.append(List.of(new StreamAppend(missing, ExpectedVersion.exactly(1),
                        List.of(event("id-3"))))).versionOf(missing));
                // moved after it was checked: the check after the move sees the move (a conflict would stop the bulk)
                bulk.append(List.of(new StreamAppend(ledger, ExpectedVersion.exactly(1), List.of(event("id-4")))));
                bulk.append(List.of(new StreamAppend(ledger, ExpectedVersion.exactly(2), List.of())));
                bulk.commit();
            }
            ConcurrencyConflict stale = assertThrows(ConcurrencyConflict.class, () -> first.appendAll(List.of(
                    new StreamAppend(ledger, ExpectedVersion.exactly(1), List.of()))));
            assertEquals(2, stale.actualVersion());
            first.appendAll(List.of(new StreamAppend(ledger, ExpectedVersion.exactly(2), List.of()),
                    new StreamAppend(StreamId.of("entry-a"), ExpectedVersion.NO_STREAM, List.of(event("id-5")))));
            second.append(ledger, ExpectedVersion.exactly(2), List.of(event("id-6")));

            // the other connection moved it after the first last checked it
            ConcurrencyConflict moved = assertThrows(ConcurrencyConflict.class, () -> first.appendAll(List.of(
                    new StreamAppend(ledger, ExpectedVersion.exactly(2), List.of()),
                    new StreamAppend(StreamId.of("entry-b"), ExpectedVersion.NO_STREAM, List.of(event("id-7"))))));
            assertEquals(3, moved.actualVersion());
            assertEquals(2, first.streamVersion(missing));
        }
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.ledgerWith;
import static dev.eventscope.eventstore.sqlite.LedgerFiles.rawSql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, point 5: a snapshot is used only while it is anchored to the event it was taken at and unchanged. */
class SnapshotAnchorTest {

    private static final StreamId STREAM = StreamId.of("account-test:1");

    @TempDir
    Path folder;

    private Path ledgerWithSnapshot() throws Exception {
        Path file = ledgerWith(folder.resolve("snap.ledger"), 2, 6);
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.saveSnapshot(new Snapshot(STREAM, 4, "State", 1, "{\"balance\":4}"));
        }
        return file;
    }

    private static boolean loads(Path file) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            return store.loadSnapshot(STREAM, 10, 1).isPresent();
        }
    }

    private static List<StoredSnapshot> stored(Path file) {
        List<StoredSnapshot> all = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            store.snapshots(all::add);
        }
        return all;
    }

    @Test
    void an_untouched_snapshot_is_anchored_and_used() throws Exception {
        Path file = ledgerWithSnapshot();
        assertTrue(loads(file));
        assertTrue(stored(file).get(0).anchored());
    }

    @Test
    void an_edited_snapshot_is_ignored_and_says_why() throws Exception {
        Path file = ledgerWithSnapshot();
        rawSql(file, "UPDATE snapshots SET data = '{\"balance\":0}'");
        assertFalse(loads(file));
        assertEquals("its content was changed after it was taken", stored(file).get(0).problem());
    }

    @Test
    void a_snapshot_whose_event_was_rewritten_is_ignored() throws Exception {
        Path file = ledgerWithSnapshot();
        rawSql(file, "DROP TRIGGER events_are_immutable",
                "UPDATE events SET hash = randomblob(32) WHERE version = 4 AND stream_key = (SELECT stream_key FROM streams"
                        + " WHERE stream_id = '" + STREAM + "')");
        assertFalse(loads(file));
        assertEquals("the event it was taken at no longer has the hash it was taken at", stored(file).get(0).problem());
    }

    @Test
    void a_snapshot_without_an_anchor_is_never_used() throws Exception {
        Path file = ledgerWithSnapshot();
        rawSql(file, "DELETE FROM snapshot_anchors");
        assertFalse(loads(file));
        assertEquals("it carries no hash of the event it was taken at", stored(file).get(0).problem());
    }

    @Test
    void a_snapshot_saved_inside_a_bulk_append_joins_it_and_is_rolled_back_with_it() throws Exception {
        Path file = ledgerWith(folder.resolve("bulk.ledger"), 2, 6);
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(STREAM, ExpectedVersion.ANY,
                        List.of(new NewEvent("bulk-1", "Tested", 1, "{}", EventMetadata.by("importer"))))));
                store.saveSnapshot(new Snapshot(STREAM, 7, "State", 1, "{\"balance\":7}"));
                // closed without commit: the import failed
            }
            assertFalse(store.loadSnapshot(STREAM, 10, 1).isPresent());
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(STREAM, ExpectedVersion.ANY,
                        List.of(new NewEvent("bulk-2", "Tested", 1, "{}", EventMetadata.by("importer"))))));
                store.saveSnapshot(new Snapshot(STREAM, 7, "State", 1, "{\"balance\":7}"));
                bulk.commit();
            }
            assertEquals(7, store.loadSnapshot(STREAM, 10, 1).orElseThrow().version());
        }
    }
}

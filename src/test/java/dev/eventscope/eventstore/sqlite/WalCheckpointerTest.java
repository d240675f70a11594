package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAL is checkpointed beside the writer (session 15, docs/benchmarks-store.md): once it has grown by the interval,
 * a commit starts a checkpoint on a thread of its own, which copies the WAL's pages into the ledger file (in WAL mode
 * nothing else writes that file while a writer is open); below the interval nothing is copied. (The writer's own
 * automatic checkpoint, at four times the interval, is {@code LedgerFileTest}'s.)
 */
class WalCheckpointerTest {

    @TempDir
    Path folder;

    /** Opens a store and appends about 3 MB of events in one bulk, the store left open (its WAL not checkpointed). */
    private static SqliteEventStore storeWithAFullWal(Path file) throws Exception {
        SqliteEventStore store = SqliteEventStore.open(file);
        try (BulkAppend bulk = store.beginBulkAppend()) {
            String data = "{\"pad\":\"" + "x".repeat(1_000) + "\"}";
            for (int stream = 0; stream < 30; stream++) {
                List<NewEvent> events = new ArrayList<>();
                for (int n = 0; n < 100; n++) {
                    events.add(new NewEvent("e-" + stream + "-" + n, "Padded", 1, data, EventMetadata.by("tester")));
                }
                bulk.append(List.of(new StreamAppend(StreamId.of("account-" + stream), ExpectedVersion.NO_STREAM, events)));
            }
            bulk.commit();
        }
        return store;
    }

    @Test
    void a_wal_grown_by_the_interval_is_copied_into_the_ledger_file_by_a_thread_of_its_own() throws Exception {
        Path file = folder.resolve("grown.ledger");
        try (SqliteEventStore store = storeWithAFullWal(file)) {
            long fileBefore = Files.size(file);
            assertTrue(Files.size(Path.of(file + "-wal")) > 2_000_000, "the events are in the WAL");

            WalCheckpointer checkpointer = new WalCheckpointer(file, SqliteOptions.Synchronous.FULL, 1 << 20);
            checkpointer.committed();
            checkpointer.close();

            assertTrue(Files.size(file) > fileBefore + 2_000_000, "the WAL's pages were copied into the ledger file: "
                    + fileBefore + " -> " + Files.size(file));
            assertEquals(3_000, store.lastPosition());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void a_wal_below_the_interval_is_left_to_a_later_commit() throws Exception {
        Path file = folder.resolve("small.ledger");
        try (SqliteEventStore store = storeWithAFullWal(file)) {
            long fileBefore = Files.size(file);

            WalCheckpointer checkpointer = new WalCheckpointer(file, SqliteOptions.Synchronous.FULL, 1L << 40);
            checkpointer.committed();
            checkpointer.close();

            assertEquals(fileBefore, Files.size(file));
        }
    }

    @Test
    void a_bulk_append_has_its_wal_synced_by_a_thread_that_ends_with_the_bulk() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("synced.ledger"))) {
            Thread syncing;
            try (BulkAppend bulk = store.beginBulkAppend()) {
                syncing = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals("eventscope-wal-sync") && thread.isAlive())
                        .findFirst().orElseThrow(() -> new AssertionError("no thread syncs the open bulk's WAL"));
                bulk.append(List.of(new StreamAppend(StreamId.of("account-a"), ExpectedVersion.NO_STREAM,
                        List.of(new NewEvent("e-1", "Padded", 1, "{}", EventMetadata.by("tester"))))));
                bulk.commit();
            }
            syncing.join();
            assertEquals(1, store.lastPosition());
        }
    }
}

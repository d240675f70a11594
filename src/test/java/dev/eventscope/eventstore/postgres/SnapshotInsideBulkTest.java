package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary): an import saves snapshots inside its bulk append, on the bulk's thread and connection. Saving
 * one switched the connection to auto-commit, which committed the import so far and ran the rest of it statement by
 * statement: an import killed (SIGKILL) after its first snapshot left 1,621 events behind a head at 0 (verify: TAMPERED,
 * "event inserted"; the next import failed on a duplicate key), and a whole import ended "Cannot commit when autoCommit
 * is enabled" (exit 2) though it had been written. A snapshot saved inside a bulk is part of the bulk's transaction.
 */
class SnapshotInsideBulkTest {

    private static final StreamId CASH = StreamId.of("account-cash");

    @Test
    void a_bulk_that_saved_a_snapshot_and_is_then_abandoned_leaves_nothing_behind() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(0, 3))));
                store.saveSnapshot(new Snapshot(CASH, 3, "AccountState", 1, "{\"v\":3}"));
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(3), events(3, 2))));
                // no commit: the import failed, or its process was killed
            }

            assertEquals(0, store.lastPosition(), "nothing of the abandoned bulk was committed");
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(0, store.streamVersion(CASH));
            assertTrue(store.loadSnapshot(CASH, Long.MAX_VALUE, 1).isEmpty(), "the snapshot went with its bulk");
        }
    }

    @Test
    void a_bulk_that_saved_a_snapshot_commits_whole_with_it() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(0, 3))));
                store.saveSnapshot(new Snapshot(CASH, 3, "AccountState", 1, "{\"v\":3}"));
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(3), events(3, 2))));
                bulk.commit();
            }

            assertEquals(5, store.lastPosition());
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(3, store.loadSnapshot(CASH, Long.MAX_VALUE, 1).orElseThrow().version());
            store.saveSnapshot(new Snapshot(CASH, 5, "AccountState", 1, "{\"v\":5}"));
            assertEquals(5, store.loadSnapshot(CASH, Long.MAX_VALUE, 1).orElseThrow().version(), "outside a bulk as before");
        }
    }

    private static List<NewEvent> events(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> new NewEvent("e-" + i, "Moved", 1, "{\"i\":" + i + "}", new EventMetadata("u", null, null, null)))
                .toList();
    }
}

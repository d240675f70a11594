package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's roles working together: a projection that fails on an event stops there with its failure
 * while the others catch up to the end (live catch-up and failure isolation), and a rebuild that fails says
 * why and keeps the old tables in service (shadow rebuild), while one that completes carries no failure.
 */
class ProjectionFailureIsolationTest {

    @TempDir
    Path folder;

    @Test
    void a_failing_projection_stops_at_its_event_and_the_others_go_on() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        try (SqliteEventStore store = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels,
                     List.of(new RefusingProjection("fussy", 7), new RefusingProjection("quiet", -1)), 5)) {
            // batches of five, four to a transaction: the transaction of events 1-20 fails as a whole (7 is in its
            // second batch), so events 1-6 are applied again one by one before 7 fails
            projections.open(ProgressListener.NONE);
            long last = store.lastPosition();
            ProjectionStatus fussy = projections.status().get(0);
            ProjectionStatus quiet = projections.status().get(1);
            assertEquals(6, fussy.checkpoint(), "the events before the failing one were applied, one by one");
            assertEquals("FAILED", fussy.health());
            assertEquals(7, fussy.failure().orElseThrow().position());
            assertEquals(last, quiet.checkpoint(), "the other projection caught up to the end");
            assertTrue(quiet.failure().isEmpty());

            RebuildOutcome failed = projections.rebuild("fussy", ProgressListener.NONE, new CancellationToken());
            assertEquals(RebuildOutcome.Result.FAILED, failed.result());
            assertEquals(7, failed.failure().orElseThrow().position());
            assertEquals("this projection refuses event 7", failed.failure().orElseThrow().error());
            ProjectionStatus after = projections.status().get(0);
            assertEquals(6, after.checkpoint(), "the old read model still serves");
            assertEquals(0, after.rebuildPosition(), "the shadow copy was dropped");

            RebuildOutcome completed = projections.rebuild("quiet", ProgressListener.NONE, new CancellationToken());
            assertEquals(RebuildOutcome.Result.COMPLETED, completed.result());
            assertEquals(last, completed.position());
            assertTrue(completed.failure().isEmpty());
        }
    }
}

package dev.eventscope.projection;

import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.testing.ChildJvm;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.RandomLedger;
import dev.eventscope.timetravel.TimeTravelFixture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A catch-up or a rebuild killed with SIGKILL in a child JVM leaves read model and checkpoint
 * consistent: reopening continues from the checkpoint and ends with exactly what a rebuild from
 * scratch gives, and with balances equal to a full replay.
 */
class ProjectionCrashTest {

    @TempDir
    Path folder;

    private Path ledgerWithEvents() {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 42, "c", 20, 6_000);
        return file;
    }

    @Test
    void a_catch_up_killed_midway_resumes_from_its_checkpoint() throws Exception {
        Path file = ledgerWithEvents();
        killChildWhen("catch-up", file, state -> state.position() > 0);
        assertRecovered(file);
    }

    @Test
    void a_rebuild_killed_midway_leaves_the_old_read_model_and_resumes() throws Exception {
        Path file = ledgerWithEvents();
        try (TimeTravelFixture caughtUp = new TimeTravelFixture(file, 50, 500)) {
            assertEquals(caughtUp.store.lastPosition(), caughtUp.readModels.state(BalancesProjection.NAME).orElseThrow().position());
        }
        killChildWhen("rebuild", file, ProjectionState::building);
        try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            ProjectionState state = readModels.state(BalancesProjection.NAME).orElseThrow();
            assertTrue(state.building(), "the child was killed during the rebuild");
            assertEquals(1, state.generation(), "the old read model is still the one in service");
        }
        assertRecovered(file);
    }

    private void killChildWhen(String mode, Path file, Predicate<ProjectionState> reached) throws Exception {
        try (ChildJvm.Running child = ChildJvm.of(CrashChild.class, mode, file.toString()).foldersIn(folder).start()) {
            // the child holds the lock while it creates the tables (a ReadModelException): look again
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).ignoreException(ReadModelException.class)
                    .until(() -> !child.isAlive() || reached(file, reached));
            if (!child.isAlive()) {
                throw new AssertionError("the child finished before it could be killed; give it more events. It printed: "
                        + child.printed());
            }
            child.kill();
        }
    }

    private static boolean reached(Path file, Predicate<ProjectionState> reached) {
        try (SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(file)) {
            return readModels.state(BalancesProjection.NAME).filter(reached).isPresent();
        }
    }

    private static void assertRecovered(Path file) {
        try (TimeTravelFixture reopened = new TimeTravelFixture(file, 50, 500)) {
            long last = reopened.store.lastPosition();
            for (ProjectionStatus status : reopened.projections.status()) {
                assertEquals(last, status.checkpoint(), status.name());
                assertEquals(0, status.rebuildPosition(), status.name());
            }
            assertEquals(reopened.replay.balances(last),
                    reopened.timeTravel.ledgerBalancesAt(new Point.Latest()).balances());
            assertEquals(reopened.replay.balances(last / 3),
                    reopened.timeTravel.ledgerBalancesAt(new Point.AtPosition(last / 3)).balances());
            for (Projection projection : reopened.projections.projections()) {
                Map<String, List<ReadModelRow>> recovered = reopened.readModels.ledgerQueries().dump(projection.name());
                assertTrue(recovered.keySet().containsAll(projection.tables().stream().map(table -> table.name()).toList()),
                        "every table of " + projection.name() + " was read");
                reopened.projections.rebuild(projection.name(), ProgressListener.NONE, new CancellationToken());
                assertEquals(recovered, reopened.readModels.ledgerQueries().dump(projection.name()), projection.name());
            }
        }
    }
}

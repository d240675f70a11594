package dev.eventscope.ui.projections;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionFailure;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.Projections;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.projection.RebuildOutcome;
import dev.eventscope.projection.RefusingProjection;
import dev.eventscope.projection.RebuildProgress;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projections panel's model over a copy of the small-business sample, with a same-thread executor. */
class ProjectionsViewModelTest {

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<Long> jumps = new ArrayList<>();
    private SqliteEventStore store;
    private LedgerSession session;
    private ProjectionsViewModel model;

    private ProjectionsViewModel open(List<Projection> projections, int batchSize) throws Exception {
        create(projections, batchSize).start();
        return model;
    }

    /** The model over a copy of the sample, not started yet. */
    private ProjectionsViewModel create(List<Projection> projections, int batchSize) throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        store = SqliteEventStore.open(file);
        session = new LedgerSessions(new SqliteLedgerStoreFactory(), new SqliteReadModelStoreFactory(), new SqliteSearchIndexFactory(),
                (opened, readModels) -> new Projections(opened, BookkeepingCodec.create(), readModels, projections, batchSize))
                .of(file, store);
        model = new ProjectionsViewModel(session, executor, Clock.fixed(Instant.parse("2025-04-01T10:15:30Z"), ZoneOffset.UTC),
                ZoneOffset.UTC, jumps::add);
        return model;
    }

    @AfterEach
    void close() {
        if (model != null) {
            model.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private static ProjectionStatus status(long checkpoint, long last, ProjectionFailure failure, long rebuildPosition, int version) {
        return new ProjectionStatus("balances", version, 2, checkpoint, last, java.util.Optional.ofNullable(failure), rebuildPosition);
    }

    @Nested
    @DisplayName("the status of a projection")
    class Health {

        @Test
        void with_no_lag_it_is_live_and_with_lag_it_is_catching_up() {
            assertEquals(ProjectionHealth.LIVE, ProjectionHealth.of(status(40, 40, null, 0, 2), false, false));
            assertEquals(ProjectionHealth.CATCHING_UP, ProjectionHealth.of(status(30, 40, null, 0, 2), false, false));
            assertEquals(10, status(30, 40, null, 0, 2).lag());
        }

        @Test
        void while_the_ledger_opens_it_is_catching_up_even_without_lag() {
            assertEquals(ProjectionHealth.CATCHING_UP, ProjectionHealth.of(status(40, 40, null, 0, 2), true, false));
        }

        @Test
        void a_rebuild_here_or_elsewhere_wins_over_lag() {
            assertEquals(ProjectionHealth.REBUILDING, ProjectionHealth.of(status(30, 40, null, 0, 2), false, true));
            assertEquals(ProjectionHealth.REBUILDING, ProjectionHealth.of(status(30, 40, null, 12, 2), false, false));
        }

        @Test
        void a_failure_or_an_outdated_read_model_stops_it() {
            ProjectionFailure failure = new ProjectionFailure("balances", 7, "EntryPosted", "no such account");
            assertEquals(ProjectionHealth.STOPPED, ProjectionHealth.of(status(6, 40, failure, 0, 2), false, true));
            assertEquals(ProjectionHealth.STOPPED, ProjectionHealth.of(status(40, 40, null, 0, 1), false, false));
        }
    }

    @Nested
    @DisplayName("progress in words")
    class Words {

        @Test
        void position_speed_and_time_left_are_formatted_for_people() {
            RebuildProgress progress = new RebuildProgress("balances", 250_000, 1_000_000, 45_210.4, Duration.ofSeconds(185));
            assertEquals("Rebuilding balances: event 250,000 of 1,000,000 (25 %)", ProgressText.position(progress));
            RebuildProgress opening = new RebuildProgress(RebuildProgress.CATCH_UP, 450_000, 1_000_000, 90_000, Duration.ofSeconds(6));
            assertEquals("Catching up the read models: event 450,000 of 1,000,000 (45 %)", ProgressText.position(opening));
            assertEquals("Projections: catching up… 45 %", ProgressText.catchingUp(opening));
            assertEquals("45,210 events/s", ProgressText.speed(progress.eventsPerSecond()));
            assertEquals("about 3 min 5 s left", ProgressText.remaining(progress.estimatedRemaining()));
            assertEquals("about 42 s left", ProgressText.remaining(Duration.ofSeconds(42)));
            assertEquals("less than a second left", ProgressText.remaining(Duration.ofMillis(300)));
            assertEquals("about 1 h 2 min left", ProgressText.remaining(Duration.ofMinutes(62)));
        }

        @Test
        void a_rebuild_of_several_projections_gives_the_share_the_bar_shows_and_what_follows() {
            // session 16: "event 145,000 of 200,000 (73 %) · projection 1 of 4" under a bar at 18 %, and the time left
            // was the first projection's alone
            RebuildProgress first = new RebuildProgress("balances", 145_000, 200_000, 7_602, Duration.ofSeconds(7));
            assertEquals("Rebuilding balances (projection 1 of 4): event 145,000 of 200,000 · 18 % of the whole rebuild",
                    ProgressText.positionOfSeveral(first, 0, 4));
            assertEquals("about 7 s left for balances, then 3 more projections", ProgressText.remainingOfSeveral(first, 0, 4));
            RebuildProgress last = new RebuildProgress("event_counts", 100_000, 200_000, 7_602, Duration.ofSeconds(13));
            assertEquals("Rebuilding event_counts (projection 4 of 4): event 100,000 of 200,000 · 88 % of the whole rebuild",
                    ProgressText.positionOfSeveral(last, 3, 4));
            assertEquals("about 13 s left for event_counts", ProgressText.remainingOfSeveral(last, 3, 4));
        }

        @Test
        void a_cancelled_rebuild_says_the_old_read_model_still_serves() {
            String sentence = ProjectionsViewModel.sentence(RebuildOutcome.cancelled("journal", 1_200), 3_400);
            assertEquals("The rebuild of journal was cancelled at event 1,200; the old read model (checkpoint 3,400) still serves.", sentence);
        }
    }

    @Test
    void a_status_read_while_opening_leaves_the_status_bars_percentage() throws Exception {
        // session 17's shot at 1920: the timeline said 5 % while the status bar, refreshed meanwhile, said "200,000 behind"
        create(BuiltInProjections.all(), 100);
        List<String> statusLines = new ArrayList<>();
        boolean[] refreshed = new boolean[1];
        model.statusLineProperty().addListener((property, before, now) -> {
            statusLines.add(now);
            if (!refreshed[0] && now.matches("Projections: catching up… [1-9][0-9]? %")) {
                refreshed[0] = true;
                model.refreshStatus();
            }
        });
        model.start();
        assertTrue(refreshed[0], "the status was read while the read models opened: " + statusLines);
        List<String> whileOpening = statusLines.subList(0, statusLines.size() - 1);
        assertTrue(whileOpening.stream().allMatch(line -> line.startsWith("Projections: catching up…")),
                "only the percentage until the read models are open: " + statusLines);
        assertEquals("Projections live", model.statusLineProperty().get());
    }

    @Test
    void the_first_open_shows_how_far_the_catch_up_is_in_the_panel_and_the_status_bar() throws Exception {
        create(BuiltInProjections.all(), 100);
        List<String> statusLines = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        model.statusLineProperty().addListener((property, before, now) -> statusLines.add(now));
        model.progressTextProperty().addListener((property, before, now) -> positions.add(now));
        model.start();
        long last = store.lastPosition();
        // shown at most four times a second (ProgressListener.SHOWN_EVERY), and always the first batch and the end
        assertTrue(statusLines.stream().anyMatch(line -> line.matches("Projections: catching up… \\d %|Projections: catching up… [1-9]\\d %")),
                "the status bar says how far the catch-up is before its end: " + statusLines);
        assertTrue(statusLines.contains("Projections: catching up… 100 %"), statusLines.toString());
        assertTrue(positions.contains(String.format(java.util.Locale.ROOT,
                "Catching up the read models: event %,d of %,d (100 %%)", last, last)), positions.toString());
        assertEquals("Projections live", model.statusLineProperty().get());
        assertEquals("", model.progressTextProperty().get(), "the progress goes away once the read models are open");
    }

    @Test
    void opening_catches_every_projection_up_and_shows_it_live() throws Exception {
        open(BuiltInProjections.all(), 5_000);
        long last = store.lastPosition();
        assertEquals(List.of("balances", "journal", "activity", "event_counts"),
                model.rows().stream().map(ProjectionRow::name).toList());
        for (ProjectionRow row : model.rows()) {
            assertEquals(ProjectionHealth.LIVE, row.health(), row.name());
            assertEquals(last, row.checkpoint());
            assertEquals(0, row.lag());
            assertEquals("10:15:30", row.lastUpdate());
        }
        assertEquals("Projections live", model.statusLineProperty().get());
        assertTrue(model.failures().isEmpty());
        assertTrue(model.locationProperty().get().contains("books.ledger"), model.locationProperty().get());
    }

    @Test
    void a_rebuild_reports_its_progress_to_the_end_and_the_projection_is_live_again() throws Exception {
        open(BuiltInProjections.all(), 50);
        List<Double> fractions = new ArrayList<>();
        model.progressProperty().addListener((observable, before, fraction) -> fractions.add(fraction.doubleValue()));
        model.rebuild("journal");
        assertTrue(fractions.size() > 2, "one step per batch of 50: " + fractions);
        assertTrue(fractions.contains(1.0) || fractions.stream().anyMatch(fraction -> fraction > 0.9), fractions.toString());
        // done: no progress bar, no Cancel, and a message in the colour of success
        assertEquals("", model.progressTextProperty().get());
        assertTrue(model.messageIsGoodProperty().get());
        assertTrue(model.messageProperty().get().startsWith("journal was rebuilt through event " + String.format("%,d", store.lastPosition())),
                model.messageProperty().get());
        assertEquals(ProjectionHealth.LIVE, model.rows().get(1).health());
        assertTrue(!model.rebuildingProperty().get());
    }

    @Test
    void once_every_event_is_read_the_panel_says_the_rebuilt_table_is_put_in_place_and_cancel_greys() throws Exception {
        // session 16: Cancel pressed at 100 % (while the rebuilt table is indexed and swapped in) greyed, the text unchanged
        open(BuiltInProjections.all(), 50);
        java.util.Map<String, Boolean> cancellableWhenSaid = new java.util.LinkedHashMap<>();
        model.progressTextProperty().addListener((observable, before, text) -> cancellableWhenSaid.put(text, model.cancellableProperty().get()));
        model.rebuildAll();
        assertEquals(false, cancellableWhenSaid.get("Putting the rebuilt balances in place (projection 1 of 4)…"), cancellableWhenSaid.toString());
        assertEquals(false, cancellableWhenSaid.get("Putting the rebuilt event_counts in place (projection 4 of 4)…"), cancellableWhenSaid.toString());
        assertTrue(cancellableWhenSaid.entrySet().stream().anyMatch(said -> said.getKey().startsWith("Rebuilding journal (projection 2 of 4)")
                && said.getValue()), "the next projection's rebuild may be cancelled again: " + cancellableWhenSaid);
        model.rebuild("journal");
        assertTrue(cancellableWhenSaid.containsKey("Putting the rebuilt journal in place…"), cancellableWhenSaid.toString());
    }

    @Test
    void cancelling_a_rebuild_keeps_the_old_read_model_in_service() throws Exception {
        open(BuiltInProjections.all(), 50);
        long last = store.lastPosition();
        model.progressProperty().addListener((observable, before, fraction) -> {
            if (fraction.doubleValue() > 0) {
                model.cancelRebuild();
            }
        });
        model.rebuild("balances");
        // cancelled after the first rebuild batch (its size is the projections' batch size times their rebuild factor)
        assertTrue(model.messageProperty().get().matches("The rebuild of balances was cancelled at event [0-9,]+;.*"),
                model.messageProperty().get());
        assertTrue(model.messageProperty().get().endsWith("the old read model (checkpoint " + String.format("%,d", last) + ") still serves."));
        ProjectionRow balances = model.rows().get(0);
        assertEquals(ProjectionHealth.LIVE, balances.health());
        assertEquals(last, balances.checkpoint());
        assertEquals(0, session.projections().status().get(0).rebuildPosition(), "the shadow copy was dropped");
    }

    @Test
    void a_projection_that_fails_on_an_event_is_stopped_and_its_failure_jumps_to_that_event() throws Exception {
        open(List.of(new RefusingProjection("fussy", 7)), 5_000);
        ProjectionRow fussy = model.rows().get(0);
        assertEquals(ProjectionHealth.STOPPED, fussy.health());
        assertEquals(6, fussy.checkpoint());
        assertEquals(1, model.failures().size());
        ProjectionFailure failure = model.failures().get(0);
        assertEquals("fussy", failure.projection());
        assertEquals(7, failure.position());
        assertEquals(store.readAt(7).orElseThrow().type(), failure.eventType());
        assertEquals("this projection refuses event 7", failure.error());
        assertEquals("1 projection stopped", model.statusLineProperty().get());
        model.jumpTo(failure);
        assertEquals(List.of(7L), jumps);
    }
}

package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.RebuildProgress;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.SameThreadExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 16's trial: the first open of a large ledger said "Preparing time travel…" for up to a minute, nothing of what was
 * built or how far, and the status bar's percentage came only once the catch-up had started (and never when the timeline was
 * the one opening the read models). The timeline now says both from the start and tells the projections panel too.
 */
class PreparingTimeTravelTest {

    @TempDir
    Path folder;

    @Test
    void a_first_open_says_what_is_built_and_how_far_and_tells_the_status_bar_too() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("first.ledger"));
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            long events = store.lastPosition();
            TimelineViewModel model = new TimelineViewModel(TestSessions.of(ledger, store), new SameThreadExecutor(), ZoneOffset.UTC,
                    new SimpleObjectProperty<StreamId>());
            assertTrue(model.statusProperty().get().startsWith("Preparing time travel: opening the read models"),
                    "what is being done, from the start: " + model.statusProperty().get());
            List<String> said = new ArrayList<>();
            model.statusProperty().addListener((observable, before, now) -> said.add(now));
            List<RebuildProgress> told = new ArrayList<>();
            model.start(told::add);
            assertFalse(told.isEmpty(), "the opening's steps reach the projections panel (the status bar) as well");
            assertEquals(events, told.get(told.size() - 1).position());
            assertTrue(said.contains(PreparingText.of(told.get(told.size() - 1))), said.toString());
            assertTrue(said.contains(String.format(java.util.Locale.ROOT,
                    "Building the read models for time travel: indexing their %,d events (once, after a first open)…", events)),
                    said.toString());
            assertEquals("Select a stream, or choose Whole ledger.", said.get(said.size() - 1), "then the timeline as before");
            model.close();
        }
    }

    @Test
    void the_steps_between_are_said_in_events_and_percent() {
        // how far comes before the detail: a status cut at 1280 px still says what and how far
        assertEquals("Building the read models for time travel: 23 % (event 45,000 of 200,000)…",
                PreparingText.of(new RebuildProgress(RebuildProgress.CATCH_UP, 45_000, 200_000, 9_000, Duration.ofSeconds(17))));
        assertEquals("Rebuilding balances (an older Eventscope's) for time travel: 25 % (event 1,000 of 4,000)…",
                PreparingText.of(new RebuildProgress("balances", 1_000, 4_000, 500, Duration.ofSeconds(6))));
        assertEquals("Building the read models for time travel: putting the rebuilt balances in place…",
                PreparingText.of(new RebuildProgress("balances", 4_000, 4_000, 500, Duration.ZERO)));
    }
}

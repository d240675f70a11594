package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first open of a ledger builds every read model from nothing, which on a large ledger takes seconds: it says
 * how far it is after every batch (issue 15), so the app's projections panel and the command line's progress bar
 * move; a second open, with nothing to catch up, says nothing.
 */
class FirstOpenProgressTest {

    @TempDir
    Path folder;

    @Test
    void the_first_open_reports_the_catch_up_batch_by_batch_up_to_the_last_event_and_the_second_open_nothing() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        List<RebuildProgress> first = new ArrayList<>();
        long last = open(file, first);
        assertTrue(last > 300, "the sample is large enough for several batches of 100: " + last);
        assertEquals((last + 99) / 100, first.size(), "one report per batch of 100 events");
        for (int i = 0; i < first.size(); i++) {
            RebuildProgress step = first.get(i);
            assertEquals("read models", step.projection());
            assertEquals(last, step.lastPosition());
            assertEquals(Math.min(last, 100L * (i + 1)), step.position(), "report " + i);
            assertTrue(step.eventsPerSecond() > 0, "a speed: " + step);
        }
        assertEquals(1.0, first.get(first.size() - 1).fraction());

        List<RebuildProgress> second = new ArrayList<>();
        open(file, second);
        assertEquals(List.of(), second, "nothing to catch up, nothing to report");
    }

    /** Opens the ledger's read models (in a file beside it) in batches of 100, checks every one is at the end; the last position. */
    private long open(Path file, List<RebuildProgress> reports) {
        try (SqliteEventStore store = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(folder.resolve("models.sqlite"), file);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(), 100)) {
            projections.open(reports::add);
            for (ProjectionStatus status : projections.status()) {
                assertEquals(store.lastPosition(), status.checkpoint(), status.name());
            }
            return store.lastPosition();
        }
    }
}

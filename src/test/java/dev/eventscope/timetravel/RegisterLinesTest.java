package dev.eventscope.timetravel;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A register line shows who posted it, by which command and when; those are the event's own columns in
 * the store, joined when lines are read: from the ledger file itself, and from a ledger opened read-only
 * whose read models live in a separate file.
 */
class RegisterLinesTest {

    @TempDir
    Path folder;

    @Test
    void every_line_carries_the_user_command_and_time_of_its_event_in_both_kinds_of_read_model() {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 5, "p", 4, 30);
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 20, 50)) {
            assertLinesMatchEvents(fixture.store, linesOf(fixture.readModels));
        }
        try (SqliteEventStore store = SqliteEventStore.open(file, SqliteOptions.defaults().withReadOnly(true));
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(folder.resolve("cache/rm.sqlite"), file)) {
            Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(20), 50);
            projections.open(ProgressListener.NONE);
            assertLinesMatchEvents(store, linesOf(readModels));
            projections.close();
        }
    }

    private static List<RegisterLine> linesOf(SqliteReadModelStore readModels) {
        List<RegisterLine> lines = new ArrayList<>();
        readModels.ledgerQueries().registerBetween(0, Long.MAX_VALUE, lines::add);
        return lines;
    }

    private static void assertLinesMatchEvents(SqliteEventStore store, List<RegisterLine> lines) {
        assertFalse(lines.isEmpty());
        for (RegisterLine line : lines) {
            RecordedEvent event = store.readAt(line.position()).orElseThrow();
            assertEquals(event.metadata().user(), line.user(), "user of " + line.position());
            assertEquals(event.metadata().commandName(), line.command(), "command of " + line.position());
            assertEquals(event.recordedAtMicros(), line.recordedAtMicros(), "time of " + line.position());
        }
    }
}

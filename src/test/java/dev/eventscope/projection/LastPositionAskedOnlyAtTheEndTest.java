package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.ForwardingEventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A catch-up asks the store for its last position only when a batch reaches the last position it was told (the
 * question waits for the reading connection, which the read-ahead holds while it reads a page), and still settles with
 * the batch that reaches the end: every projection ends at the ledger's last event.
 */
class LastPositionAskedOnlyAtTheEndTest {

    @TempDir
    Path folder;

    @Test
    void a_catch_up_of_many_batches_asks_for_the_last_position_a_few_times_and_ends_at_it() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        try (SqliteEventStore ledger = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(folder.resolve("models.sqlite"), file)) {
            AtomicInteger asked = new AtomicInteger();
            ForwardingEventStore store = new ForwardingEventStore(ledger) {
                @Override
                public long lastPosition() {
                    asked.incrementAndGet();
                    return super.lastPosition();
                }
            };
            long last = ledger.lastPosition();
            int batchSize = 50;
            assertTrue(last > 10 * batchSize, "enough events for many batches: " + last);
            try (Projections projections = new Projections(store, BookkeepingCodec.create(), readModels,
                    BuiltInProjections.all(), batchSize)) {
                asked.set(0);
                projections.open(ProgressListener.NONE);
                assertTrue(asked.get() <= 3, "asked " + asked.get() + " times for " + last / batchSize + " batches");
                for (Projection projection : BuiltInProjections.all()) {
                    assertEquals(last, readModels.state(projection.name()).orElseThrow().position(), projection.name());
                }
            }
        }
    }
}

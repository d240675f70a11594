package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ForwardingEventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catch-up and the rebuild read batches ahead, on other threads, through the store's cursor that reads pages ahead:
 * a read that fails mid-ledger still fails the catch-up with the store's own error, leaving every projection where its
 * last applied event is (the next catch-up goes on from there to the end); a cancelled rebuild stops reading.
 */
class CatchUpPipelineTest {

    private static final int BATCH = 20;

    @TempDir
    Path folder;

    /** The ledger, its catch-up cursors counting the events they give and failing at one position when told. */
    private static final class Watched extends ForwardingEventStore {
        private final SqliteEventStore ledger;
        final AtomicLong given = new AtomicLong();
        volatile long failAt = -1;

        Watched(SqliteEventStore ledger) {
            super(ledger);
            this.ledger = ledger;
        }

        @Override
        public EventCursor readAllForProjections(long afterPosition, Set<String> categories) {
            EventCursor cursor = ledger.readAllForProjections(afterPosition, categories);
            return new EventCursor() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public RecordedEvent next() {
                    RecordedEvent event = cursor.next();
                    if (event.position() == failAt) {
                        throw new EventStoreException("Could not read the events of the ledger: event " + failAt + " is damaged.");
                    }
                    given.incrementAndGet();
                    return event;
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }
    }

    @Test
    void a_read_failing_mid_ledger_fails_the_catch_up_with_the_stores_error_and_the_next_one_goes_on() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        try (SqliteEventStore ledger = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(folder.resolve("models.sqlite"), file)) {
            Watched store = new Watched(ledger);
            long last = ledger.lastPosition();
            long damaged = last / 2 + 7;
            store.failAt = damaged;
            try (Projections projections = new Projections(store, BookkeepingCodec.create(), readModels,
                    BuiltInProjections.all(), BATCH)) {
                EventStoreException failed = assertThrows(EventStoreException.class,
                        () -> projections.open(ProgressListener.NONE));
                assertEquals("Could not read the events of the ledger: event " + damaged + " is damaged.", failed.getMessage());
                for (Projection projection : BuiltInProjections.all()) {
                    long at = readModels.state(projection.name()).orElseThrow().position();
                    assertTrue(at < damaged, projection.name() + " stands at " + at + ", before the damaged event " + damaged);
                }
                store.failAt = -1;
                projections.open(ProgressListener.NONE);
                for (Projection projection : BuiltInProjections.all()) {
                    assertEquals(last, readModels.state(projection.name()).orElseThrow().position(), projection.name());
                }
            }
        }
    }

    @Test
    void a_cancelled_rebuild_stops_reading_and_keeps_the_old_read_model() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        try (SqliteEventStore ledger = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(folder.resolve("models.sqlite"), file)) {
            Watched store = new Watched(ledger);
            long last = ledger.lastPosition();
            try (Projections projections = new Projections(store, BookkeepingCodec.create(), readModels,
                    BuiltInProjections.all(), BATCH)) {
                projections.open(ProgressListener.NONE);
                String name = BuiltInProjections.all().get(0).name();
                ProjectionState before = readModels.state(name).orElseThrow();
                CancellationToken cancellation = new CancellationToken();
                store.given.set(0);
                RebuildOutcome outcome = projections.rebuild(name, progress -> cancellation.cancel(), cancellation);
                assertEquals(RebuildOutcome.Result.CANCELLED, outcome.result());
                long read = store.given.get();
                // the batch applied, the batches read ahead and the one being read when it was cancelled, at most
                long rebuildBatch = (long) BATCH * Projections.REBUILD_BATCH_FACTOR;
                assertTrue(read <= (2 + BatchReader.BATCHES_AHEAD) * rebuildBatch && read < last,
                        read + " events read of " + last);
                assertEquals(before.position(), readModels.state(name).orElseThrow().position());
                assertEquals(before.generation(), readModels.state(name).orElseThrow().generation());
            }
        }
    }
}

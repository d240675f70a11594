package dev.eventscope.cli;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.timetravel.TimeTravel;

import java.nio.file.Files;

/**
 * A ledger opened for time travel and projections: the store, its read models (in the ledger file
 * when {@code writable}, else in the user's cache), the projection engine and time travel.
 */
final class TimeTravelSession implements AutoCloseable {

    private final EventStore store;
    private final ReadModelStore readModels;
    private final Projections projections;
    private final TimeTravel timeTravel;

    private TimeTravelSession(EventStore store, ReadModelStore readModels) {
        EventCodec codec = BookkeepingCodec.create();
        this.store = store;
        this.readModels = readModels;
        this.projections = new Projections(store, codec, readModels, BuiltInProjections.all());
        this.timeTravel = new TimeTravel(store, codec, projections);
    }

    /** Opens the ledger; read models go into it when it may be written and {@code preferWritable} is set. */
    static TimeTravelSession open(LedgerStoreFactory stores, LedgerOption ledger, boolean preferWritable) {
        EventStore store = preferWritable && Files.isWritable(ledger.file()) && Files.isRegularFile(ledger.file())
                ? stores.open(ledger.file()) : ledger.openReadOnly(stores);
        try {
            return new TimeTravelSession(store, ReadModelStoreFactory.installed().open(ledger.file(), store.isReadOnly()));
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }
    }

    /** Creates and catches up every read model (rebuilding outdated ones). */
    TimeTravelSession openProjections(ProgressListener progress) {
        projections.open(progress);
        return this;
    }

    EventStore store() {
        return store;
    }

    Projections projections() {
        return projections;
    }

    TimeTravel timeTravel() {
        return timeTravel;
    }

    ReadModelStore readModels() {
        return readModels;
    }

    @Override
    public void close() {
        projections.close();
        readModels.close();
        store.close();
    }
}

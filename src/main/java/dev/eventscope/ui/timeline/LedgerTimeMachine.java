package dev.eventscope.ui.timeline;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.timetravel.TimeTravel;

import java.nio.file.Path;

/**
 * The read models and the time-travel engine of one open ledger, as the CLI's state command builds
 * them: read models in the ledger file when it may be written, else in the user's cache. Opening
 * catches the projections up, so it runs off the UI thread.
 */
public final class LedgerTimeMachine implements AutoCloseable {

    private final EventStore store;
    private final ReadModelStore readModels;
    private final Projections projections;
    private final TimeTravel timeTravel;

    private LedgerTimeMachine(EventStore store, ReadModelStore readModels) {
        EventCodec codec = BookkeepingCodec.create();
        this.store = store;
        this.readModels = readModels;
        this.projections = new Projections(store, codec, readModels, BuiltInProjections.all());
        this.timeTravel = new TimeTravel(store, codec, projections);
    }

    /** Opens the read models beside {@code file} and catches them up (slow on a large ledger the first time). */
    public static LedgerTimeMachine open(Path file, EventStore store) {
        ReadModelStore readModels = ReadModelStoreFactory.installed().open(file, store.isReadOnly());
        LedgerTimeMachine machine = new LedgerTimeMachine(store, readModels);
        try {
            machine.projections.open(ProgressListener.NONE);
            machine.projections.follow();
        } catch (RuntimeException failed) {
            machine.close();
            throw failed;
        }
        return machine;
    }

    public EventStore store() {
        return store;
    }

    public TimeTravel timeTravel() {
        return timeTravel;
    }

    public LedgerQueries queries() {
        return readModels.ledgerQueries();
    }

    public Projections projections() {
        return projections;
    }

    /** Closes the read models; the store belongs to the session. */
    @Override
    public void close() {
        projections.close();
        readModels.close();
    }
}

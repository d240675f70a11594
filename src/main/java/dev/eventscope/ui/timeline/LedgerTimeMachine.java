package dev.eventscope.ui.timeline;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.ui.LedgerReadModels;
import dev.eventscope.timetravel.TimeTravel;

import java.nio.file.Path;

/**
 * The read models and the time-travel engine of one open ledger, as the CLI's state command builds
 * them: read models in the ledger file when it may be written, else in the user's cache. Opening
 * catches the projections up, so it runs off the UI thread.
 */
public final class LedgerTimeMachine implements AutoCloseable {

    private final EventStore store;
    private final Projections projections;
    private final TimeTravel timeTravel;

    private LedgerTimeMachine(EventStore store, LedgerReadModels readModels) {
        this.store = store;
        this.projections = readModels.projections();
        this.timeTravel = readModels.timeTravel();
    }

    /**
     * The session's read models and time travel, caught up (slow on a large ledger the first time;
     * the projections panel may be catching up the same projections, which is safe: catch-up is serialised).
     */
    public static LedgerTimeMachine open(LedgerReadModels readModels, EventStore store) {
        LedgerTimeMachine machine = new LedgerTimeMachine(store, readModels);
        machine.projections.open(ProgressListener.NONE);
        machine.projections.follow();
        return machine;
    }

    public EventStore store() {
        return store;
    }

    public TimeTravel timeTravel() {
        return timeTravel;
    }

    public LedgerQueries queries() {
        return projections.readModels().ledgerQueries();
    }

    public Projections projections() {
        return projections;
    }

    /** Nothing to close: the read models belong to the session, which closes them with the ledger. */
    @Override
    public void close() {
    }
}

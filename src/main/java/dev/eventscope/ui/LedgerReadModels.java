package dev.eventscope.ui;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelStoreFactory;
import dev.eventscope.timetravel.TimeTravel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The read models of one open ledger, shared by every panel: the projection engine and time travel
 * over it. Nothing is opened until first asked for (so call {@link #projections()} and
 * {@link #timeTravel()} off the UI thread the first time); the read models live in the ledger when it
 * is writable, else (auditor mode) in the user's cache file, as {@link ReadModelStoreFactory} decides.
 * Thread-safe; {@link #close()} is called when the ledger closes, before its store.
 */
public final class LedgerReadModels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReadModels.class);

    private final EventStore store;
    private final Supplier<Projections> opener;
    private Projections projections;
    private TimeTravel timeTravel;
    private boolean closed;

    /** The built-in projections of {@code file}, whose read models are opened on first use. */
    public LedgerReadModels(Path file, EventStore store) {
        this(store, () -> {
            ReadModelStore readModels = ReadModelStoreFactory.installed().open(file, store.isReadOnly());
            return new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all());
        });
    }

    /** For tests and tools: the projections come from {@code opener} (called at most once). */
    public LedgerReadModels(EventStore store, Supplier<Projections> opener) {
        this.store = Objects.requireNonNull(store, "store");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** The projection engine, opened (not yet caught up) on first use; throws once the ledger is closed. */
    public synchronized Projections projections() {
        if (closed) {
            throw new IllegalStateException("The ledger was closed; its read models are no longer available.");
        }
        if (projections == null) {
            projections = opener.get();
        }
        return projections;
    }

    /** Time travel over the ledger, answering from the read models where it can. */
    public synchronized TimeTravel timeTravel() {
        if (timeTravel == null) {
            timeTravel = new TimeTravel(store, BookkeepingCodec.create(), projections());
        }
        return timeTravel;
    }

    /** Whether the read models were opened (and so may be read without I/O of opening them). */
    public synchronized boolean isOpen() {
        return projections != null && !closed;
    }

    /** Where the read models are kept ("" until opened): the ledger file, or a cache file in auditor mode. */
    public synchronized String location() {
        return projections == null ? "" : projections.readModels().location();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (projections != null) {
            try {
                projections.close();
                projections.readModels().close();
            } catch (RuntimeException failed) {
                LOG.warn("closing the read models failed: {}", failed.toString());
            }
            projections = null;
            timeTravel = null;
        }
    }
}

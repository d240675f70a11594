package dev.eventscope.session;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.search.IndexingProgress;
import dev.eventscope.projection.search.LedgerSearch;
import dev.eventscope.projection.search.SearchIndexFactory;
import dev.eventscope.timetravel.TimeTravel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The read models of one open ledger: the projection engine and time travel over it, opened on first
 * use (so the first call belongs off the UI thread), and its search index (outside the ledger, opened on request). Thread-safe; closed with the session, before its store.
 */
final class LedgerReadModels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReadModels.class);

    private final EventStore store;
    private final Supplier<Projections> opener;
    private final SearchIndexFactory searchIndexes;
    private Projections projections;
    private TimeTravel timeTravel;
    private boolean closed;

    LedgerReadModels(EventStore store, Supplier<Projections> opener, SearchIndexFactory searchIndexes) {
        this.store = Objects.requireNonNull(store, "store");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.searchIndexes = Objects.requireNonNull(searchIndexes, "searchIndexes");
    }

    /** Opens the ledger's search index kept in {@code indexDirectory}; the caller closes it. */
    LedgerSearch openSearch(Path indexDirectory, IndexingProgress upgrade) {
        return LedgerSearch.open(store, indexDirectory, searchIndexes, upgrade);
    }

    synchronized Projections projections() {
        if (closed) {
            throw new IllegalStateException("The ledger was closed; its read models are no longer available.");
        }
        if (projections == null) {
            projections = opener.get();
        }
        return projections;
    }

    synchronized TimeTravel timeTravel() {
        if (timeTravel == null) {
            timeTravel = new TimeTravel(store, BookkeepingCodec.create(), projections());
        }
        return timeTravel;
    }

    synchronized boolean isOpen() {
        return projections != null && !closed;
    }

    synchronized String location() {
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

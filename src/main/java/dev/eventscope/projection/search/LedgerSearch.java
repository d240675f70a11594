package dev.eventscope.projection.search;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;

import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * Search across one ledger: opens the ledger's index file (by ledger id, in the given folder), brings it
 * up to date with the ledger, and answers queries. Reads the ledger only; the index is the only file written.
 */
public final class LedgerSearch implements AutoCloseable {

    private final SearchIndex index;
    private final SearchProjection projection;
    private final LongFunction<EventCursor> events;
    private final long lastPosition;
    private final String ledgerId;

    private LedgerSearch(SearchIndex index, LongFunction<EventCursor> events, String ledgerId, long lastPosition) {
        this.index = index;
        this.projection = new SearchProjection(index);
        this.events = events;
        this.ledgerId = ledgerId;
        this.lastPosition = lastPosition;
    }

    /** Opens the index of the store's ledger in {@code indexDirectory}; nothing is indexed yet (see {@link #catchUp()}). */
    public static LedgerSearch open(EventStore store, Path indexDirectory, SearchIndexFactory factory) {
        return open(store, indexDirectory, factory, IndexingProgress.NONE);
    }

    /** As {@link #open(EventStore, Path, SearchIndexFactory)}; {@code upgrade} hears how far the upgrade of an older index is. */
    public static LedgerSearch open(EventStore store, Path indexDirectory, SearchIndexFactory factory, IndexingProgress upgrade) {
        LongFunction<EventCursor> events = store::readAll;
        String ledgerId = SearchProjection.ledgerId(events).orElse("empty-ledger");
        return new LedgerSearch(factory.open(SearchIndexes.fileOf(indexDirectory, ledgerId), upgrade), events, ledgerId,
                store.lastPosition());
    }

    /** Indexes the events recorded since the last time; returns how many. */
    public long catchUp() {
        return catchUp(IndexingProgress.NONE);
    }

    /** As {@link #catchUp()}, telling {@code progress} how far it is after each batch. */
    public long catchUp(IndexingProgress progress) {
        return projection.catchUp(events, ledgerId, lastPosition, progress);
    }

    /** Forgets the index and indexes every event again; returns how many. */
    public long rebuild() {
        return projection.rebuild(events, ledgerId, lastPosition);
    }

    /** See {@link SearchIndex#warmUp}: for an index kept open between searches (the app's), not for a one-shot command. */
    public void warmUp() {
        index.warmUp();
    }

    public SearchPage search(SearchQuery query) {
        return index.search(query);
    }

    /** The page after {@code after} (null: the first), by key: each page costs what the first costs. */
    public SearchPage search(SearchQuery query, SearchCursor after) {
        return index.search(query, after);
    }

    public long count(SearchQuery query) {
        return index.count(query);
    }

    public String ledgerId() {
        return ledgerId;
    }

    @Override
    public void close() {
        index.close();
    }
}

package dev.eventscope.projection.search;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Keeps a {@link SearchIndex} up to date with a ledger: reads the events after the index's checkpoint and
 * adds them in batches, each batch one transaction with its checkpoint, so an interrupted catch-up resumes
 * where it stopped. An index of another ledger, or one ahead of the ledger (a ledger replaced by an older
 * copy), is cleared and rebuilt.
 */
public final class SearchProjection {

    private static final int BATCH = 5_000;
    /** A catch-up adding at least this many events refreshes the index's statistics. */
    private static final int ANALYZE_AFTER = 50_000;

    private final SearchIndex index;
    private final SearchDocuments documents = new SearchDocuments();

    public SearchProjection(SearchIndex index) {
        this.index = index;
    }

    /**
     * Brings the index up to the ledger's last position; returns how many events were added.
     *
     * @param events        the ledger's events after a position (an {@code EventStore::readAll})
     * @param ledgerId      the ledger's id (its first event's id)
     * @param lastPosition  the ledger's last position
     */
    public long catchUp(LongFunction<EventCursor> events, String ledgerId, long lastPosition) {
        return catchUp(events, ledgerId, lastPosition, IndexingProgress.NONE);
    }

    /** As {@link #catchUp(LongFunction, String, long)}, telling {@code progress} after each batch how far it is (by position). */
    public long catchUp(LongFunction<EventCursor> events, String ledgerId, long lastPosition, IndexingProgress progress) {
        if (index.ledgerId() != null && (!index.ledgerId().equals(ledgerId) || index.checkpoint() > lastPosition)) {
            index.clear();
        }
        long added = 0;
        long from = index.checkpoint();
        long total = Math.max(0, lastPosition - from);
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        try (EventCursor cursor = events.apply(from)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                batch.add(documents.of(event));
                if (batch.size() == BATCH) {
                    index.add(ledgerId, batch, event.position());
                    added += batch.size();
                    batch.clear();
                    progress.reached(Math.min(total, event.position() - from), total);
                }
            }
        }
        if (!batch.isEmpty()) {
            index.add(ledgerId, batch, batch.get(batch.size() - 1).position());
            added += batch.size();
            progress.reached(total, total);
        }
        if (added >= ANALYZE_AFTER) {
            index.analyze();
        }
        return added;
    }

    /** Forgets the index and builds it again from the first event. */
    public long rebuild(LongFunction<EventCursor> events, String ledgerId, long lastPosition) {
        index.clear();
        return catchUp(events, ledgerId, lastPosition);
    }

    /** The ledger id of a ledger: the event id of its first event, or empty for an empty ledger. */
    public static Optional<String> ledgerId(LongFunction<EventCursor> events) {
        try (EventCursor cursor = events.apply(0)) {
            return cursor.hasNext() ? Optional.of(cursor.next().eventId()) : Optional.empty();
        }
    }
}

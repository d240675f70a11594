package dev.eventscope.application;

import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;

/**
 * Ids for new journal entries: {@code E000123}, one more than the number of entries in the
 * ledger, skipping any id already taken. Counting streams is one indexed query, not a listing.
 */
public final class EntryIds {

    private EntryIds() {
    }

    /** The number of journal entries in the ledger. */
    public static long entryCount(EventStore store) {
        return store.countStreams(StreamFilter.category("entry"));
    }

    /** The next free {@code E000001}-style id. */
    public static String next(EventStore store) {
        long number = entryCount(store) + 1;
        while (true) {
            String candidate = String.format("E%06d", number);
            if (store.streamVersion(StreamId.of(LedgerStreams.entry(EntryId.of(candidate)))) == 0) {
                return candidate;
            }
            number++;
        }
    }
}

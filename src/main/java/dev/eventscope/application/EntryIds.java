package dev.eventscope.application;

import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;

/**
 * Ids for new journal entries: {@code E000123}, one more than the number of entries in the
 * ledger, skipping any id already taken. Counting streams is one indexed query, not a listing.
 * An id found here is only a suggestion unless the caller holds the write lock: to post with it,
 * use {@link LedgerCommandService#execute(CommandDraft, CommandContext)}, which allocates it inside
 * the write transaction.
 */
public final class EntryIds {

    private EntryIds() {
    }

    /** The number of journal entries in the ledger. */
    public static long entryCount(EventStore store) {
        return store.countStreams(StreamFilter.category("entry"));
    }

    /** The next free {@code E000001}-style id (a suggestion; see the class comment). */
    public static String next(EventStore store) {
        return new Allocator(store).next().value();
    }

    /** Hands out successive free ids, never the same twice; used while the write lock is held. */
    static final class Allocator {
        private final EventStore store;
        private long number;

        Allocator(EventStore store) {
            this.store = store;
        }

        EntryId next() {
            if (number == 0) {
                number = entryCount(store) + 1;
            }
            while (true) {
                EntryId candidate = EntryId.of(String.format("E%06d", number++));
                if (store.streamVersion(StreamId.of(LedgerStreams.entry(candidate))) == 0) {
                    return candidate;
                }
            }
        }
    }
}

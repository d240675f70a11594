package dev.eventscope.application;

import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;

/**
 * Ids for new journal entries, following the ledger's own numbering: after {@code JE-2025-0193} comes
 * {@code JE-2025-0194} (the newest entry's id with its trailing number raised by one, zero-padded as it
 * was); a ledger without numbered entries gets {@code E000123}, one more than the number of entries in
 * it. Any id already taken is skipped. Counting streams is one indexed query, not a listing.
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

    /** How far back from the last event the newest entry is looked for (an entry is a few events). */
    private static final int LOOK_BACK = 10_000;
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("(.*?)(\\d+)");

    /** The id of the newest journal entry (its stream created last), if one is among the last events. */
    static java.util.Optional<String> newestEntryId(EventStore store) {
        long last = store.lastPosition();
        for (long position = last; position > 0 && position > last - LOOK_BACK; position--) {
            java.util.Optional<dev.eventscope.eventstore.RecordedEvent> event = store.readAt(position);
            if (event.isPresent() && event.get().streamId().value().startsWith(LedgerStreams.ENTRY_PREFIX)) {
                return java.util.Optional.of(event.get().streamId().value().substring(LedgerStreams.ENTRY_PREFIX.length()));
            }
        }
        return java.util.Optional.empty();
    }

    /** Hands out successive free ids, never the same twice; used while the write lock is held. */
    static final class Allocator {
        private final EventStore store;
        private String prefix;
        private int width;
        private long number;

        Allocator(EventStore store) {
            this.store = store;
        }

        EntryId next() {
            if (prefix == null) {
                java.util.regex.Matcher numbered = newestEntryId(store).map(NUMBERED::matcher).filter(java.util.regex.Matcher::matches)
                        .filter(matcher -> matcher.group(2).length() <= 15).orElse(null);
                if (numbered != null) {
                    prefix = numbered.group(1);
                    width = numbered.group(2).length();
                    number = Long.parseLong(numbered.group(2)) + 1;
                } else {
                    prefix = "E";
                    width = 6;
                    number = entryCount(store) + 1;
                }
            }
            while (true) {
                String digits = Long.toString(number++);
                EntryId candidate = EntryId.of(prefix + "0".repeat(Math.max(0, width - digits.length())) + digits);
                if (store.streamVersion(StreamId.of(LedgerStreams.entry(candidate))) == 0) {
                    return candidate;
                }
            }
        }
    }
}

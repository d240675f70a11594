package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Events of an {@code entry-<id>} stream. */
public sealed interface EntryEvent extends BookkeepingEvent {

    /**
     * The entry is in the books. {@code secondaryDate}, {@code code}, {@code comment} and
     * {@code reversesEntryId} may be null; {@code reversesEntryId} names the entry this one reverses.
     * {@code displayPrecision} is the precision it was found balanced at (see {@link BalancingRule}; empty, as in
     * entries recorded before it existed: exactly).
     */
    record EntryPosted(
            EntryId entryId,
            LocalDate date,
            LocalDate secondaryDate,
            EntryStatus status,
            String code,
            String description,
            Map<String, String> tags,
            String comment,
            List<Posting> postings,
            EntryId reversesEntryId,
            Map<String, Integer> displayPrecision) implements EntryEvent {
        public EntryPosted {
            Objects.requireNonNull(entryId, "entry id");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(description, "description");
            tags = JournalEntry.copyTags(tags);
            postings = List.copyOf(postings);
            displayPrecision = displayPrecision == null ? Map.of() : Map.copyOf(displayPrecision);
        }

        /** An entry found balanced exactly. */
        public EntryPosted(EntryId entryId, LocalDate date, LocalDate secondaryDate, EntryStatus status, String code,
                String description, Map<String, String> tags, String comment, List<Posting> postings,
                EntryId reversesEntryId) {
            this(entryId, date, secondaryDate, status, code, description, tags, comment, postings, reversesEntryId,
                    Map.of());
        }

        /** The entry as its state keeps it. */
        public JournalEntry toJournalEntry() {
            return new JournalEntry(entryId, date, secondaryDate, status, code, description, tags, comment, postings,
                    reversesEntryId, displayPrecision);
        }
    }

    /** This entry was undone by entry {@code reversalEntryId}, dated {@code date}; its history stays. */
    record EntryReversed(EntryId reversalEntryId, LocalDate date) implements EntryEvent {
        public EntryReversed {
            Objects.requireNonNull(reversalEntryId, "reversal entry id");
            Objects.requireNonNull(date, "date");
        }
    }
}

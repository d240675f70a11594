package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Commands about journal entries; decided by {@link PostingPolicy}, which sees every stream they touch. */
public sealed interface EntryCommand {

    /**
     * Records a new entry. {@code secondaryDate}, {@code code} and {@code comment} may be null;
     * null tags mean none. {@code displayPrecision} gives the decimal places at which a commodity's sum must look
     * zero for the entry to balance (see {@link BalancingRule}): an imported journal's precision; a commodity it does
     * not name (and every commodity when it is null or empty) must sum to exactly zero.
     */
    record PostEntry(
            EntryId entryId,
            LocalDate date,
            LocalDate secondaryDate,
            EntryStatus status,
            String code,
            String description,
            Map<String, String> tags,
            String comment,
            List<Posting> postings,
            Map<String, Integer> displayPrecision) implements EntryCommand {
        public PostEntry {
            Objects.requireNonNull(entryId, "entry id");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(description, "description");
            tags = JournalEntry.copyTags(tags);
            postings = List.copyOf(postings);
            displayPrecision = displayPrecision == null ? Map.of() : Map.copyOf(displayPrecision);
        }

        /** An entry whose postings must sum to exactly zero. */
        public PostEntry(EntryId entryId, LocalDate date, LocalDate secondaryDate, EntryStatus status, String code,
                String description, Map<String, String> tags, String comment, List<Posting> postings) {
            this(entryId, date, secondaryDate, status, code, description, tags, comment, postings, Map.of());
        }

        /** An unmarked entry without secondary date, code, tags or comment. */
        public static PostEntry simple(EntryId entryId, LocalDate date, String description, List<Posting> postings) {
            return new PostEntry(entryId, date, null, EntryStatus.UNMARKED, null, description, Map.of(), null, postings);
        }

        /** The distinct accounts of the postings, in the order they first appear. */
        public List<AccountName> accounts() {
            // a loop, not a stream: it runs for every entry posted or imported (session 18)
            if (postings.size() > 16) {
                Set<AccountName> distinct = new LinkedHashSet<>();
                for (Posting posting : postings) {
                    distinct.add(posting.account());
                }
                return List.copyOf(distinct);
            }
            List<AccountName> accounts = new ArrayList<>(postings.size());
            for (Posting posting : postings) {
                if (!accounts.contains(posting.account())) {
                    accounts.add(posting.account());
                }
            }
            return Collections.unmodifiableList(accounts);
        }
    }

    /**
     * Undoes entry {@code originalEntryId} with a new entry {@code reversalEntryId} dated {@code date}
     * whose postings are the original's negated. A null description becomes "Reversal of ...".
     */
    record ReverseEntry(EntryId originalEntryId, EntryId reversalEntryId, LocalDate date, String description)
            implements EntryCommand {
        public ReverseEntry {
            Objects.requireNonNull(originalEntryId, "original entry id");
            Objects.requireNonNull(reversalEntryId, "reversal entry id");
            Objects.requireNonNull(date, "date");
        }
    }
}

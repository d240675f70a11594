package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A posted journal entry as the entry state keeps it. {@code secondaryDate}, {@code code},
 * {@code comment} and {@code reversesEntryId} may be null; tags keep their written order.
 * {@code displayPrecision} is the precision it balanced at (see {@link BalancingRule}); null reads as empty.
 */
public record JournalEntry(
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
        Map<String, Integer> displayPrecision) {

    public JournalEntry {
        Objects.requireNonNull(entryId, "entry id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        tags = copyTags(tags);
        postings = List.copyOf(postings);
        displayPrecision = displayPrecision == null ? Map.of() : Map.copyOf(displayPrecision);
    }

    /** An unmodifiable copy keeping the written order; null becomes empty, a null value becomes "". */
    static Map<String, String> copyTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        tags.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "tag name"), value == null ? "" : value));
        return Collections.unmodifiableMap(copy);
    }

    /** The distinct accounts of the postings, in the order they first appear. */
    public List<AccountName> accounts() {
        return accountsOf(postings);
    }

    /** The distinct accounts of {@code postings}, in the order they first appear; unmodifiable. */
    static List<AccountName> accountsOf(List<Posting> postings) {
        List<AccountName> accounts = new java.util.ArrayList<>(postings.size());
        for (Posting posting : postings) {
            // an entry has a handful of postings: comparing with each costs less than a set
            if (!accounts.contains(posting.account())) {
                accounts.add(posting.account());
            }
        }
        return java.util.Collections.unmodifiableList(accounts);
    }
}

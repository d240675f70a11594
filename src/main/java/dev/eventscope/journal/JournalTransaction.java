package dev.eventscope.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One journal transaction, balanced (per commodity at cost) and with every posting amount explicit.
 * {@code secondaryDate} may be null; {@code code}, {@code description} and {@code comment} are never
 * null (empty when absent). {@code location} is where the transaction's first line was read; it is
 * not part of the text, so compare {@link #withoutLocation()} when checking a round trip.
 */
public record JournalTransaction(
        LocalDate date,
        LocalDate secondaryDate,
        Status status,
        String code,
        String description,
        String comment,
        List<Tag> tags,
        List<JournalPosting> postings,
        SourceLocation location) implements JournalItem {

    private static final SourceLocation NOWHERE = new SourceLocation("", 0);

    public JournalTransaction {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(location, "location");
        tags = List.copyOf(tags);
        postings = List.copyOf(postings);
    }

    public JournalTransaction withoutLocation() {
        return new JournalTransaction(date, secondaryDate, status, code, description, comment, tags, postings, NOWHERE);
    }

    /** No postings, or a single zero one: hledger accepts such a transaction, and it counts for nothing. */
    public boolean changesNoBalance() {
        return postings.size() < 2 && postings.stream().allMatch(posting -> posting.amount().isZero());
    }
}

package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry as it was recorded: its id, the position of its {@code EntryPosted} event and the
 * positions of all its events (the entry and its postings), its business date, who recorded it by which
 * command and when, its postings and the entry it reverses ({@code reversesEntryId} null when none).
 */
public record EntryFacts(
        String entryId,
        long position,
        List<Long> positions,
        LocalDate date,
        String description,
        String user,
        String command,
        Instant recordedAt,
        List<PostingLine> postings,
        String reversesEntryId) {

    public EntryFacts {
        Objects.requireNonNull(entryId, "entry id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(recordedAt, "recorded at");
        positions = List.copyOf(positions);
        postings = List.copyOf(postings);
    }

    /** The sum of the positive amounts (the debits) in the commodity of the first posting: the entry's size. */
    public BigDecimal amount() {
        String commodity = postings.isEmpty() ? "" : postings.get(0).commodity();
        BigDecimal total = BigDecimal.ZERO;
        for (PostingLine posting : postings) {
            if (posting.commodity().equals(commodity) && posting.amount().signum() > 0) {
                total = total.add(posting.amount());
            }
        }
        return total;
    }

    /** The commodity of {@link #amount()}. */
    public String commodity() {
        return postings.isEmpty() ? "" : postings.get(0).commodity();
    }
}

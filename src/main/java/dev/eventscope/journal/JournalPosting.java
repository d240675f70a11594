package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One posting of a transaction, with its amount always explicit: an elided amount or a balance
 * assignment has been filled in by the reader. {@code price} and {@code assertion} may be null.
 * {@code comment} holds the comment text after {@code ;} and on following indented comment lines,
 * joined by newlines; {@code tags} are the tags found in it. {@code lot} is a lot annotation as written
 * ({@code {$50} [2025-01-01]}), empty when there is none: hledger 1.25 reads it and does not count it (it is
 * not a cost), so it only travels with the posting. {@code date} is the posting's own date ({@code ; date:DATE} or
 * ledger's {@code ; [DATE]} in its comment, which keeps the text), on which hledger counts it; null when it has
 * the transaction's date.
 */
public record JournalPosting(
        Status status,
        String account,
        PostingKind kind,
        Amount amount,
        Price price,
        BalanceAssertion assertion,
        String comment,
        List<Tag> tags,
        String lot,
        LocalDate date) {

    public JournalPosting {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(lot, "lot");
        tags = List.copyOf(tags);
    }

    /** A posting without a lot annotation, on the transaction's date. */
    public JournalPosting(Status status, String account, PostingKind kind, Amount amount, Price price,
            BalanceAssertion assertion, String comment, List<Tag> tags) {
        this(status, account, kind, amount, price, assertion, comment, tags, "", null);
    }

    /** A posting on the transaction's date. */
    public JournalPosting(Status status, String account, PostingKind kind, Amount amount, Price price,
            BalanceAssertion assertion, String comment, List<Tag> tags, String lot) {
        this(status, account, kind, amount, price, assertion, comment, tags, lot, null);
    }

    public static JournalPosting of(String account, Amount amount) {
        return new JournalPosting(Status.UNMARKED, account, PostingKind.REAL, amount, null, null, "", List.of());
    }

    public Optional<Price> optionalPrice() {
        return Optional.ofNullable(price);
    }

    public Optional<BalanceAssertion> optionalAssertion() {
        return Optional.ofNullable(assertion);
    }

    /** The amount at cost: the price's total if there is a price, else the amount itself. */
    public Amount cost() {
        return price == null ? amount : price.costOf(amount);
    }

    public JournalPosting withPrice(Price newPrice) {
        return new JournalPosting(status, account, kind, amount, newPrice, assertion, comment, tags, lot, date);
    }
}

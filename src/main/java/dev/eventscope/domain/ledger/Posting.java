package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a journal entry: an amount moved into (positive) or out of (negative) an account,
 * optionally at a price ({@code price} and {@code comment} may be null). {@code kind} says whether it is real or
 * virtual (see {@link PostingKind}); null, as in entries recorded before virtual postings existed, means real.
 * {@code date} is the posting's own date, on which it counts in its account's balance (as hledger counts a
 * posting with {@code ; date:}); null means the entry's date.
 */
public record Posting(AccountName account, Money amount, PostingPrice price, String comment, PostingKind kind,
        LocalDate date) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        kind = kind == null ? PostingKind.REAL : kind;
    }

    /** A real posting on the entry's date. */
    public Posting(AccountName account, Money amount, PostingPrice price, String comment) {
        this(account, amount, price, comment, PostingKind.REAL, null);
    }

    /** A posting on the entry's date. */
    public Posting(AccountName account, Money amount, PostingPrice price, String comment, PostingKind kind) {
        this(account, amount, price, comment, kind, null);
    }

    /** The date the posting counts on: its own, else {@code entryDate}. */
    public LocalDate dateIn(LocalDate entryDate) {
        return date == null ? entryDate : date;
    }

    public static Posting of(AccountName account, Money amount) {
        return new Posting(account, amount, null, null);
    }

    /**
     * The amount this posting contributes to the entry's balance: the amount itself when
     * unpriced, amount × unit price for {@code @}, sign(amount) × total price for {@code @@}.
     */
    public Money cost() {
        return price == null ? amount : price.costOf(amount);
    }

    /** The same posting with the amount's sign flipped and the price kept, on the reversal's own date. */
    public Posting negated() {
        return new Posting(account, amount.negate(), price, comment, kind, null);
    }

    @Override
    public String toString() {
        return kind.wrap(account.value()) + "  " + amount + (price == null ? "" : " " + price);
    }
}

package dev.eventscope.domain.ledger;

import java.util.Objects;

/**
 * One line of a journal entry: an amount moved into (positive) or out of (negative) an account,
 * optionally at a price ({@code price} and {@code comment} may be null). {@code kind} says whether it is real or
 * virtual (see {@link PostingKind}); null, as in entries recorded before virtual postings existed, means real.
 */
public record Posting(AccountName account, Money amount, PostingPrice price, String comment, PostingKind kind) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        kind = kind == null ? PostingKind.REAL : kind;
    }

    /** A real posting. */
    public Posting(AccountName account, Money amount, PostingPrice price, String comment) {
        this(account, amount, price, comment, PostingKind.REAL);
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

    /** The same posting with the amount's sign flipped and the price kept, as a reversal needs. */
    public Posting negated() {
        return new Posting(account, amount.negate(), price, comment, kind);
    }

    @Override
    public String toString() {
        return kind.wrap(account.value()) + "  " + amount + (price == null ? "" : " " + price);
    }
}

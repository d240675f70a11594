package dev.eventscope.domain.ledger;

import java.util.Objects;

/**
 * One line of a journal entry: an amount moved into (positive) or out of (negative) an account,
 * optionally at a price ({@code price} and {@code comment} may be null).
 */
public record Posting(AccountName account, Money amount, PostingPrice price, String comment) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
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
        return new Posting(account, amount.negate(), price, comment);
    }

    @Override
    public String toString() {
        return account + "  " + amount + (price == null ? "" : " " + price);
    }
}

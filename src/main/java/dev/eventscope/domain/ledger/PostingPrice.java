package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price attached to a posting: {@code @ 1.10 USD} (per unit) or {@code @@ 110.00 USD} (in total). A price as a
 * journal wrote it may be negative ({@code B 1 @ A -1}, which hledger 1.25 reads and which costs {@code -1 A}), so the
 * record keeps any sign; {@link #unit} and {@link #total}, the ways an entry typed by hand gets its price, refuse a
 * negative one.
 */
public record PostingPrice(PriceKind kind, Money price) {

    public PostingPrice {
        Objects.requireNonNull(kind, "price kind");
        Objects.requireNonNull(price, "price");
    }

    /** A price per unit typed by hand; throws {@link NegativePrice} when it is below zero. */
    public static PostingPrice unit(Money price) {
        return new PostingPrice(PriceKind.UNIT, positive(price));
    }

    /** A total price typed by hand; throws {@link NegativePrice} when it is below zero. */
    public static PostingPrice total(Money price) {
        return new PostingPrice(PriceKind.TOTAL, positive(price));
    }

    private static Money positive(Money price) {
        if (price.signum() < 0) {
            throw new NegativePrice(price);
        }
        return price;
    }

    /** What {@code amount} costs at this price, carrying the amount's sign. */
    public Money costOf(Money amount) {
        if (kind == PriceKind.UNIT) {
            return price.times(amount.amount());
        }
        return price.times(BigDecimal.valueOf(amount.signum()));
    }

    @Override
    public String toString() {
        return kind.symbol() + " " + price;
    }
}

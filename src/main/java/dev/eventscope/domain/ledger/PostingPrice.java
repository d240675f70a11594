package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/** The price attached to a posting: {@code @ 1.10 USD} (per unit) or {@code @@ 110.00 USD} (in total). */
public record PostingPrice(PriceKind kind, Money price) {

    public PostingPrice {
        Objects.requireNonNull(kind, "price kind");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new NegativePrice(price);
        }
    }

    public static PostingPrice unit(Money price) {
        return new PostingPrice(PriceKind.UNIT, price);
    }

    public static PostingPrice total(Money price) {
        return new PostingPrice(PriceKind.TOTAL, price);
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

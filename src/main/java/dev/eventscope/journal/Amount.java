package dev.eventscope.journal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity of one commodity as written in a journal, for example {@code 12.50 EUR} or {@code $-5}.
 * The commodity is the empty string for a bare number. The quantity keeps the scale it was written
 * with, so {@code 5.00} and {@code 5} are different amounts (as they are different text).
 */
public record Amount(BigDecimal quantity, String commodity) {

    public Amount {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(commodity, "commodity");
    }

    public static Amount of(String quantity, String commodity) {
        return new Amount(new BigDecimal(quantity), commodity);
    }

    public Amount negate() {
        return new Amount(quantity.negate(), commodity);
    }

    public boolean isZero() {
        return quantity.signum() == 0;
    }

    /** The amount as hledger would read it back, for messages: {@code $-5}, {@code 12.50 EUR}. */
    @Override
    public String toString() {
        return AmountFormat.format(this);
    }
}

package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of one commodity. The commodity {@link #NO_SYMBOL} (the empty string) is the commodity of a bare
 * number such as {@code 5} in a journal: a commodity of its own, as hledger keeps it, never merged with
 * another. The amount is normalised (see {@link Amounts#normalise}) so that
 * record equality is value equality: {@code 12.50 EUR} equals {@code 12.5 EUR}. Formatting always
 * shows at least two decimals, so the original {@code 12.50} reads back as {@code 12.50}.
 */
public record Money(BigDecimal amount, String commodity) {

    /** The commodity of an amount written without a symbol. */
    public static final String NO_SYMBOL = "";

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(commodity, "commodity");
        if (!commodity.equals(NO_SYMBOL)) {
            requireValidCommodity(commodity);
        }
        amount = Amounts.normalise(amount);
    }

    public static Money of(String amount, String commodity) {
        return new Money(new BigDecimal(amount), commodity);
    }

    public static Money zero(String commodity) {
        return new Money(BigDecimal.ZERO, commodity);
    }

    /**
     * Throws {@link InvalidCommodity} unless the symbol is non-blank, unpadded and free of control characters:
     * a named commodity, as a ledger's base commodity must be (amounts may also have {@link #NO_SYMBOL}).
     */
    public static void requireValidCommodity(String commodity) {
        // a loop rather than isBlank/strip/codePoints(): every decoded amount comes here, and the stream was about a
        // tenth of decoding a posting (docs/postgresql.md); ISO control characters are all in the BMP
        boolean valid = !commodity.isEmpty()
                && !Character.isWhitespace(commodity.codePointAt(0))
                && !Character.isWhitespace(commodity.codePointBefore(commodity.length()));
        for (int i = 0; valid && i < commodity.length(); i++) {
            valid = !Character.isISOControl(commodity.charAt(i));
        }
        if (!valid) {
            throw new InvalidCommodity(commodity);
        }
    }

    /** The sum of two amounts of the same commodity. */
    public Money plus(Money other) {
        if (!commodity.equals(other.commodity)) {
            throw new IllegalArgumentException("cannot add " + other + " to " + this + ": the commodities differ");
        }
        return new Money(amount.add(other.amount), commodity);
    }

    public Money negate() {
        return new Money(amount.negate(), commodity);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), commodity);
    }

    public int signum() {
        return amount.signum();
    }

    /** Whether the amount is zero. Not named isZero so that Jackson does not see a "zero" property. */
    public boolean amountIsZero() {
        return amount.signum() == 0;
    }

    /** {@code 10.00 EUR}, or {@code 10.00} for the no-symbol commodity. */
    @Override
    public String toString() {
        return commodity.equals(NO_SYMBOL) ? Amounts.format(amount) : Amounts.format(amount) + " " + commodity;
    }
}

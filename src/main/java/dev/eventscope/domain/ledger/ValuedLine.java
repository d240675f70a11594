package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's balance in one commodity, and its value: {@code value} units of {@code valueCommodity}, found with
 * {@code price}. Without a price the value is the balance itself, in its own commodity, and {@link #status()} says
 * why (already in the target, or no price found).
 */
public record ValuedLine(String account, String commodity, BigDecimal amount, String valueCommodity, BigDecimal value,
                         Optional<PriceUsed> price, Status status) {

    /** Whether and why a line was converted. */
    public enum Status {
        /** Converted with {@link #price()}. */
        CONVERTED,
        /** Already in the valuation commodity. */
        IN_TARGET,
        /** No price (direct, reverse or chained) on or before the valuation date: left in its own commodity. */
        NO_PRICE
    }

    public ValuedLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(commodity, "commodity");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(valueCommodity, "value commodity");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
    }

    /** For people: what the line's price was, or why it has none. */
    public String priceNote() {
        return switch (status) {
            case CONVERTED -> price.orElseThrow().describe();
            case IN_TARGET -> "";
            case NO_PRICE -> "no price of " + (commodity.isEmpty() ? "the bare amount" : commodity) + " found; kept in "
                    + (commodity.isEmpty() ? "no commodity" : commodity);
        };
    }
}

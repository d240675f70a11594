package dev.eventscope.domain.ledger;

import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The price a valuation used to turn one unit of {@code from} into {@code rate} units of {@code to}: one recorded
 * price, its reverse, or a chain of them (hledger's "price chain"), each step naming the {@code P} it came from.
 */
public record PriceUsed(String from, String to, BigDecimal rate, List<Step> steps) {

    /** One link of the chain: a recorded price, used as recorded or reversed (one over its rate). */
    public record Step(PriceRecorded price, boolean reversed) {
        public Step {
            Objects.requireNonNull(price, "price");
        }

        public String from() {
            return reversed ? price.price().commodity() : price.commodity();
        }

        public String to() {
            return reversed ? price.commodity() : price.price().commodity();
        }

        /** {@code P 2025-01-31 EUR 1.08 USD}, or {@code reverse of P 2025-01-31 USD 0.92 EUR}. */
        public String describe() {
            String directive = "P " + price.date() + " " + price.commodity() + " " + writtenPrice(price).toPlainString()
                    + " " + price.price().commodity();
            return reversed ? "reverse of " + directive : directive;
        }
    }

    /** The price's number with the decimal places it was written with ({@code 1.10}, not {@code 1.1}). */
    public static BigDecimal writtenPrice(PriceRecorded price) {
        BigDecimal amount = price.price().amount();
        return amount.setScale(Math.max(Math.max(price.decimalPlaces(), amount.scale()), 0));
    }

    public PriceUsed {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a price used has at least one step");
        }
    }

    /** Whether the price came from one recorded price as recorded (neither reversed nor chained). */
    public boolean direct() {
        return steps.size() == 1 && !steps.get(0).reversed();
    }

    /** What the price was, for people: its steps, joined by {@code " then "}. */
    public String describe() {
        return steps.stream().map(Step::describe).collect(Collectors.joining(" then "));
    }
}

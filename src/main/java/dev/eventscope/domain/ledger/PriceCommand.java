package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/** Commands to the {@code prices} stream, which holds the ledger's market prices (hledger's {@code P} directives). */
public sealed interface PriceCommand {

    /**
     * Records that on {@code date} one unit of {@code commodity} was worth {@code price} (hledger's
     * {@code P 2025-01-31 EUR $1.08}); {@code decimalPlaces} is how many decimals the price was written with, so an
     * export writes it back alike and a valuation in its commodity is shown at that precision.
     */
    record RecordPrice(LocalDate date, String commodity, Money price, int decimalPlaces) implements PriceCommand {
        public RecordPrice {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(commodity, "commodity");
            Objects.requireNonNull(price, "price");
        }
    }
}

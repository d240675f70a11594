package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/** Events of the {@code prices} stream. */
public sealed interface PriceEvent extends BookkeepingEvent {

    /**
     * On {@code date}, one unit of {@code commodity} was worth {@code price}, written with {@code decimalPlaces}
     * decimals. A later event for the same commodities and date supersedes it, as a later {@code P} directive does
     * in hledger; nothing is ever removed.
     */
    record PriceRecorded(LocalDate date, String commodity, Money price, int decimalPlaces) implements PriceEvent {
        public PriceRecorded {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(commodity, "commodity");
            Objects.requireNonNull(price, "price");
        }
    }
}

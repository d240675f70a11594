package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/**
 * The prices aggregate: how many prices were recorded and the latest date any of them holds (null when none).
 * The prices themselves are read from the stream by a valuation; the state stays small whatever their number.
 */
public record PricesState(long recorded, LocalDate latestDate) {

    /** Schema version of this state's snapshot form. */
    public static final int SCHEMA_VERSION = 1;

    public static final PricesState INITIAL = new PricesState(0, null);
}

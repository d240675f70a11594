package dev.eventscope.timetravel;

/**
 * How a question on both clocks ({@link Point.AsKnownAt}) is read from the balances read model; the answer is the
 * same either way (see {@code KnownAtBalances}). The tests and the benchmark ask each way by name.
 */
public enum KnownAtStrategy {
    /** The one of the two below that reads fewer register rows, by an estimate. */
    CHEAPER,
    /** The date checkpoint on or before the date, moved to the knowledge position. */
    FROM_DATE_CHECKPOINT,
    /** The balance checkpoint at or below the knowledge position, less what is dated after the date. */
    FROM_POSITION_CHECKPOINT
}

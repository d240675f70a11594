package dev.eventscope.timetravel;

import dev.eventscope.projection.DateCheckpoint;
import dev.eventscope.projection.DateSpan;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a question as of a date starts: the latest verified date checkpoint on or before the date, or the start of
 * the ledger (no balances, position 0, every posting dated up to the date still to add) when none lies before it.
 */
record DateStart(Optional<DateCheckpoint> checkpoint) {

    private static final byte[] NO_BALANCES = new byte[0];

    /** The checkpoint's balances in the {@code BalanceBlob} form; an empty blob at the start of the ledger. */
    byte[] data() {
        return checkpoint.map(DateCheckpoint::data).orElse(NO_BALANCES);
    }

    /** The position the checkpoint counts up to; 0 at the start of the ledger. */
    long position() {
        return checkpoint.map(DateCheckpoint::position).orElse(0L);
    }

    /** The dates still to add for a question as of {@code date}: after the checkpoint's date (or from the first) up to it. */
    DateSpan datesUpTo(LocalDate date) {
        return DateSpan.between(checkpoint.map(DateCheckpoint::date), date);
    }
}

package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger aggregate: whether it exists, its name and base commodity, and the period closes in
 * force, oldest first. The last of them is the closed-through date; reopening removes it.
 */
public record LedgerState(boolean created, String name, String baseCommodity, List<LocalDate> closes) {

    /** Schema version of this state's snapshot form. */
    public static final int SCHEMA_VERSION = 1;

    public static final LedgerState INITIAL = new LedgerState(false, null, null, List.of());

    public LedgerState {
        closes = closes == null ? List.of() : List.copyOf(closes);
    }

    /** No entry may be dated on or before this date; null when no period is closed. */
    public LocalDate closedThrough() {
        return closes.isEmpty() ? null : closes.get(closes.size() - 1);
    }

    /** Whether {@code date} lies in a closed period. */
    public boolean periodIsClosedOn(LocalDate date) {
        LocalDate closedThrough = closedThrough();
        return closedThrough != null && !date.isAfter(closedThrough);
    }
}

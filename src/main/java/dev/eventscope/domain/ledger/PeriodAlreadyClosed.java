package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A close that would not move the closed-through date forward. */
public final class PeriodAlreadyClosed extends LedgerRuleViolation {

    private final LocalDate requestedThrough;
    private final LocalDate closedThrough;

    public PeriodAlreadyClosed(LocalDate requestedThrough, LocalDate closedThrough) {
        super("The books cannot be closed through " + requestedThrough + " because they are already closed through " + closedThrough + "; a new close must come after the last one.");
        this.requestedThrough = requestedThrough;
        this.closedThrough = closedThrough;
    }

    public LocalDate requestedThrough() {
        return requestedThrough;
    }

    public LocalDate closedThrough() {
        return closedThrough;
    }
}

package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** An entry dated on or before the closed-through date. */
public final class PostingInClosedPeriod extends LedgerRuleViolation {

    private final EntryId entryId;
    private final LocalDate date;
    private final LocalDate closedThrough;

    public PostingInClosedPeriod(EntryId entryId, LocalDate date, LocalDate closedThrough) {
        super("Entry " + entryId + " is dated " + date + ", but the books are closed through " + closedThrough + "; date it later or reopen the period.");
        this.entryId = entryId;
        this.date = date;
        this.closedThrough = closedThrough;
    }

    public EntryId entryId() {
        return entryId;
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate closedThrough() {
        return closedThrough;
    }
}

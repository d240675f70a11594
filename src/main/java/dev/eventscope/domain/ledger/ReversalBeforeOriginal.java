package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A reversal dated before the entry it reverses. */
public final class ReversalBeforeOriginal extends LedgerRuleViolation {

    private final EntryId originalEntryId;
    private final LocalDate originalDate;
    private final LocalDate reversalDate;

    public ReversalBeforeOriginal(EntryId originalEntryId, LocalDate originalDate, LocalDate reversalDate) {
        super("Entry " + originalEntryId + " dated " + originalDate + " cannot be reversed on " + reversalDate + ", which is before the entry itself.");
        this.originalEntryId = originalEntryId;
        this.originalDate = originalDate;
        this.reversalDate = reversalDate;
    }

    public EntryId originalEntryId() {
        return originalEntryId;
    }

    public LocalDate originalDate() {
        return originalDate;
    }

    public LocalDate reversalDate() {
        return reversalDate;
    }
}

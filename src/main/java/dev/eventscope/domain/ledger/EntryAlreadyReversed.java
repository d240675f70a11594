package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A second reversal of the same entry. */
public final class EntryAlreadyReversed extends LedgerRuleViolation {

    private final EntryId entryId;
    private final EntryId reversedBy;
    private final LocalDate reversedOn;

    public EntryAlreadyReversed(EntryId entryId, EntryId reversedBy, LocalDate reversedOn) {
        super("Entry " + entryId + " was already reversed by entry " + reversedBy + " on " + reversedOn + "; an entry is reversed only once.");
        this.entryId = entryId;
        this.reversedBy = reversedBy;
        this.reversedOn = reversedOn;
    }

    public EntryId entryId() {
        return entryId;
    }

    public EntryId reversedBy() {
        return reversedBy;
    }

    public LocalDate reversedOn() {
        return reversedOn;
    }
}

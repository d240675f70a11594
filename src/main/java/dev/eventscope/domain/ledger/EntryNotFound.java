package dev.eventscope.domain.ledger;

/** A reversal of an entry that was never posted. */
public final class EntryNotFound extends LedgerRuleViolation {

    private final EntryId entryId;

    public EntryNotFound(EntryId entryId) {
        super("Entry " + entryId + " is not in the books, so it cannot be reversed.");
        this.entryId = entryId;
    }

    public EntryId entryId() {
        return entryId;
    }
}

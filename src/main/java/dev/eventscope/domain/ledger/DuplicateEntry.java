package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** An entry id that is already in the books. */
public final class DuplicateEntry extends LedgerRuleViolation {

    private final EntryId entryId;
    private final LocalDate existingDate;
    private final String existingDescription;

    public DuplicateEntry(EntryId entryId, LocalDate existingDate, String existingDescription) {
        super("Entry " + entryId + " is already in the books (" + existingDate + " \"" + existingDescription + "\"); choose another entry id.");
        this.entryId = entryId;
        this.existingDate = existingDate;
        this.existingDescription = existingDescription;
    }

    public EntryId entryId() {
        return entryId;
    }

    public LocalDate existingDate() {
        return existingDate;
    }

    public String existingDescription() {
        return existingDescription;
    }
}

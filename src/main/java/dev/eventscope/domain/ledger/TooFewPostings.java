package dev.eventscope.domain.ledger;

/** An entry with fewer than two postings. */
public final class TooFewPostings extends LedgerRuleViolation {

    private final EntryId entryId;
    private final int count;

    public TooFewPostings(EntryId entryId, int count) {
        super("Entry " + entryId + " has " + count + (count == 1 ? " posting" : " postings") + ", but an entry needs at least two.");
        this.entryId = entryId;
        this.count = count;
    }

    public EntryId entryId() {
        return entryId;
    }

    public int count() {
        return count;
    }
}

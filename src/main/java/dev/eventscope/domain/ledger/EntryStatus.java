package dev.eventscope.domain.ledger;

/** The clearing mark of a journal entry, as journal files write it before the description. */
public enum EntryStatus {
    UNMARKED(""),
    PENDING("!"),
    CLEARED("*");

    private final String symbol;

    EntryStatus(String symbol) {
        this.symbol = symbol;
    }

    /** {@code ""}, {@code "!"} or {@code "*"}. */
    public String symbol() {
        return symbol;
    }
}

package dev.eventscope.domain.ledger;

/** Where a journal entry stands: not yet in the books, posted, or undone by a reversal. */
public enum EntryLifecycle {
    NOT_POSTED,
    POSTED,
    REVERSED
}

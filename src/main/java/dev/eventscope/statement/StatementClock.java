package dev.eventscope.statement;

/**
 * Which of the ledger's two clocks a statement's column ends are read on: the entries' dates (business time: the
 * postings dated on or before the column's end, as known now) or the recorded time (everything the ledger had
 * recorded by the end of the column's last day, UTC, whatever its entry date).
 */
public enum StatementClock {
    ENTRY_DATE, RECORDED
}

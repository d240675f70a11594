package dev.eventscope.domain.ledger;

/** The lifecycle of an account: only an open account takes postings. */
public enum AccountStatus {
    NOT_OPENED,
    OPEN,
    FROZEN,
    CLOSED
}

package dev.eventscope.domain.ledger;

/**
 * A bookkeeping rule the command would break. Every subtype is a named fact with the values that
 * explain it, and its message is one sentence a bookkeeper understands, naming what and where.
 */
public abstract class LedgerRuleViolation extends RuntimeException {

    protected LedgerRuleViolation(String message) {
        super(message);
    }
}

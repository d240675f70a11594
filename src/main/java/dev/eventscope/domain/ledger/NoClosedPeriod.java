package dev.eventscope.domain.ledger;

/** A reopen asked for while no period is closed. */
public final class NoClosedPeriod extends LedgerRuleViolation {

    public NoClosedPeriod() {
        super("There is no closed period to reopen; the books are open for every date.");
    }
}

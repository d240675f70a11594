package dev.eventscope.domain.ledger;

/** A command that needs the ledger came before the ledger was created. */
public final class LedgerNotCreated extends LedgerRuleViolation {

    public LedgerNotCreated() {
        super("The ledger has not been created yet; create it with a name and a base commodity first.");
    }
}

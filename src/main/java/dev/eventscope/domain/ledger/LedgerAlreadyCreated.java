package dev.eventscope.domain.ledger;

/** The ledger was created already and cannot be created a second time. */
public final class LedgerAlreadyCreated extends LedgerRuleViolation {

    private final String name;

    public LedgerAlreadyCreated(String name) {
        super("The ledger \"" + name + "\" already exists; a ledger is created only once.");
        this.name = name;
    }

    public String name() {
        return name;
    }
}

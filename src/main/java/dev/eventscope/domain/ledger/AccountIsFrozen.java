package dev.eventscope.domain.ledger;

/** A frozen account, asked to take a posting or to be closed. */
public final class AccountIsFrozen extends LedgerRuleViolation {

    private final AccountName account;
    private final String reason;
    private final String attempted;

    public AccountIsFrozen(AccountName account, String reason, String attempted) {
        super("Account " + account + " is frozen (" + reason + "), so it cannot " + attempted + "; unfreeze it first.");
        this.account = account;
        this.reason = reason;
        this.attempted = attempted;
    }

    public AccountName account() {
        return account;
    }

    public String reason() {
        return reason;
    }

    public String attempted() {
        return attempted;
    }
}

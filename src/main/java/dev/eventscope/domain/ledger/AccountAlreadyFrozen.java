package dev.eventscope.domain.ledger;

/** A freeze for an account that is frozen already. */
public final class AccountAlreadyFrozen extends LedgerRuleViolation {

    private final AccountName account;
    private final String reason;

    public AccountAlreadyFrozen(AccountName account, String reason) {
        super("Account " + account + " is already frozen (" + reason + ").");
        this.account = account;
        this.reason = reason;
    }

    public AccountName account() {
        return account;
    }

    public String reason() {
        return reason;
    }
}

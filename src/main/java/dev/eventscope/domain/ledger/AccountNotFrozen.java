package dev.eventscope.domain.ledger;

/** An unfreeze for an account that is not frozen. */
public final class AccountNotFrozen extends LedgerRuleViolation {

    private final AccountName account;

    public AccountNotFrozen(AccountName account) {
        super("Account " + account + " is not frozen, so there is nothing to unfreeze.");
        this.account = account;
    }

    public AccountName account() {
        return account;
    }
}

package dev.eventscope.domain.ledger;

/** An account that was never opened, asked to do something only an open account can. */
public final class AccountNotOpen extends LedgerRuleViolation {

    private final AccountName account;
    private final String attempted;

    public AccountNotOpen(AccountName account, String attempted) {
        super("Account " + account + " has not been opened, so it cannot " + attempted + ".");
        this.account = account;
        this.attempted = attempted;
    }

    public AccountName account() {
        return account;
    }

    public String attempted() {
        return attempted;
    }
}

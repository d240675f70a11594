package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A closed account, asked to do something only an open account can. */
public final class AccountIsClosed extends LedgerRuleViolation {

    private final AccountName account;
    private final LocalDate closedOn;
    private final String attempted;

    public AccountIsClosed(AccountName account, LocalDate closedOn, String attempted) {
        super("Account " + account + " was closed on " + closedOn + ", so it cannot " + attempted + ".");
        this.account = account;
        this.closedOn = closedOn;
        this.attempted = attempted;
    }

    public AccountName account() {
        return account;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String attempted() {
        return attempted;
    }
}

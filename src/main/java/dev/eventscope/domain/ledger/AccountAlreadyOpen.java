package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** An account opened a second time. */
public final class AccountAlreadyOpen extends LedgerRuleViolation {

    private final AccountName account;
    private final LocalDate openedOn;

    public AccountAlreadyOpen(AccountName account, LocalDate openedOn) {
        super("Account " + account + " is already open since " + openedOn + ".");
        this.account = account;
        this.openedOn = openedOn;
    }

    public AccountName account() {
        return account;
    }

    public LocalDate openedOn() {
        return openedOn;
    }
}

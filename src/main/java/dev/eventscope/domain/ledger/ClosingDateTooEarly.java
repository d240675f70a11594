package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A close dated before the account was opened or before its last posting. */
public final class ClosingDateTooEarly extends LedgerRuleViolation {

    private final AccountName account;
    private final LocalDate closedOn;
    private final LocalDate earliestDate;
    private final String because;

    public ClosingDateTooEarly(AccountName account, LocalDate closedOn, LocalDate earliestDate, String because) {
        super("Account " + account + " cannot be closed on " + closedOn + " because " + because + " " + earliestDate + ".");
        this.account = account;
        this.closedOn = closedOn;
        this.earliestDate = earliestDate;
        this.because = because;
    }

    public AccountName account() {
        return account;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public LocalDate earliestDate() {
        return earliestDate;
    }

    public String because() {
        return because;
    }
}

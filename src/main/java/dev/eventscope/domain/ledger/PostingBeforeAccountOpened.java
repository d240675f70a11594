package dev.eventscope.domain.ledger;

import java.time.LocalDate;

/** A posting dated before its account was opened. */
public final class PostingBeforeAccountOpened extends LedgerRuleViolation {

    private final EntryId entryId;
    private final AccountName account;
    private final LocalDate date;
    private final LocalDate openedOn;

    public PostingBeforeAccountOpened(EntryId entryId, AccountName account, LocalDate date, LocalDate openedOn) {
        super("Entry " + entryId + " is dated " + date + ", before account " + account + " was opened on " + openedOn + ".");
        this.entryId = entryId;
        this.account = account;
        this.date = date;
        this.openedOn = openedOn;
    }

    public EntryId entryId() {
        return entryId;
    }

    public AccountName account() {
        return account;
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate openedOn() {
        return openedOn;
    }
}

package dev.eventscope.domain.ledger;

/** An account whose top segment is not one of the five account types. */
public final class UnknownAccountType extends LedgerRuleViolation {

    private final AccountName account;
    private final String topSegment;

    public UnknownAccountType(AccountName account, String topSegment) {
        super("Account " + account + " cannot be opened because its top segment \"" + topSegment
                + "\" is not an account type; start the name with assets, liabilities, equity, income (or revenue)"
                + " or expenses.");
        this.account = account;
        this.topSegment = topSegment;
    }

    public AccountName account() {
        return account;
    }

    public String topSegment() {
        return topSegment;
    }
}

package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Map;

/** A close of an account that still holds a balance in one or more commodities. */
public final class AccountHasBalance extends LedgerRuleViolation {

    private final AccountName account;
    private final Map<String, BigDecimal> balances;

    /** {@code balances} are the nonzero balances per commodity. */
    public AccountHasBalance(AccountName account, Map<String, BigDecimal> balances) {
        super("Account " + account + " cannot be closed because it still holds "
                + Amounts.formatBalances(Balances.copyOf(balances))
                + "; bring every commodity to zero first.");
        this.account = account;
        this.balances = Balances.copyOf(balances);
    }

    public AccountName account() {
        return account;
    }

    public Map<String, BigDecimal> balances() {
        return balances;
    }
}

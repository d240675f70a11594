package dev.eventscope.domain.ledger;

import java.util.Locale;

/** The five kinds of account, derived from the top segment of an account name. */
public enum AccountType {
    ASSETS,
    LIABILITIES,
    EQUITY,
    INCOME,
    EXPENSES;

    /**
     * The type named by the top segment, case-insensitively: assets/asset, liabilities/liability,
     * equity, income/revenue/revenues, expenses/expense.
     *
     * @throws UnknownAccountType when the top segment names none of them
     */
    public static AccountType of(AccountName account) {
        String top = account.segments().get(0);
        switch (top.toLowerCase(Locale.ROOT)) {
            case "assets":
            case "asset":
                return ASSETS;
            case "liabilities":
            case "liability":
                return LIABILITIES;
            case "equity":
                return EQUITY;
            case "income":
            case "revenue":
            case "revenues":
                return INCOME;
            case "expenses":
            case "expense":
                return EXPENSES;
            default:
                throw new UnknownAccountType(account, top);
        }
    }
}

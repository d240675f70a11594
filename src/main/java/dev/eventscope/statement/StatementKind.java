package dev.eventscope.statement;

import dev.eventscope.domain.ledger.AccountType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The statements Eventscope draws, with the sections hledger 1.25 gives them and the sign each section is shown
 * with: liabilities, equity and income are credits, shown positive (hledger's normal-sign display in bs and is).
 * A balance sheet shows balances at each column's end (hledger's {@code bse}: assets, liabilities and equity;
 * {@code bs} is the same without the equity section); an income statement shows the changes within each column;
 * a trial balance shows every account's balance at each column's end, debits positive.
 */
public enum StatementKind {
    BALANCE_SHEET("Balance Sheet", true, List.of(
            new SectionSpec("Assets", EnumSet.of(AccountType.ASSETS, AccountType.CASH), 1),
            new SectionSpec("Liabilities", EnumSet.of(AccountType.LIABILITIES), -1),
            new SectionSpec("Equity", EnumSet.of(AccountType.EQUITY, AccountType.CONVERSION), -1))),
    INCOME("Income Statement", false, List.of(
            new SectionSpec("Revenues", EnumSet.of(AccountType.INCOME), -1),
            new SectionSpec("Expenses", EnumSet.of(AccountType.EXPENSES), 1))),
    TRIAL_BALANCE("Trial Balance", true, List.of(
            new SectionSpec("Accounts", EnumSet.allOf(AccountType.class), 1)));

    private final String title;
    private final boolean balancesAtEnd;
    private final List<SectionSpec> sections;

    StatementKind(String title, boolean balancesAtEnd, List<SectionSpec> sections) {
        this.title = title;
        this.balancesAtEnd = balancesAtEnd;
        this.sections = sections;
    }

    /** Which account types a section holds, and the sign its amounts are shown with (-1: credits shown positive). */
    public record SectionSpec(String name, Set<AccountType> types, int sign) {
    }

    public String title() {
        return title;
    }

    /** Whether a column shows the balances at its end (balance sheet, trial balance) rather than the changes within it. */
    public boolean balancesAtEnd() {
        return balancesAtEnd;
    }

    public List<SectionSpec> sections() {
        return sections;
    }

    /** The command-line name: {@code balance-sheet}, {@code income} or {@code trial-balance}. */
    public String commandName() {
        return switch (this) {
            case BALANCE_SHEET -> "balance-sheet";
            case INCOME -> "income";
            case TRIAL_BALANCE -> "trial-balance";
        };
    }

    /** The kind a command-line name names; throws {@link IllegalArgumentException} with a sentence naming the text. */
    public static StatementKind ofCommandName(String name) {
        for (StatementKind kind : values()) {
            if (kind.commandName().equalsIgnoreCase(name.strip()) || kind.name().equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("There is no statement \"" + name + "\": choose balance-sheet, income or trial-balance.");
    }
}

package dev.eventscope.journal;

import java.util.Objects;

/**
 * A check after a posting that its account holds {@code expected} in that commodity ({@code = AMOUNT}),
 * or holds exactly that and nothing in any other commodity ({@code == AMOUNT}, {@code total} true); with
 * {@code includingSubaccounts} ({@code =*}, {@code ==*}) the account's subaccounts are counted too.
 * A cost written in an assertion ({@code = 1 AAA @ 1.20 USD}) is not part of it, as in hledger.
 */
public record BalanceAssertion(Amount expected, boolean total, boolean includingSubaccounts) {

    public BalanceAssertion {
        Objects.requireNonNull(expected, "expected");
    }

    public BalanceAssertion(Amount expected, boolean total) {
        this(expected, total, false);
    }

    public String symbol() {
        return (total ? "==" : "=") + (includingSubaccounts ? "*" : "");
    }
}

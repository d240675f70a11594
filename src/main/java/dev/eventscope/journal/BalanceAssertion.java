package dev.eventscope.journal;

import java.util.Objects;

/**
 * A check after a posting that its account holds {@code expected} in that commodity ({@code = AMOUNT}),
 * or holds exactly that and nothing in any other commodity ({@code == AMOUNT}, {@code total} true).
 */
public record BalanceAssertion(Amount expected, boolean total) {

    public BalanceAssertion {
        Objects.requireNonNull(expected, "expected");
    }

    public String symbol() {
        return total ? "==" : "=";
    }
}

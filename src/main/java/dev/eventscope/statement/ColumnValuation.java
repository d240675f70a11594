package dev.eventscope.statement;

import dev.eventscope.domain.ledger.Balances;

/**
 * What is done to each column's balances before they are rolled up and drawn: nothing ({@link #NONE}, cost as
 * posted), or, later, a conversion at market prices into one commodity as of the column's end (hledger's
 * {@code --value}), which a valuation step supplies as an implementation of this interface.
 */
@FunctionalInterface
public interface ColumnValuation {

    ColumnValuation NONE = (balances, column, atEnd) -> balances;

    /**
     * The balances to show for {@code column}: {@code balances} are every account's balances at the column's end
     * ({@code atEnd}) or the changes within it; a valuation may convert them as of the column's end date.
     */
    Balances value(Balances balances, Column column, boolean atEnd);
}

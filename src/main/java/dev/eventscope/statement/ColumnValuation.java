package dev.eventscope.statement;

import dev.eventscope.domain.ledger.Balances;

import java.util.List;
import java.util.Optional;

/**
 * What is done to each column's balances before they are rolled up and drawn: nothing ({@link #NONE}, cost as
 * posted), or a conversion at market prices ({@link MarketColumnValuation}, hledger's {@code -X COMM} and {@code -V}).
 */
@FunctionalInterface
public interface ColumnValuation {

    ColumnValuation NONE = (balances, column, atEnd) -> balances;

    /**
     * The balances to show for {@code column}: {@code balances} are every account's balances at the column's end
     * ({@code atEnd}) or the changes within it; a valuation may convert them as of the column's end date.
     */
    Balances value(Balances balances, Column column, boolean atEnd);

    /** After every column of {@code columns} was valued: how, and the price each commodity took in each; empty at cost. */
    default Optional<StatementValuation> used(List<Column> columns) {
        return Optional.empty();
    }
}

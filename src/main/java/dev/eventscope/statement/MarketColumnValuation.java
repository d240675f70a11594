package dev.eventscope.statement;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.domain.ledger.ValuedLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Values each column's balances at market prices as hledger 1.25's {@code bs}/{@code is -X COMM} (or {@code -V})
 * do: a balance sheet's balances at the column's end and an income statement's changes within the column, each on
 * {@link StatementValue#dateFor the column's valuation day} (its last day unless a date is fixed), with the prices
 * {@code valuationFor} gives for the column (the prices known at the point the column is read). One
 * {@link Valuation#value} per column; remembers the price each commodity took for {@link #used}. Not shared between statements.
 */
public final class MarketColumnValuation implements ColumnValuation {

    private final StatementValue value;
    private final Function<Column, Valuation> valuationFor;
    private final Map<Column, StatementValuation.ColumnPrices> prices = new HashMap<>();
    private final Map<String, Integer> places = new HashMap<>();
    private final Map<String, Integer> ownScales = new HashMap<>();

    public MarketColumnValuation(StatementValue value, Function<Column, Valuation> valuationFor) {
        this.value = Objects.requireNonNull(value, "value");
        this.valuationFor = Objects.requireNonNull(valuationFor, "valuationFor");
    }

    @Override
    public Balances value(Balances balances, Column column, boolean atEnd) {
        Valuation valuation = valuationFor.apply(column);
        ValuedBalances valued = valuation.value(balances, value.dateFor(column), value.target());
        SortedMap<String, StatementValuation.CommodityPrice> byCommodity = new TreeMap<>();
        for (ValuedLine line : valued.lines()) {
            byCommodity.putIfAbsent(line.commodity(), new StatementValuation.CommodityPrice(line.commodity(),
                    line.valueCommodity(), line.price(), line.status()));
            if (line.status() == ValuedLine.Status.CONVERTED) {
                places.merge(line.valueCommodity(), valuation.displayPlaces(line.valueCommodity(), 2), Math::max);
            } else {
                ownScales.merge(line.commodity(), Math.max(0, line.amount().stripTrailingZeros().scale()), Math::max);
            }
        }
        prices.put(column, new StatementValuation.ColumnPrices(value.dateFor(column), List.copyOf(byCommodity.values())));
        return valued.values();
    }

    @Override
    public Optional<StatementValuation> used(List<Column> columns) {
        List<StatementValuation.ColumnPrices> perColumn = new ArrayList<>();
        for (Column column : columns) {
            perColumn.add(prices.getOrDefault(column, new StatementValuation.ColumnPrices(value.dateFor(column), List.of())));
        }
        // a value is shown at its commodity's price decimals; an amount that was already in it keeps its own decimals
        Map<String, Integer> shown = new HashMap<>(places);
        shown.replaceAll((commodity, decimals) -> Math.max(decimals, ownScales.getOrDefault(commodity, 0)));
        return Optional.of(new StatementValuation(value.describe(), perColumn, shown));
    }
}

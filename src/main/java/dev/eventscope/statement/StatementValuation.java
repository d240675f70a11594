package dev.eventscope.statement;

import dev.eventscope.domain.ledger.PriceUsed;
import dev.eventscope.domain.ledger.ValuedLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a valued statement was valued ({@link StatementValue#describe()}), and per column the day it was valued on and
 * the price each commodity met there took: every converted line of that column used that price for that commodity.
 * {@code places} gives the decimals a value commodity is shown with (the most its prices were written with, at
 * least two, or more if an amount already in it had more).
 */
public record StatementValuation(String description, List<ColumnPrices> columns, Map<String, Integer> places) {

    public StatementValuation {
        Objects.requireNonNull(description, "description");
        columns = List.copyOf(columns);
        places = Map.copyOf(places);
    }

    /**
     * The prices used, for people, one line per column and commodity met ("2025-03-31  $ → EUR × 0.96… (reverse of
     * P 2025-03-31 EUR 1.04 $)"); a commodity already in the target is left out. Each applies to every converted
     * line of its column that holds that commodity.
     */
    public List<String> legend(List<String> headings) {
        List<String> lines = new java.util.ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            ColumnPrices prices = columns.get(column);
            String label = headings.get(column).equals(prices.date().toString()) ? headings.get(column)
                    : headings.get(column) + " (on " + prices.date() + ")";
            for (CommodityPrice price : prices.prices()) {
                if (price.status() != ValuedLine.Status.IN_TARGET) {
                    lines.add(label + "  " + price.describe());
                }
            }
        }
        return lines;
    }

    /** One column: its valuation day and, sorted by commodity, what each commodity became. */
    public record ColumnPrices(LocalDate date, List<CommodityPrice> prices) {
        public ColumnPrices {
            Objects.requireNonNull(date, "date");
            prices = List.copyOf(prices);
        }
    }

    /** What one commodity became on a column's valuation day: converted with {@code price}, already in the target, or kept for want of a price. */
    public record CommodityPrice(String commodity, String valueCommodity, Optional<PriceUsed> price, ValuedLine.Status status) {
        public CommodityPrice {
            Objects.requireNonNull(commodity, "commodity");
            Objects.requireNonNull(valueCommodity, "value commodity");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(status, "status");
        }

        /** The rate one unit of {@link #commodity()} was converted at; empty when it was not converted. */
        public Optional<BigDecimal> rate() {
            return price.map(PriceUsed::rate);
        }

        /** For people: "$ → EUR × 0.9615384615 (reverse of P 2025-01-31 EUR 1.04 $)", or why it was not converted. */
        public String describe() {
            String shown = commodity.isEmpty() ? "(no commodity)" : commodity;
            return switch (status) {
                case CONVERTED -> shown + " \u2192 " + valueCommodity + " \u00d7 "
                        + price.orElseThrow().rate().setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                        + " (" + price.orElseThrow().describe() + ")";
                case IN_TARGET -> shown + ": already in " + valueCommodity;
                case NO_PRICE -> shown + ": no price found; kept in " + shown;
            };
        }
    }
}

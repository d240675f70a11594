package dev.eventscope.statement;

import dev.eventscope.domain.ledger.ValuedBalances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A statement as CSV records, for spreadsheets: a header {@code section,account,level,commodity,<column>...},
 * then one record per account and commodity (amounts as plain decimals in the section's display sign, 0 where
 * the account has none in that column), each section's {@code total} and the {@code Net} (or {@code Total}) line;
 * a valued statement gives its values at ten places and ends with a {@code price} record per commodity converted.
 * The caller writes the records with its CSV writer.
 */
public final class StatementCsv {

    private StatementCsv() {
    }

    public static List<List<String>> records(Statement statement) {
        boolean valued = statement.valuation().isPresent();
        List<List<String>> records = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("section", "account", "level", "commodity"));
        header.addAll(statement.columnHeadings());
        records.add(header);
        for (Statement.Section section : statement.sections()) {
            for (Statement.Row row : section.rows()) {
                add(records, section.name(), row.account(), Integer.toString(row.level()), row.amounts(), valued);
            }
            add(records, section.name(), "total", "", section.totals(), valued);
        }
        add(records, "", statement.netName(), "", statement.net(), valued);
        statement.valuation().ifPresent(how -> prices(records, how));
        return records;
    }

    /**
     * A valued statement's prices: one {@code price} record per commodity converted somewhere, its value commodity in
     * {@code commodity} and in each column the rate one unit was converted at (empty where it was not).
     */
    private static void prices(List<List<String>> records, StatementValuation valued) {
        java.util.SortedMap<String, List<String>> rates = new java.util.TreeMap<>();
        for (int column = 0; column < valued.columns().size(); column++) {
            for (StatementValuation.CommodityPrice price : valued.columns().get(column).prices()) {
                int at = column;
                price.rate().ifPresent(rate -> {
                    List<String> row = rates.computeIfAbsent(price.commodity() + "\u0000" + price.valueCommodity(),
                            key -> new ArrayList<>(java.util.Collections.nCopies(valued.columns().size(), "")));
                    row.set(at, ValuedBalances.exported(rate).toPlainString());
                });
            }
        }
        rates.forEach((pair, row) -> {
            String[] commodities = pair.split("\u0000", -1);
            List<String> record = new ArrayList<>(List.of("price", commodities[0], "", commodities[1]));
            record.addAll(row);
            records.add(record);
        });
    }

    private static void add(List<List<String>> records, String section, String account, String level,
                            List<SortedMap<String, BigDecimal>> amounts, boolean valued) {
        TreeSet<String> commodities = new TreeSet<>();
        amounts.forEach(column -> commodities.addAll(column.keySet()));
        if (commodities.isEmpty()) {
            commodities.add("");
        }
        for (String commodity : commodities) {
            List<String> record = new ArrayList<>(List.of(section, account, level, commodity));
            // a value at market prices at ten places, as hledger's JSON gives it
            amounts.forEach(column -> record.add((valued ? ValuedBalances.exported(column.getOrDefault(commodity, BigDecimal.ZERO))
                    : column.getOrDefault(commodity, BigDecimal.ZERO)).toPlainString()));
            records.add(record);
        }
    }
}

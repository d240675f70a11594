package dev.eventscope.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A statement as CSV records, for spreadsheets: a header {@code section,account,level,commodity,<column>...},
 * then one record per account and commodity (amounts as plain decimals in the section's display sign, 0 where
 * the account has none in that column), each section's {@code total} and the {@code Net} (or {@code Total}) line.
 * The caller writes the records with its CSV writer.
 */
public final class StatementCsv {

    private StatementCsv() {
    }

    public static List<List<String>> records(Statement statement) {
        List<List<String>> records = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("section", "account", "level", "commodity"));
        header.addAll(statement.columnHeadings());
        records.add(header);
        for (Statement.Section section : statement.sections()) {
            for (Statement.Row row : section.rows()) {
                add(records, section.name(), row.account(), Integer.toString(row.level()), row.amounts());
            }
            add(records, section.name(), "total", "", section.totals());
        }
        add(records, "", statement.netName(), "", statement.net());
        return records;
    }

    private static void add(List<List<String>> records, String section, String account, String level,
                            List<SortedMap<String, BigDecimal>> amounts) {
        TreeSet<String> commodities = new TreeSet<>();
        amounts.forEach(column -> commodities.addAll(column.keySet()));
        if (commodities.isEmpty()) {
            commodities.add("");
        }
        for (String commodity : commodities) {
            List<String> record = new ArrayList<>(List.of(section, account, level, commodity));
            amounts.forEach(column -> record.add(column.getOrDefault(commodity, BigDecimal.ZERO).toPlainString()));
            records.add(record);
        }
    }
}

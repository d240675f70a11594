package dev.eventscope.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A statement as the lines of a table, the one layout the text, HTML and PDF writers and the app share: section
 * headings, account rows (the leaf name indented two spaces per level), totals and the net line, each cell an
 * amount per commodity ("1234.50 EUR"), several commodities one under another.
 */
public final class StatementLines {

    /** What a line is, for the writers' styling. */
    public enum Kind { SECTION, ACCOUNT, TOTAL, NET }

    /** One line: its kind, its label (indented for accounts), the full account name (empty for others) and one cell per column. */
    public record Line(Kind kind, String label, String account, List<List<String>> cells) {
        public Line {
            cells = List.copyOf(cells);
        }
    }

    private StatementLines() {
    }

    /** How one amount (already at its commodity's decimals) and its commodity are written in a cell. */
    @FunctionalInterface
    public interface AmountText {
        String of(BigDecimal amount, String commodity);
    }

    /** The lines, amounts written plainly ("1234.50 EUR"), as the CLI, HTML and PDF show them. */
    public static List<Line> of(Statement statement) {
        return of(statement, StatementLines::amount);
    }

    /** The lines, each amount written by {@code text} (the app groups thousands). */
    public static List<Line> of(Statement statement, AmountText text) {
        Map<String, Integer> scales = scales(statement);
        List<Line> lines = new ArrayList<>();
        for (Statement.Section section : statement.sections()) {
            lines.add(new Line(Kind.SECTION, section.name(), "", List.of()));
            for (Statement.Row row : section.rows()) {
                lines.add(new Line(Kind.ACCOUNT, "  ".repeat(row.level() - 1) + (row.level() == 1 ? row.account() : row.leafName()),
                        row.account(), cells(row.amounts(), scales, text)));
            }
            lines.add(new Line(Kind.TOTAL, "Total " + section.name().toLowerCase(java.util.Locale.ROOT), "", cells(section.totals(), scales, text)));
        }
        lines.add(new Line(Kind.NET, statement.netName(), "", cells(statement.net(), scales, text)));
        return lines;
    }

    /**
     * Per commodity, the most decimals any of the statement's amounts has: every amount of that commodity is shown
     * with as many (12.5 EUR beside 6.25 EUR reads 12.50 EUR), as hledger shows a commodity at one precision; a
     * value commodity of a valued statement at its {@link StatementValuation#places() places}.
     */
    public static Map<String, Integer> scales(Statement statement) {
        Map<String, Integer> scales = new HashMap<>();
        java.util.function.Consumer<List<SortedMap<String, BigDecimal>>> look = columns -> columns.forEach(column -> column.forEach(
                (commodity, amount) -> scales.merge(commodity, Math.max(0, amount.stripTrailingZeros().scale()), Math::max)));
        statement.sections().forEach(section -> {
            section.rows().forEach(row -> look.accept(row.amounts()));
            look.accept(section.totals());
        });
        look.accept(statement.net());
        // a value at market prices is shown rounded to its commodity's decimals, as hledger rounds what it shows
        statement.valuation().ifPresent(valued -> scales.putAll(valued.places()));
        return scales;
    }

    private static List<List<String>> cells(List<SortedMap<String, BigDecimal>> amounts, Map<String, Integer> scales, AmountText text) {
        return amounts.stream().map(column -> cell(column, scales, text)).toList();
    }

    /** One cell: an amount per commodity (at the commodity's scale), "0" when there is none. */
    public static List<String> cell(SortedMap<String, BigDecimal> amounts, Map<String, Integer> scales, AmountText text) {
        if (amounts.isEmpty()) {
            return List.of("0");
        }
        return amounts.entrySet().stream().map(entry -> text.of(entry.getValue().setScale(
                scales.getOrDefault(entry.getKey(), entry.getValue().scale()), java.math.RoundingMode.HALF_EVEN), entry.getKey()))
                .collect(Collectors.toList());
    }

    /** An amount and its commodity as text: "1234.50 EUR"; a bare amount alone. */
    public static String amount(BigDecimal amount, String commodity) {
        return commodity.isEmpty() ? amount.toPlainString() : amount.toPlainString() + " " + commodity;
    }
}

package dev.eventscope.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

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

    /**
     * The lines, each amount written by {@code text} (the app groups thousands). A commodity without a style is shown
     * on an account's line at the most places of the prices the account's amounts in it were inferred from
     * ({@link dev.eventscope.domain.ledger.CommodityStyles#inferredPlaces}) among the amounts the column sums, on a total's
     * at the most of its section's lines, on the net line at the most of every line, as hledger 1.25 shows them.
     */
    public static List<Line> of(Statement statement, AmountText text) {
        Map<String, Integer> scales = scales(statement);
        Map<String, Integer> valued = statement.valuation().map(StatementValuation::places).orElse(Map.of());
        // per column, the places of the amounts it sums: those dated by its end, or within it for an income statement
        List<dev.eventscope.domain.ledger.CommodityStyles> columnStyles = statement.columns().stream()
                .map(column -> statement.styles().between(statement.kind().balancesAtEnd() ? null : column.start(), column.end()))
                .toList();
        List<Map<String, Integer>> netInferred = perColumn(columnStyles.size());
        List<Line> lines = new ArrayList<>();
        for (Statement.Section section : statement.sections()) {
            lines.add(new Line(Kind.SECTION, section.name(), "", List.of()));
            List<Map<String, Integer>> sectionInferred = perColumn(columnStyles.size());
            for (Statement.Row row : section.rows()) {
                List<Map<String, Integer>> inferred = new ArrayList<>();
                for (int column = 0; column < columnStyles.size(); column++) {
                    Map<String, Integer> own = new HashMap<>(columnStyles.get(column).inferredPlaces(row.account()));
                    own.keySet().removeAll(valued.keySet());
                    Map<String, Integer> sectionColumn = sectionInferred.get(column);
                    own.forEach((commodity, places) -> sectionColumn.merge(commodity, places, Math::max));
                    inferred.add(own);
                }
                lines.add(new Line(Kind.ACCOUNT, "  ".repeat(row.level() - 1) + (row.level() == 1 ? row.account() : row.leafName()),
                        row.account(), cells(row.amounts(), scales, inferred, text)));
            }
            for (int column = 0; column < columnStyles.size(); column++) {
                Map<String, Integer> netColumn = netInferred.get(column);
                sectionInferred.get(column).forEach((commodity, places) -> netColumn.merge(commodity, places, Math::max));
            }
            lines.add(new Line(Kind.TOTAL, "Total " + section.name().toLowerCase(java.util.Locale.ROOT), "",
                    cells(section.totals(), scales, sectionInferred, text)));
        }
        lines.add(new Line(Kind.NET, statement.netName(), "", cells(statement.net(), scales, netInferred, text)));
        return lines;
    }

    private static List<Map<String, Integer>> perColumn(int columns) {
        List<Map<String, Integer>> maps = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            maps.add(new HashMap<>());
        }
        return maps;
    }

    private static List<List<String>> cells(List<SortedMap<String, BigDecimal>> amounts, Map<String, Integer> scales,
                                            List<Map<String, Integer>> inferred, AmountText text) {
        List<List<String>> cells = new ArrayList<>();
        for (int column = 0; column < amounts.size(); column++) {
            cells.add(cell(amounts.get(column), with(scales, column < inferred.size() ? inferred.get(column) : Map.of()), text));
        }
        return cells;
    }

    private static Map<String, Integer> with(Map<String, Integer> scales, Map<String, Integer> inferred) {
        if (inferred.isEmpty()) {
            return scales;
        }
        Map<String, Integer> merged = new HashMap<>(scales);
        merged.putAll(inferred);
        return merged;
    }

    /**
     * Per commodity, the decimals its amounts are shown with, as hledger 1.25 shows them: a commodity the journals
     * styled ({@link Statement#styles()}) at its style's places, sums and amounts inferred from prices included
     * ({@code 4.0 A}, {@code -3.2 $}); any other commodity (written only as a price) at the most decimals any of the
     * statement's amounts has (12.5 EUR beside 6.25 EUR reads 12.50 EUR); a value commodity of a valued statement that
     * is not styled at its {@link StatementValuation#places() places}. Only what is shown is rounded (half even, as
     * hledger rounds), never a figure that is summed.
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
        // only the commodities the statement shows: the app names a statement's one commodity in its heading
        statement.styles().places().forEach((commodity, places) -> scales.computeIfPresent(commodity, (key, seen) -> places));
        return scales;
    }

    /**
     * One cell: an amount per commodity (at the commodity's scale), "0" when there is none. An amount that shows as
     * zero at its commodity's places (0.05 $ at one place) is left out, as hledger 1.25 leaves out an amount that
     * looks zero when it shows one.
     */
    public static List<String> cell(SortedMap<String, BigDecimal> amounts, Map<String, Integer> scales, AmountText text) {
        List<String> shown = new ArrayList<>();
        amounts.forEach((commodity, amount) -> {
            BigDecimal rounded = amount.setScale(scales.getOrDefault(commodity, amount.scale()), java.math.RoundingMode.HALF_EVEN);
            if (rounded.signum() != 0 || amount.signum() == 0) {
                shown.add(text.of(rounded, commodity));
            }
        });
        return shown.isEmpty() ? List.of("0") : shown;
    }

    /** An amount and its commodity as text: "1234.50 EUR"; a bare amount alone. */
    public static String amount(BigDecimal amount, String commodity) {
        return commodity.isEmpty() ? amount.toPlainString() : amount.toPlainString() + " " + commodity;
    }
}

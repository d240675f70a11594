package dev.eventscope.cli;

import dev.eventscope.sandbox.AdjustedStatement;
import dev.eventscope.statement.StatementLines;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * {@code sandbox diff --statement KIND}: the statement as posted beside as adjusted, one table row per line of the
 * statement, for each column "as posted", "as adjusted" and "change", then the proposals that cause a change.
 * Several commodities in one cell are joined with ", ".
 */
final class SandboxStatementText {

    private SandboxStatementText() {
    }

    static void print(AdjustedStatement statement, PrintWriter out) {
        if (statement.asAdjusted().columns().isEmpty()) {
            out.println("No entries in that period, as posted or as adjusted.");
            return;
        }
        out.println(statement.asAdjusted().title() + ", as posted beside as adjusted");
        List<String> headers = new ArrayList<>(List.of("LINE"));
        List<String> headings = statement.asAdjusted().columnHeadings();
        for (String heading : headings) {
            String suffix = headings.size() == 1 ? "" : " " + heading;
            headers.addAll(List.of("AS POSTED" + suffix, "AS ADJUSTED" + suffix, "CHANGE" + suffix));
        }
        headers.add("BY PROPOSALS");
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (int column = 1; column <= 3 * headings.size(); column++) {
            table.alignRight(column);
        }
        Map<String, Integer> scales = StatementLines.scales(statement.asAdjusted());
        StatementLines.scales(statement.asPosted()).forEach((commodity, scale) -> scales.merge(commodity, scale, Math::max));
        for (AdjustedStatement.Line line : statement.lines()) {
            List<String> cells = new ArrayList<>(List.of(line.label()));
            if (line.kind() != StatementLines.Kind.SECTION) {
                List<SortedMap<String, BigDecimal>> change = line.change();
                for (int column = 0; column < headings.size(); column++) {
                    cells.add(cell(line.asPosted().get(column), scales));
                    cells.add(cell(line.asAdjusted().get(column), scales));
                    cells.add(change.get(column).isEmpty() ? "" : cell(change.get(column), scales));
                }
            } else {
                for (int column = 0; column < 3 * headings.size(); column++) {
                    cells.add("");
                }
            }
            cells.add(line.causedBy().stream().map(number -> "#" + number).collect(Collectors.joining(", ")));
            table.addRow(cells.toArray(String[]::new));
        }
        table.print(out);
    }

    private static String cell(SortedMap<String, BigDecimal> amounts, Map<String, Integer> scales) {
        return String.join(", ", StatementLines.cell(amounts, scales, StatementLines::amount));
    }
}

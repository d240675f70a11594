package dev.eventscope.ui.sandbox;

import dev.eventscope.sandbox.AdjustedStatement;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.ui.state.MoneyText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One line of a statement as posted beside as adjusted, as the sandbox window's Statements tab shows it: the line (a
 * section heading, an account indented by level, a total or the net line), both amounts, the change and the proposals
 * that cause it ("#1, #3"; empty where nothing changed). The statement has one column (its whole period).
 */
public record StatementRow(StatementLines.Kind kind, String line, String asPosted, String asAdjusted, String change,
                           String changedBy, List<Integer> proposals) {

    public StatementRow {
        proposals = List.copyOf(proposals);
    }

    public boolean changed() {
        return !proposals.isEmpty();
    }

    /** The rows of {@code statement}'s first column (none when it has no column: no entries in its period). */
    static List<StatementRow> of(AdjustedStatement statement) {
        List<StatementRow> rows = new ArrayList<>();
        if (statement.asAdjusted().columns().isEmpty()) {
            return rows;
        }
        Map<String, Integer> scales = StatementLines.scales(statement.asAdjusted());
        StatementLines.scales(statement.asPosted()).forEach((commodity, scale) -> scales.merge(commodity, scale, Math::max));
        for (AdjustedStatement.Line line : statement.lines()) {
            if (line.kind() == StatementLines.Kind.SECTION) {
                rows.add(new StatementRow(line.kind(), line.label(), "", "", "", "", List.of()));
                continue;
            }
            SortedMap<String, BigDecimal> change = line.change().get(0);
            rows.add(new StatementRow(line.kind(), line.label(), cell(line.asPosted().get(0), scales),
                    cell(line.asAdjusted().get(0), scales), change.isEmpty() ? "" : cell(change, scales),
                    line.causedBy().stream().map(number -> "#" + number).collect(Collectors.joining(", ")), line.causedBy()));
        }
        return rows;
    }

    private static String cell(SortedMap<String, BigDecimal> amounts, Map<String, Integer> scales) {
        return String.join("\n", StatementLines.cell(amounts, scales, MoneyText::of));
    }
}

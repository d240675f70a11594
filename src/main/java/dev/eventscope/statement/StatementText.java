package dev.eventscope.statement;

import java.util.ArrayList;
import java.util.List;

/** A statement as a plain-text table, as {@code eventscope statement} prints it: labels left, amounts right-aligned. */
public final class StatementText {

    private StatementText() {
    }

    public static String of(Statement statement) {
        List<StatementLines.Line> lines = StatementLines.of(statement);
        List<String> headings = statement.columnHeadings();
        int labelWidth = statement.netName().length() + 1;
        int[] widths = new int[headings.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headings.get(column).length();
        }
        for (StatementLines.Line line : lines) {
            labelWidth = Math.max(labelWidth, line.label().length());
            for (int column = 0; column < line.cells().size(); column++) {
                for (String amount : line.cells().get(column)) {
                    widths[column] = Math.max(widths[column], amount.length());
                }
            }
        }
        StringBuilder out = new StringBuilder(statement.title()).append("\n\n");
        List<String> heading = new ArrayList<>(headings);
        appendRow(out, "", List.of(heading), widths, labelWidth, true);
        String rule = "-".repeat(labelWidth) + "-+" + "-".repeat(sum(widths) + 2 * widths.length) + "\n";
        out.append(rule.replace('-', '='));
        for (StatementLines.Line line : lines) {
            switch (line.kind()) {
                case SECTION -> out.append(line.label()).append('\n');
                case ACCOUNT -> appendRow(out, line.label(), line.cells(), widths, labelWidth, false);
                case TOTAL -> {
                    out.append(rule);
                    appendRow(out, "", line.cells(), widths, labelWidth, false);
                    out.append(rule.replace('-', '='));
                }
                case NET -> appendRow(out, line.label() + ":", line.cells(), widths, labelWidth, false);
            }
        }
        statement.valuation().ifPresent(valued -> {
            List<String> legend = valued.legend(headings);
            if (!legend.isEmpty()) {
                out.append("\nPrices used (each applies to every line of its column holding that commodity):\n");
                legend.forEach(line -> out.append("  ").append(line).append('\n'));
            }
        });
        return out.toString();
    }

    /** One line of the table, several commodities of a cell on lines of their own; {@code across} lays one list across the columns. */
    private static void appendRow(StringBuilder out, String label, List<List<String>> cells, int[] widths, int labelWidth,
                                  boolean across) {
        int height = 1;
        if (!across) {
            for (List<String> cell : cells) {
                height = Math.max(height, cell.size());
            }
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            text.append(pad(line == 0 ? label : "", labelWidth, false)).append(" |");
            for (int column = 0; column < widths.length; column++) {
                String value;
                if (across) {
                    value = cells.get(0).get(column);
                } else {
                    List<String> cell = cells.get(column);
                    // several commodities stand at the bottom of their cell, as in hledger
                    int offset = height - cell.size();
                    value = line >= offset ? cell.get(line - offset) : "";
                }
                text.append("  ").append(pad(value, widths[column], true));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static int sum(int[] widths) {
        int sum = 0;
        for (int width : widths) {
            sum += width;
        }
        return sum;
    }
}

package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table with a header, columns padded to their widest cell; numeric columns right-aligned. */
final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    TextTable alignRight(int column) {
        rightAligned[column] = true;
        return this;
    }

    void addRow(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        // a cell is one printable line, a user's text shortened (session 22: a 10 MB description, an escape sequence)
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : PrintableText.shortened(cell)).toList());
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(out, headers, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
        out.flush();
    }

    private void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            if (column > 0) {
                line.append("  ");
            }
            line.append(rightAligned[column] ? padding + cell : cell + padding);
        }
        out.println(line.toString().stripTrailing());
    }
}

package dev.eventscope.statement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One column of a statement: the days from {@code start} (null: from the first entry) to {@code end}, both
 * included. A balance sheet shows the balances at the end of {@code end}; an income statement the changes
 * within the column.
 */
public record Column(String label, LocalDate start, LocalDate end) {

    public Column {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(end, "end");
        if (start != null && start.isAfter(end)) {
            throw new IllegalArgumentException("a column starts on or before its end: " + start + ".." + end);
        }
    }

    /** The heading a balance sheet gives the column: the day it stands at, as hledger heads it. */
    public String endLabel() {
        return end.toString();
    }
}

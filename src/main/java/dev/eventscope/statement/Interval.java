package dev.eventscope.statement;

import java.time.LocalDate;

/** How a statement's period is split into columns: one column, or one per month, quarter or year (hledger's -M, -Q, -Y). */
public enum Interval {
    NONE, MONTHLY, QUARTERLY, YEARLY;

    /** The first day of the interval holding {@code date}. */
    LocalDate start(LocalDate date) {
        return switch (this) {
            case NONE -> date;
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEARLY -> date.withDayOfYear(1);
        };
    }

    /** The first day of the next interval after the one starting on {@code start}. */
    LocalDate next(LocalDate start) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("one column has no next interval");
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case YEARLY -> start.plusYears(1);
        };
    }

    /** The column heading of the interval starting on {@code start}, as hledger names it (2025-01, 2025Q1, 2025). */
    String label(LocalDate start) {
        return switch (this) {
            case NONE -> start.toString();
            case MONTHLY -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTERLY -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> Integer.toString(start.getYear());
        };
    }
}

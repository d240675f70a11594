package dev.eventscope.audit.tests;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The last day of the month, quarter or year a date falls in. */
final class PeriodEnds {

    private PeriodEnds() {
    }

    static LocalDate endOf(LocalDate date, TestSettings.PeriodLength length) {
        return switch (length) {
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 3, 1)
                    .with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> LocalDate.of(date.getYear(), 12, 31);
        };
    }
}

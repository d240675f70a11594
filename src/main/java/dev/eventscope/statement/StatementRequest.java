package dev.eventscope.statement;

import java.util.Objects;

/** What statement to draw: its kind, period, columns, depth (0: every level) and the clock its column ends are read on. */
public record StatementRequest(StatementKind kind, ReportPeriod period, Interval interval, int depth, StatementClock clock) {

    public StatementRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(clock, "clock");
        if (depth < 0) {
            throw new IllegalArgumentException("The depth must be 0 (every level) or more, not " + depth + ".");
        }
    }

    /** The same request for another kind of statement. */
    public StatementRequest withKind(StatementKind other) {
        return new StatementRequest(other, period, interval, depth, clock);
    }
}

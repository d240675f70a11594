package dev.eventscope.statement;

import java.util.Objects;
import java.util.Optional;

/**
 * What statement to draw: its kind, period, columns, depth (0: every level), the clock its column ends are read on,
 * and, if any, its valuation at market prices (empty: amounts at cost, as posted).
 */
public record StatementRequest(StatementKind kind, ReportPeriod period, Interval interval, int depth, StatementClock clock,
                               Optional<StatementValue> value) {

    public StatementRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(value, "value");
        if (depth < 0) {
            throw new IllegalArgumentException("The depth must be 0 (every level) or more, not " + depth + ".");
        }
    }

    /** A request at cost (no valuation). */
    public StatementRequest(StatementKind kind, ReportPeriod period, Interval interval, int depth, StatementClock clock) {
        this(kind, period, interval, depth, clock, Optional.empty());
    }

    /** The same request for another kind of statement. */
    public StatementRequest withKind(StatementKind other) {
        return new StatementRequest(other, period, interval, depth, clock, value);
    }

    /** The same request valued as {@code valuation} says. */
    public StatementRequest valued(StatementValue valuation) {
        return new StatementRequest(kind, period, interval, depth, clock, Optional.of(valuation));
    }
}

package dev.eventscope.statement;

import dev.eventscope.domain.ledger.ValuationTarget;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a statement is valued at market prices: into {@code target} (one commodity, hledger's {@code -X COMM}, or each
 * commodity's default, {@code -V}), on {@code date}, or, when it is null, each column on its own last day (hledger
 * 1.25's "valued at period ends", the default of {@code -X} and {@code -V} in its multi-period reports).
 */
public record StatementValue(ValuationTarget target, LocalDate date) {

    public StatementValue {
        Objects.requireNonNull(target, "target");
    }

    /** Valued at each column's end. */
    public static StatementValue atPeriodEnds(ValuationTarget target) {
        return new StatementValue(target, null);
    }

    /** Whether each column is valued on its own last day (no fixed valuation date). */
    public boolean atEachColumnEnd() {
        return date == null;
    }

    /** The day {@code column} is valued on. */
    public LocalDate dateFor(Column column) {
        return date != null ? date : column.end();
    }

    /** For titles: "valued in EUR at period ends", "valued at market prices on 2025-06-30". */
    public String describe() {
        String into = target instanceof ValuationTarget.InCommodity in ? "in " + in.commodity() : "at market prices";
        return "valued " + into + (date == null ? " at period ends" : " on " + date);
    }
}

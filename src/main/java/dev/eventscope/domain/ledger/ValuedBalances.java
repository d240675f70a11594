package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Balances valued on {@code date}: one {@link ValuedLine} per account and commodity (in the order of the balances),
 * and the value totals per commodity (one commodity when every line found a price into the target).
 */
public record ValuedBalances(LocalDate date, ValuationTarget target, List<ValuedLine> lines) {

    public ValuedBalances {
        lines = List.copyOf(lines);
    }

    /** The values as balances (account to value commodity to value), summing lines of one account in one commodity. */
    public Balances values() {
        Balances.Fold fold = Balances.fold();
        lines.forEach(line -> fold.add(line.account(), line.valueCommodity(), line.value()));
        return fold.balances();
    }

    /** The sum of the values per value commodity. */
    public SortedMap<String, BigDecimal> totals() {
        SortedMap<String, BigDecimal> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(line.valueCommodity(), line.value(), BigDecimal::add));
        totals.replaceAll((commodity, total) -> Amounts.normalise(total));
        return totals;
    }

    /** Whether every line is in the target commodity now (none was left for want of a price). */
    public boolean complete() {
        return lines.stream().noneMatch(line -> line.status() == ValuedLine.Status.NO_PRICE);
    }

    /** hledger 1.25's JSON gives a value at ten decimal places; CSV and JSON exports give it so too. */
    public static final int EXPORTED_PLACES = 10;

    /** {@code value} at {@link #EXPORTED_PLACES} (trailing zeros removed), as {@code hledger -O json} gives it. */
    public static BigDecimal exported(BigDecimal value) {
        return Amounts.normalise(shown(value, EXPORTED_PLACES));
    }

    /** {@code value} rounded half-even to {@code places}, as hledger rounds what it shows. */
    public static BigDecimal shown(BigDecimal value, int places) {
        return value.setScale(places, RoundingMode.HALF_EVEN);
    }
}

package dev.eventscope.ui.state;

import dev.eventscope.timetravel.Point;
import dev.eventscope.domain.ledger.PriceUsed;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedLine;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The whole ledger's trial balance in one commodity (the ledger's base commodity): its debits and credits per
 * commodity valued at market prices on a date, as {@code trial-balance --value} values them, and the price used for
 * each commodity (or that it has none and stays out of the total). Valuing the debit and credit totals of a commodity
 * gives the same as valuing every line, since every line of a commodity takes the same non-negative price.
 */
public final class ValuedTotals {

    /** The section of the lines, shown after "Trial balance". */
    public static final String SECTION_PREFIX = "Trial balance in ";

    private ValuedTotals() {
    }

    /**
     * The valuation date for a point: its entry date when it has one, else the date of the latest price the ledger
     * knew there (empty when it knew none).
     */
    public static Optional<LocalDate> valuationDate(Optional<LocalDate> entryDate, Valuation valuation) {
        return entryDate.or(() -> valuation.prices().recorded().stream().map(PriceRecorded::date).max(LocalDate::compareTo));
    }

    /**
     * The lines: debits and credits in {@code base}, then one line per other commodity naming its price; nothing when
     * the ledger records no price (there is nothing to convert with).
     */
    public static List<StateRow> rows(SortedMap<String, BigDecimal[]> trialBalance, Valuation valuation, LocalDate date,
                                      String base) {
        if (valuation.prices().isEmpty() || trialBalance.isEmpty()) {
            return List.of();
        }
        String section = SECTION_PREFIX + base + " (prices of " + date + ")";
        ValuationTarget target = ValuationTarget.in(base);
        BigDecimal debitValue = BigDecimal.ZERO;
        BigDecimal creditValue = BigDecimal.ZERO;
        List<StateRow> notes = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> sides : trialBalance.entrySet()) {
            String commodity = sides.getKey();
            BigDecimal debit = sides.getValue()[0];
            BigDecimal credit = sides.getValue()[1];
            ValuedLine debitLine = valuation.line("debits", commodity, debit, date, target);
            ValuedLine creditLine = valuation.line("credits", commodity, credit, date, target);
            if (debitLine.status() == ValuedLine.Status.NO_PRICE) {
                notes.add(StateRow.of("valued:" + commodity, section, commodity + " not converted", "no price"));
                continue;
            }
            debitValue = debitValue.add(debitLine.value());
            creditValue = creditValue.add(creditLine.value());
            if (debitLine.status() == ValuedLine.Status.CONVERTED) {
                notes.add(StateRow.of("valued:" + commodity, section, commodity + " → " + base, brief(debitLine.price().orElseThrow())));
            }
        }
        int places = valuation.displayPlaces(base, 2);
        List<StateRow> rows = new ArrayList<>();
        rows.add(StateRow.of("valued:debits", section, "Debits in " + base, amount(debitValue, places, base)));
        rows.add(StateRow.of("valued:credits", section, "Credits in " + base, amount(creditValue, places, base)));
        rows.add(StateRow.of("valued:difference", section, "Difference in " + base,
                amount(debitValue.subtract(creditValue), places, base)));
        rows.addAll(notes);
        return List.copyOf(rows);
    }

    /**
     * {@code state} with the lines in {@code base} after its own, valued with {@code valuation} at the point's entry
     * date or at the latest price it knows; {@code state} itself when nothing can be valued.
     */
    public static PointState appendTo(PointState state, SortedMap<String, BigDecimal[]> trialBalance, Valuation valuation,
                                      String base) {
        Optional<LocalDate> date = valuationDate(state.point() instanceof Point.AsOfDate asOf ? Optional.of(asOf.date())
                : Optional.empty(), valuation);
        List<StateRow> valued = date.isEmpty() || base == null ? List.of() : rows(trialBalance, valuation, date.get(), base);
        if (valued.isEmpty()) {
            return state;
        }
        // the state's own lines are spelled out only when read: so are these, after them
        List<StateRow> all = new Joined(state.rows(), valued);
        return new PointState(state.point(), state.position(), state.heading(), all);
    }

    /**
     * The price in a few characters, for a narrow column: {@code × 1.10 (P 2025-01-31)}, {@code ÷ 1.17 (P 2025-12-31)}
     * for a reversed price, {@code × 0.0409 (2 prices)} for a chain (the CLI's {@code --value} names every step).
     */
    static String brief(PriceUsed price) {
        if (price.steps().size() == 1) {
            PriceUsed.Step step = price.steps().get(0);
            return (step.reversed() ? "÷ " : "× ") + PriceUsed.writtenPrice(step.price()).toPlainString() + " (P "
                    + step.price().date() + ")";
        }
        return "× " + price.rate().round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString() + " ("
                + price.steps().size() + " prices)";
    }

    /** The state's lines, then the valued ones; a line reads as before where its own list says so. */
    private static final class Joined extends java.util.AbstractList<StateRow> implements java.util.RandomAccess, ComparedLines {
        private final List<StateRow> shown;
        private final List<StateRow> valued;

        Joined(List<StateRow> shown, List<StateRow> valued) {
            this.shown = shown;
            this.valued = valued;
        }

        @Override
        public StateRow get(int index) {
            return index < shown.size() ? shown.get(index) : valued.get(index - shown.size());
        }

        @Override
        public int size() {
            return shown.size() + valued.size();
        }

        @Override
        public boolean readsAsBefore(List<StateRow> before, int index) {
            if (!(before instanceof Joined other) || other.shown.size() != shown.size() || index >= other.size()) {
                return false;
            }
            return index < shown.size() ? shown instanceof ComparedLines lines && lines.readsAsBefore(other.shown, index)
                    : get(index).equals(other.get(index));
        }
    }

    private static String amount(BigDecimal value, int places, String base) {
        return MoneyText.of(dev.eventscope.domain.ledger.ValuedBalances.shown(value, places), base);
    }
}

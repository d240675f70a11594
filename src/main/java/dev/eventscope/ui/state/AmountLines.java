package dev.eventscope.ui.state;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The whole ledger's lines at one point ({@link WholeLedgerLines}), immutable: each is spelled out when first read (a
 * table reads those it shows) and kept. {@code before[i]} is the amount at the point shown before when the line changed
 * (null when it did not; {@link #WAS_ABSENT} when the line did not exist); {@code now[i]} null: the line vanished.
 */
final class AmountLines extends AbstractList<StateRow> implements RandomAccess, ComparedLines {

    /** "before" of a line that did not exist at the point shown before (compared by identity). */
    static final BigDecimal WAS_ABSENT = new BigDecimal("0");

    private final LineInfo[] layout;
    private final BigDecimal[] now;
    private final BigDecimal[] before;
    /** The lines spelled out so far (read and written on one thread at a time: the worker that made them, then the UI). */
    private final StateRow[] spelled;

    AmountLines(LineInfo[] layout, BigDecimal[] now, BigDecimal[] before) {
        this.layout = layout;
        this.now = now;
        this.before = before;
        this.spelled = new StateRow[layout.length];
    }

    @Override
    public StateRow get(int index) {
        StateRow row = spelled[index];
        if (row == null) {
            row = spell(index);
            spelled[index] = row;
        }
        return row;
    }

    private StateRow spell(int index) {
        LineInfo line = layout[index];
        String value = now[index] == null ? StateRows.ABSENT : MoneyText.of(now[index], line.unit());
        BigDecimal old = before[index];
        if (old == null) {
            return new StateRow(line.key(), line.section(), line.label(), value, null, false, line.account(), line.commodity(), 0);
        }
        String was = old == WAS_ABSENT ? StateRows.ABSENT : MoneyText.of(old, line.unit());
        return new StateRow(line.key(), line.section(), line.label(), value, was, true, line.account(), line.commodity(), 0);
    }

    /**
     * The same line (the same slot's info), the same amount now and the same amount before: then it reads the same, and
     * a line already spelled out there is taken over instead of being spelled again.
     */
    @Override
    public boolean readsAsBefore(List<StateRow> shownBefore, int index) {
        if (!(shownBefore instanceof AmountLines other) || index >= other.layout.length || other.layout[index] != layout[index]
                || !same(now[index], other.now[index]) || !same(before[index], other.before[index])) {
            return false;
        }
        if (spelled[index] == null) {
            spelled[index] = other.spelled[index];
        }
        return true;
    }

    /** Equal amounts read the same ({@link MoneyText} shows at least two places and every place an amount has). */
    private static boolean same(BigDecimal one, BigDecimal other) {
        return one == other || one != null && other != null && one != WAS_ABSENT && other != WAS_ABSENT && one.compareTo(other) == 0;
    }

    @Override
    public int size() {
        return layout.length;
    }
}

package dev.eventscope.ui.state;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.Explanation;
import dev.eventscope.timetravel.FieldChange;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** "Why this value?" and "compare two points", as lines for tables. Runs off the UI thread. */
public final class Insights {

    private final TimeTravel timeTravel;

    public Insights(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    /** Every posting behind {@code account}'s balance in {@code commodity} at {@code point}, oldest first. */
    public Explained why(String account, String commodity, Point point) {
        Explanation explanation = timeTravel.why(account, commodity, point);
        List<WhyLine> lines = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (RegisterLine line : explanation.contributions()) {
            running = running.add(line.amount());
            lines.add(new WhyLine(line.position(), line.entryId(), line.date().toString(), MoneyText.of(line.amount(), commodity),
                    MoneyText.of(running, commodity), line.user(), line.command(), line.description()));
        }
        String title = account + " · " + MoneyText.of(explanation.balance(), commodity) + " at " + point + " — "
                + lines.size() + (lines.size() == 1 ? " posting" : " postings");
        return new Explained(title, explanation.balance(), lines);
    }

    /** The explanation's heading, its balance and its lines. */
    public record Explained(String title, BigDecimal balance, List<WhyLine> lines) {
    }

    /** What differs between two points: per account and commodity for the whole ledger (stream null), else field by field. */
    public List<CompareRow> compare(StreamId stream, Point from, Point to) {
        List<CompareRow> rows = new ArrayList<>();
        if (stream == null) {
            for (BalanceChange change : timeTravel.diff(from, to)) {
                rows.add(new CompareRow(change.account() + " (" + change.commodity() + ")", MoneyText.of(change.before()),
                        MoneyText.of(change.after()), (change.change().signum() > 0 ? "+" : "") + MoneyText.of(change.change())));
            }
        } else {
            for (FieldChange change : timeTravel.diff(stream, from, to)) {
                rows.add(new CompareRow(change.path(), change.before() == null ? StateRows.ABSENT : change.before(),
                        change.after() == null ? StateRows.ABSENT : change.after(),
                        numericChange(change.before(), change.after())));
            }
        }
        return rows;
    }

    /**
     * For a field that is a number at both points (or a number at one and absent at the other, counted as
     * zero, as a balance in a commodity first held), the signed difference: {@code 0 → 136} gives
     * {@code +136}; nothing for text, dates and the like.
     */
    static String numericChange(String before, String after) {
        if (before == null && after == null) {
            return "";
        }
        BigDecimal was = before == null ? BigDecimal.ZERO : number(before);
        BigDecimal is = after == null ? BigDecimal.ZERO : number(after);
        if (was == null || is == null) {
            return "";
        }
        BigDecimal change = Amounts.normalise(is.subtract(was));
        return (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}

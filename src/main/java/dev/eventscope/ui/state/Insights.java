package dev.eventscope.ui.state;

import dev.eventscope.projection.RegisterLine;
import dev.eventscope.timetravel.Explanation;
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
                    MoneyText.of(running, commodity), shown(line.user()), line.command(), shown(line.description())));
        }
        String title = account + " · " + MoneyText.of(explanation.balance(), commodity) + " at " + point + " — "
                + lines.size() + (lines.size() == 1 ? " posting" : " postings");
        return new Explained(title, explanation.balance(), lines);
    }

    /** The explanation's heading, its balance and its lines. */
    public record Explained(String title, BigDecimal balance, List<WhyLine> lines) {
    }

    /** A user's or a description's printable form, shortened; null stays null (session 23, adversary). */
    private static String shown(String text) {
        return text == null ? null : dev.eventscope.domain.PrintableText.shortened(text);
    }
}

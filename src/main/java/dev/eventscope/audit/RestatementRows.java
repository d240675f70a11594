package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The "Restatements" section of a report as text: a sentence per period and two tables, for the HTML and PDF writers. */
final class RestatementRows {

    static final String TITLE = "Restatements";
    static final List<String> POSTING_COLUMNS = List.of("Period end", "Event", "Recorded", "By", "Command", "Entry", "Date",
            "Account", "Amount");
    static final String EFFECT_TITLE = "Effect per account on the balances as of each period's end:";
    static final List<String> EFFECT_COLUMNS = List.of("Period end", "Account", "Change");
    /** The column of {@link #POSTING_COLUMNS} that holds the position an HTML report links to. */
    static final int LINK_COLUMN = 1;

    private RestatementRows() {
    }

    /** One sentence for the section as a whole, then one per period. */
    static List<String> lines(ReportRestatements restatements, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (restatements.periods().isEmpty()) {
            lines.add("No period was closed, so no figure was restated after its closing.");
            return lines;
        }
        lines.add("Postings recorded after a period was closed and dated on or before its end change the figures that were"
                + " known when it was closed (whole ledger, whatever the report's scope).");
        for (ReportRestatements.Period period : restatements.periods()) {
            int count = period.postings().size() + (int) period.omitted();
            lines.add("Period ending " + period.periodEnd() + ", closed at #" + period.closedAtPosition() + " on "
                    + ReportText.recorded(period.closedAt(), zone) + " by " + period.closedBy() + ": "
                    + (count == 0 ? "nothing restated." : count + " posting" + (count == 1 ? "" : "s") + " restated it"
                    + (period.omitted() > 0 ? " (" + period.omitted() + " not listed)" : "") + "."));
        }
        return lines;
    }

    static List<List<String>> postings(ReportRestatements restatements, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportRestatements.Period period : restatements.periods()) {
            for (ReportRow row : period.postings()) {
                rows.add(List.of(period.periodEnd().toString(), Long.toString(row.position()),
                        ReportText.recorded(row.recordedAt(), zone), row.user(), ReportText.orEmpty(row.command()),
                        row.entryId() + (row.relatedEntryId() == null ? "" : " (reverses " + row.relatedEntryId() + ")"),
                        ReportText.orEmpty(row.entryDate()), row.account(), row.amountText()));
            }
        }
        return rows;
    }

    static List<List<String>> effect(ReportRestatements restatements) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportRestatements.Period period : restatements.periods()) {
            for (ReportRestatements.Effect effect : period.effect()) {
                rows.add(List.of(period.periodEnd().toString(), effect.account(),
                        new Money(effect.change(), effect.commodity()).toString()));
            }
        }
        return rows;
    }
}

package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's "Restatements" section: for every period end the ledger closed (its first {@code PeriodClosed}
 * through that date), the postings recorded after that closing and dated on or before the period's end (late
 * entries, reversals into the period, back-dated entries), and their effect per account and commodity. Gathered from
 * the rows of the report's first pass over the whole ledger, whatever the report's scope; at most {@code cap}
 * postings are kept per period (the effect counts every one).
 */
public record ReportRestatements(List<Period> periods) {

    public ReportRestatements {
        periods = List.copyOf(periods);
    }

    /** One closed period's restatements; {@code omitted} postings were counted in the effect but not kept. */
    public record Period(LocalDate periodEnd, long closedAtPosition, Instant closedAt, String closedBy,
                         List<ReportRow> postings, List<Effect> effect, long omitted) {
    }

    /** The change to one account's balance in one commodity as of the period's end. */
    public record Effect(String account, String commodity, BigDecimal change) {
    }

    /** Gathers the section from report rows in ledger order. */
    static final class Collector {
        private final int cap;
        private final Map<LocalDate, Open> periods = new TreeMap<>();

        Collector(int cap) {
            this.cap = cap;
        }

        private static final class Open {
            final ReportRow closing;
            final List<ReportRow> postings = new ArrayList<>();
            final Map<String, Map<String, BigDecimal>> effect = new TreeMap<>();
            long omitted;

            Open(ReportRow closing) {
                this.closing = closing;
            }
        }

        void add(ReportRow row) {
            if (row.eventType().equals("PeriodClosed") && row.entryDate() != null) {
                periods.putIfAbsent(row.entryDate(), new Open(row));
            } else if (row.eventType().equals("PostingRecorded") && row.entryDate() != null && row.amount() != null) {
                periods.forEach((end, open) -> {
                    if (!row.entryDate().isAfter(end)) {
                        restate(open, row);
                    }
                });
            }
        }

        private void restate(Open open, ReportRow row) {
            if (open.postings.size() < cap) {
                open.postings.add(row);
            } else {
                open.omitted++;
            }
            Money amount = row.amount();
            open.effect.computeIfAbsent(row.account(), account -> new TreeMap<>())
                    .merge(amount.commodity(), amount.amount(), BigDecimal::add);
        }

        ReportRestatements result() {
            List<Period> result = new ArrayList<>();
            periods.forEach((end, open) -> {
                List<Effect> effect = new ArrayList<>();
                open.effect.forEach((account, byCommodity) -> byCommodity.forEach((commodity, change) -> {
                    if (change.signum() != 0) {
                        effect.add(new Effect(account, commodity, change));
                    }
                }));
                result.add(new Period(end, open.closing.position(), open.closing.recordedAt(), open.closing.user(),
                        open.postings, effect, open.omitted));
            });
            return new ReportRestatements(result);
        }
    }
}

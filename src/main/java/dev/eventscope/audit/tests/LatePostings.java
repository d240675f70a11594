package dev.eventscope.audit.tests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries recorded after the period they are dated in was closed: dated on or before the latest closing
 * date recorded before them. The domain refuses such a posting while the period is closed, so each one
 * was made through a reopening.
 */
public final class LatePostings implements JournalEntryTest {

    @Override
    public String name() {
        return "late-postings";
    }

    @Override
    public String title() {
        return "Late postings";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries recorded after the period they are dated in had been closed.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        List<FlaggedEntry> flagged = new ArrayList<>();
        List<PeriodClose> closes = facts.closes();
        int next = 0;
        PeriodClose latest = null;
        for (EntryFacts entry : facts.entries()) {
            while (next < closes.size() && closes.get(next).position() < entry.position()) {
                PeriodClose close = closes.get(next++);
                if (latest == null || !close.throughDate().isBefore(latest.throughDate())) {
                    latest = close;
                }
            }
            if (latest != null && !entry.date().isAfter(latest.throughDate())) {
                LocalDate closedOn = latest.recordedAt().atZone(ZoneOffset.UTC).toLocalDate();
                flagged.add(FlaggedEntry.of(this, entry, "Dated " + entry.date() + " but recorded on "
                        + entry.recordedAt().atZone(ZoneOffset.UTC).toLocalDate() + ", after the period through "
                        + latest.throughDate() + " was closed on " + closedOn + " (position " + latest.position() + ")."));
            }
        }
        return result(settings, flagged);
    }
}

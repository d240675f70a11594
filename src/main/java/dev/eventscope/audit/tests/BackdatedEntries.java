package dev.eventscope.audit.tests;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Entries dated more than N days before the entry recorded just before them. */
public final class BackdatedEntries implements JournalEntryTest {

    @Override
    public String name() {
        return "backdated";
    }

    @Override
    public String title() {
        return "Backdated entries";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries dated more than " + settings.backdatedDays() + " days before the entry recorded just before them.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        List<FlaggedEntry> flagged = new ArrayList<>();
        EntryFacts previous = null;
        for (EntryFacts entry : facts.entries()) {
            if (previous != null) {
                long days = ChronoUnit.DAYS.between(entry.date(), previous.date());
                if (days > settings.backdatedDays()) {
                    flagged.add(FlaggedEntry.of(this, entry, "Dated " + entry.date() + ", " + days
                            + " days before " + previous.entryId() + " (dated " + previous.date() + ") recorded just before it."));
                }
            }
            previous = entry;
        }
        return result(settings, flagged);
    }
}

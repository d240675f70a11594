package dev.eventscope.audit.tests;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reversals dated within N days after the end of the period (month by default) in which the entry they
 * reverse is dated: the pattern of an entry made to dress up one period's figures and undone in the next.
 */
public final class ReversalsAfterPeriodEnd implements JournalEntryTest {

    @Override
    public String name() {
        return "reversed-after-period-end";
    }

    @Override
    public String title() {
        return "Reversed shortly after a period end";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Reversals dated at most " + settings.reversalDays() + " days after the end of the "
                + settings.reversalPeriod().name().toLowerCase(Locale.ROOT) + " of the entry they reverse.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, EntryFacts> byId = facts.byId();
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            EntryFacts original = entry.reversesEntryId() == null ? null : byId.get(entry.reversesEntryId());
            if (original == null) {
                continue;
            }
            LocalDate periodEnd = PeriodEnds.endOf(original.date(), settings.reversalPeriod());
            long days = ChronoUnit.DAYS.between(periodEnd, entry.date());
            if (days > 0 && days <= settings.reversalDays()) {
                flagged.add(FlaggedEntry.of(this, entry, "Reverses " + original.entryId() + " (dated " + original.date()
                        + ") " + days + (days == 1 ? " day" : " days") + " after the period end " + periodEnd + "."));
            }
        }
        return result(settings, flagged);
    }
}

package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entries recorded by a user who recorded fewer than the configured share (5 % by default) of all entries. */
public final class RareUsers implements JournalEntryTest {

    @Override
    public String name() {
        return "rare-users";
    }

    @Override
    public String title() {
        return "Posted by a user who rarely posts";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries recorded by a user who recorded fewer than " + percent(settings.rareUserShare()) + " of all entries.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, Integer> counts = new HashMap<>();
        facts.entries().forEach(entry -> counts.merge(entry.user(), 1, Integer::sum));
        BigDecimal total = BigDecimal.valueOf(facts.entries().size());
        BigDecimal limit = total.multiply(settings.rareUserShare());
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            int count = counts.get(entry.user());
            if (BigDecimal.valueOf(count).compareTo(limit) < 0) {
                flagged.add(FlaggedEntry.of(this, entry, "Recorded by " + entry.user() + ", who recorded " + count + " of the "
                        + facts.entries().size() + " entries (below " + percent(settings.rareUserShare()) + ")."));
            }
        }
        return result(settings, flagged);
    }

    static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %";
    }
}

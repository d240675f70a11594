package dev.eventscope.audit.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reversals of an entry that was itself a reversal: what was undone is back in the books. */
public final class ReversalsOfReversals implements JournalEntryTest {

    @Override
    public String name() {
        return "reversals-of-reversals";
    }

    @Override
    public String title() {
        return "Reversals of reversals";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries that reverse an entry which itself reversed another.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, EntryFacts> byId = facts.byId();
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            EntryFacts reversed = entry.reversesEntryId() == null ? null : byId.get(entry.reversesEntryId());
            if (reversed != null && reversed.reversesEntryId() != null) {
                flagged.add(FlaggedEntry.of(this, entry, "Reverses " + reversed.entryId() + ", which itself reversed "
                        + reversed.reversesEntryId() + "."));
            }
        }
        return result(settings, flagged);
    }
}

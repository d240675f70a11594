package dev.eventscope.audit.tests;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Entries with the same postings (the same accounts with the same signed amounts) as another entry
 * dated at most N days apart, under a different entry id. The later-recorded one is flagged and names the
 * earlier. A reversal has the opposite signs, so it never matches what it reverses.
 */
public final class DuplicateEntries implements JournalEntryTest {

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public String title() {
        return "Possible duplicates";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries with the same accounts and amounts as another entry dated at most " + settings.duplicateDays()
                + " days apart.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, List<EntryFacts>> bySignature = new HashMap<>();
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            List<EntryFacts> same = bySignature.computeIfAbsent(signature(entry), key -> new ArrayList<>());
            for (EntryFacts earlier : same) {
                long days = Math.abs(ChronoUnit.DAYS.between(earlier.date(), entry.date()));
                if (days <= settings.duplicateDays()) {
                    flagged.add(FlaggedEntry.of(this, entry, "Same postings (" + MoneyText.of(entry.amount(), entry.commodity())
                            + " between " + accounts(entry) + ") as " + earlier.entryId() + ", dated " + days + " days apart."));
                    break;
                }
            }
            same.add(entry);
        }
        return result(settings, flagged);
    }

    private static String signature(EntryFacts entry) {
        return entry.postings().stream()
                .map(posting -> posting.account() + " " + posting.amount().stripTrailingZeros().toPlainString() + " " + posting.commodity())
                .sorted().collect(Collectors.joining("\n"));
    }

    private static String accounts(EntryFacts entry) {
        return entry.postings().stream().map(PostingLine::account).distinct().collect(Collectors.joining(" and "));
    }
}

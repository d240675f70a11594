package dev.eventscope.audit.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entries by an established user (at least the configured number of earlier entries) that post to an
 * account the user never posted to before, though others had: a bookkeeper reaching into someone else's
 * accounts. An account's very first posting is not flagged (someone has to open the books on it).
 */
public final class UnfamiliarAccounts implements JournalEntryTest {

    @Override
    public String name() {
        return "unfamiliar-accounts";
    }

    @Override
    public String title() {
        return "Posted to an account the user never used before";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries by a user with at least " + settings.unfamiliarWarmUp()
                + " earlier entries posting to an account others used but this user never had.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, Set<String>> accountsByUser = new HashMap<>();
        Map<String, Integer> entriesByUser = new HashMap<>();
        Map<String, String> firstUserOfAccount = new HashMap<>();
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            Set<String> used = accountsByUser.computeIfAbsent(entry.user(), user -> new HashSet<>());
            int earlier = entriesByUser.getOrDefault(entry.user(), 0);
            if (earlier >= settings.unfamiliarWarmUp()) {
                for (PostingLine posting : entry.postings()) {
                    String firstUser = firstUserOfAccount.get(posting.account());
                    if (firstUser != null && !used.contains(posting.account())) {
                        flagged.add(FlaggedEntry.of(this, entry, entry.user() + " posts to " + posting.account()
                                + " for the first time after " + earlier + " entries; " + firstUser + " used it first."));
                        break;
                    }
                }
            }
            for (PostingLine posting : entry.postings()) {
                used.add(posting.account());
                firstUserOfAccount.putIfAbsent(posting.account(), entry.user());
            }
            entriesByUser.merge(entry.user(), 1, Integer::sum);
        }
        return result(settings, flagged);
    }
}

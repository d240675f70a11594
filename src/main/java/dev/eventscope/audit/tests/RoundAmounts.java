package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries with a posting of a round amount: a whole multiple of the configured amount (1,000 by default),
 * or a whole number ending in one of the configured digit groups (999 by default).
 */
public final class RoundAmounts implements JournalEntryTest {

    @Override
    public String name() {
        return "round-amounts";
    }

    @Override
    public String title() {
        return "Round amounts";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries with a posting that is a multiple of " + MoneyText.of(settings.roundMultiple())
                + (settings.roundEndings().isEmpty() ? "" : " or a whole amount ending in " + String.join(" or ", settings.roundEndings()))
                + ".";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            for (PostingLine posting : entry.postings()) {
                String why = roundness(posting.amount().abs(), settings);
                if (why != null) {
                    flagged.add(FlaggedEntry.of(this, entry, "Posts " + MoneyText.of(posting.amount().abs(), posting.commodity())
                            + " to " + posting.account() + ", " + why + "."));
                    break;
                }
            }
        }
        return result(settings, flagged);
    }

    static String roundness(BigDecimal amount, TestSettings settings) {
        if (amount.compareTo(settings.roundMultiple()) >= 0 && amount.remainder(settings.roundMultiple()).signum() == 0) {
            return "a multiple of " + MoneyText.of(settings.roundMultiple());
        }
        if (amount.stripTrailingZeros().scale() <= 0) {
            String digits = amount.toBigInteger().toString();
            for (String ending : settings.roundEndings()) {
                if (digits.length() >= ending.length() && digits.endsWith(ending)) {
                    return "a whole amount ending in " + ending;
                }
            }
        }
        return null;
    }
}

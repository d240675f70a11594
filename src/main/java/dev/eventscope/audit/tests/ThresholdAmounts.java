package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries whose amount (the sum of their debits) lies just below an approval threshold: at least
 * {@code threshold × (1 − margin)} and less than the threshold.
 */
public final class ThresholdAmounts implements JournalEntryTest {

    @Override
    public String name() {
        return "below-threshold";
    }

    @Override
    public String title() {
        return "Just below an approval threshold";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries whose amount is less than " + RareUsers.percent(settings.thresholdMargin())
                + " below an approval threshold of " + String.join(" or ", settings.thresholds().stream().map(MoneyText::of).toList()) + ".";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            BigDecimal amount = entry.amount();
            for (BigDecimal threshold : settings.thresholds()) {
                BigDecimal floor = threshold.multiply(BigDecimal.ONE.subtract(settings.thresholdMargin()));
                if (amount.compareTo(threshold) < 0 && amount.compareTo(floor) >= 0) {
                    BigDecimal below = threshold.subtract(amount).multiply(BigDecimal.valueOf(100))
                            .divide(threshold, 1, RoundingMode.HALF_UP);
                    flagged.add(FlaggedEntry.of(this, entry, "Its " + MoneyText.of(amount, entry.commodity()) + " is "
                            + below.toPlainString() + " % below the approval threshold of " + MoneyText.of(threshold) + "."));
                    break;
                }
            }
        }
        return result(settings, flagged);
    }
}

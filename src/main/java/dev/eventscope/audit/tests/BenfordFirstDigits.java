package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * First-digit Benford analysis of posting amounts (absolute, at least the configured minimum amount) per
 * account type, with chi-square and MAD. In a type with at least the configured number of postings whose
 * MAD says nonconformity, the entries with a posting whose first digit is over-represented (observed share
 * above expected, z above 1.96) are flagged.
 */
public final class BenfordFirstDigits implements JournalEntryTest {

    /** The two-sided 5 % critical value of the normal distribution. */
    static final double Z_CRITICAL = 1.96;

    @Override
    public String name() {
        return "benford";
    }

    @Override
    public String title() {
        return "Benford's law, first digits";
    }

    @Override
    public String describe(TestSettings settings) {
        return "First digits of posting amounts of at least " + MoneyText.of(settings.benfordMinimumAmount())
                + " per account type with " + settings.benfordMinimumCount()
                + " or more postings; in a type that does not conform (MAD above 0.015), entries whose first digit is"
                + " over-represented (z above 1.96).";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, int[]> countsByType = new TreeMap<>();
        for (EntryFacts entry : facts.entries()) {
            for (PostingLine posting : entry.postings()) {
                int digit = firstDigit(posting.amount(), settings);
                if (digit > 0) {
                    countsByType.computeIfAbsent(posting.accountType(), type -> new int[9])[digit - 1]++;
                }
            }
        }
        List<BenfordGroup> groups = new ArrayList<>();
        countsByType.forEach((type, counts) -> groups.add(BenfordGroup.of(type, counts)));
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            Set<String> reasons = new LinkedHashSet<>();
            for (PostingLine posting : entry.postings()) {
                int digit = firstDigit(posting.amount(), settings);
                BenfordGroup group = digit == 0 ? null : find(groups, posting.accountType());
                if (group != null && group.count() >= settings.benfordMinimumCount()
                        && group.conformity() == BenfordGroup.Conformity.NONCONFORMITY
                        && group.observed(digit) > BenfordGroup.expected(digit) && group.zScores().get(digit - 1) > Z_CRITICAL) {
                    reasons.add(String.format(Locale.ROOT, "first digit %d of %s in %s is over-represented (%.1f %% of %d postings"
                                    + " against %.1f %% expected, z = %.2f; MAD %.4f: nonconformity)", digit,
                            MoneyText.of(posting.amount().abs(), posting.commodity()), posting.accountType(), 100 * group.observed(digit),
                            group.count(), 100 * BenfordGroup.expected(digit), group.zScores().get(digit - 1), group.mad()));
                }
            }
            if (!reasons.isEmpty()) {
                String reason = String.join("; ", reasons);
                flagged.add(FlaggedEntry.of(this, entry, Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + "."));
            }
        }
        return new TestResult(name(), title(), describe(settings), flagged, groups);
    }

    private static BenfordGroup find(List<BenfordGroup> groups, String type) {
        for (BenfordGroup group : groups) {
            if (group.accountType().equals(type)) {
                return group;
            }
        }
        return null;
    }

    /** The first significant digit of the amount's absolute value, or 0 when it is below the minimum. */
    static int firstDigit(BigDecimal amount, TestSettings settings) {
        BigDecimal absolute = amount.abs();
        if (absolute.compareTo(settings.benfordMinimumAmount()) < 0 || absolute.signum() == 0) {
            return 0;
        }
        return absolute.unscaledValue().toString().charAt(0) - '0';
    }
}

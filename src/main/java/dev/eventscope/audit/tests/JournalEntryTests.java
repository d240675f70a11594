package dev.eventscope.audit.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every journal-entry test, in the order they are listed and reported, and running them. */
public final class JournalEntryTests {

    private static final List<JournalEntryTest> ALL = List.of(new LatePostings(), new BackdatedEntries(),
            new OffHoursEntries(), new RoundAmounts(), new RareUsers(), new UnfamiliarAccounts(), new DuplicateEntries(),
            new EntryNumbering(), new ReversalsAfterPeriodEnd(), new ReversalsOfReversals(), new ThresholdAmounts(),
            new BenfordFirstDigits());

    private JournalEntryTests() {
    }

    public static List<JournalEntryTest> all() {
        return ALL;
    }

    /** The test names, in order. */
    public static List<String> names() {
        return ALL.stream().map(JournalEntryTest::name).toList();
    }

    /**
     * Runs the named tests (all when {@code only} is empty) over the facts, in the usual order; an unknown
     * name stops it with the known names.
     */
    public static List<TestResult> run(LedgerFacts facts, TestSettings settings, Set<String> only) {
        for (String name : only) {
            if (!names().contains(name)) {
                throw new IllegalArgumentException("There is no journal-entry test \"" + name + "\"; the tests are: "
                        + String.join(", ", names()) + ".");
            }
        }
        List<TestResult> results = new ArrayList<>();
        for (JournalEntryTest test : ALL) {
            if (only.isEmpty() || only.contains(test.name())) {
                results.add(test.run(facts, settings));
            }
        }
        return results;
    }
}

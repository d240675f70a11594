package dev.eventscope.audit.tests;

/**
 * One journal-entry test (ISA 240 / AS 2401): reads the ledger's facts and lists the entries it flags, each
 * with the reason in one sentence. A test never changes the ledger.
 */
public interface JournalEntryTest {

    /** The short name used on the command line and in reports, such as {@code late-postings}. */
    String name();

    /** The heading shown to people, such as "Late postings". */
    String title();

    /** What the test looks for with these settings, in one sentence. */
    String describe(TestSettings settings);

    /** Runs the test. */
    TestResult run(LedgerFacts facts, TestSettings settings);

    /** A result with flagged entries only (every test but Benford's). */
    default TestResult result(TestSettings settings, java.util.List<FlaggedEntry> flagged) {
        return new TestResult(name(), title(), describe(settings), flagged, java.util.List.of());
    }
}

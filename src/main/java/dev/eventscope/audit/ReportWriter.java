package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;

/**
 * Writes one report format as the events stream past: {@link #start} once with everything known
 * before the event table, {@link #event} once per event in scope in ledger order, then {@link #finish}.
 * Implementations keep no more than a page of rows in memory.
 */
interface ReportWriter {

    /** Called before {@link #start} when the request lists proposed adjustments (every format prints them before the events). */
    default void proposedAdjustments(java.util.List<ProposedAdjustment> proposals) {
    }

    void start(ReportHeader header, IntegrityReport integrity, ReportSummary summary);

    void event(ReportRow row);

    /** Adds the "Restatements" section after the events (called once, before {@link #workbench} and {@link #finish}). */
    void restatements(ReportRestatements restatements);

    /** Adds the findings and test results after the events (called at most once, before {@link #finish}); by default nothing. */
    default void workbench(ReportWorkbench workbench) {
    }

    /** Adds the "Statements" section after the events, before the workbench (called at most once); by default nothing. */
    default void statements(java.util.List<dev.eventscope.statement.Statement> statements) {
    }

    /** Completes the file and flushes it; the output stream stays open for the caller to close. */
    void finish();
}

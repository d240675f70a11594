package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;

/** What a written report said: the integrity of the chain, the summary and how many event rows it holds. */
public record ReportOutcome(IntegrityReport integrity, ReportSummary summary, long rowsWritten) {
}

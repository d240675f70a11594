package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.tests.JournalEntryTests;
import dev.eventscope.audit.tests.LedgerEventSource;
import dev.eventscope.audit.tests.LedgerFacts;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.audit.tests.TestSettings;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the auditor's workbench adds to a report, after the events: the findings on the ledger (every
 * user's, each with the position its link opens, 0 for a point in time or a whole test) and the results of
 * the journal-entry tests. Written inside the report file, so the report's signature covers it.
 */
public record ReportWorkbench(List<LinkedFinding> findings, List<TestResult> tests) {

    /** Nothing to add: the report is as it was before the workbench. */
    public static final ReportWorkbench NONE = new ReportWorkbench(List.of(), List.of());

    /** A finding and the position of the event its link opens (0 when it names no event). */
    public record LinkedFinding(Finding finding, long position) {
    }

    public ReportWorkbench {
        findings = List.copyOf(findings);
        tests = List.copyOf(tests);
    }

    public boolean isEmpty() {
        return findings.isEmpty() && tests.isEmpty();
    }

    /**
     * The findings kept for the store's ledger in {@code findingsDirectory} (every user's), and when
     * {@code withTests} the results of every journal-entry test with these settings.
     */
    public static ReportWorkbench of(EventStore store, Path findingsDirectory, boolean withTests, TestSettings settings) {
        String ledgerId = store.readAt(1).map(RecordedEvent::eventId).orElse(null);
        List<LinkedFinding> findings = new ArrayList<>();
        if (ledgerId != null && findingsDirectory != null) {
            for (Finding finding : new FindingsFile(findingsDirectory, ledgerId, "-", findingsHistory(store)).everyUsers()) {
                findings.add(new LinkedFinding(finding, positionOf(store, finding.target())));
            }
        }
        List<TestResult> tests = withTests
                ? JournalEntryTests.run(LedgerFacts.read(LedgerEventSource.of(store), BookkeepingCodec.create()), settings, Set.of())
                : List.of();
        return new ReportWorkbench(findings, tests);
    }

    /** The ledger's events a finding's recorded head is checked against: the whole ledger behind a report's verified cut. */
    private static FindingsFile.History findingsHistory(EventStore store) {
        EventStore ledger = store instanceof dev.eventscope.eventstore.EventsThrough cut ? cut.whole() : store;
        return FindingsFile.History.of(ledger::lastPosition, position -> ledger.readAt(position).map(RecordedEvent::hash));
    }

    /**
     * The position of the event a finding's link opens: the event itself, or the first event of the entry it names
     * (directly or as a flagged entry of a test); 0 for a point in time, a whole test or an entry not in the ledger.
     */
    public static long positionOf(EventStore store, FindingTarget target) {
        String entryId = switch (target.kind()) {
            case EVENT -> null;
            case ENTRY -> target.value();
            case TEST -> target.value().contains("/") ? target.value().substring(target.value().indexOf('/') + 1) : null;
            case TIME -> null;
        };
        if (target.kind() == FindingTarget.Kind.EVENT) {
            return target.position();
        }
        if (entryId == null) {
            return 0;
        }
        List<RecordedEvent> first = store.readStream(StreamId.of("entry-" + entryId), 1, Direction.FORWARD, 1);
        return first.isEmpty() ? 0 : first.get(0).position();
    }
}

package dev.eventscope.ui.workbench;

import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.tests.TestSettings;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The auditor's workbench for one open ledger: its Tests, Search and Findings tabs. Reads the ledger through
 * the session; writes only the search index and the findings, both outside the ledger file.
 */
public final class WorkbenchViewModel {

    private final String ledgerName;
    private final TestsViewModel tests;
    private final SearchViewModel search;
    private final FindingsViewModel findings;

    public WorkbenchViewModel(LedgerSession session, TaskExecutor executor, Path searchIndexes, Path findingsDirectory, String user,
                              ZoneId zone, Clock clock, Consumer<String> errors) {
        this.ledgerName = session.fileName();
        this.tests = new TestsViewModel(session.events(), executor, TestSettings.defaults(zone), errors);
        this.search = new SearchViewModel(session, searchIndexes, executor, errors);
        String ledgerId = session.readAt(1).map(RecordedEvent::eventId).orElse("empty-ledger");
        this.findings = new FindingsViewModel(new FindingsFile(findingsDirectory, ledgerId, user,
                FindingsFile.History.of(session::lastPosition, position -> session.readAt(position).map(RecordedEvent::hash))), session, executor, clock, errors);
    }

    public String ledgerName() {
        return ledgerName;
    }

    public TestsViewModel tests() {
        return tests;
    }

    public SearchViewModel search() {
        return search;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    /** The workbench closed: closes what it keeps open (the search index). */
    public void close() {
        search.close();
    }
}

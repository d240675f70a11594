package dev.eventscope.ui.workbench;

import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The Findings tab: this user's findings on the ledger (kept outside it, per user and ledger id), marking a
 * new one, removing one, and where each one's link leads in the explorer.
 */
public final class FindingsViewModel {

    private final FindingsFile findingsFile;
    private final LedgerSession session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Consumer<String> errors;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    public FindingsViewModel(FindingsFile findingsFile, LedgerSession session, TaskExecutor executor, Clock clock, Consumer<String> errors) {
        this.findingsFile = findingsFile;
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        this.errors = errors;
    }

    public void load() {
        executor.run(findingsFile::list, findings::setAll, failure -> errors.accept(failure.getMessage()));
    }

    /** Records a finding; a blank note is refused with a sentence. */
    public void mark(FindingTarget target, Severity severity, String note) {
        executor.run(() -> {
            findingsFile.add(target, severity, note, clock);
            return findingsFile.list();
        }, findings::setAll, failure -> errors.accept(failure.getMessage()));
    }

    public void remove(Finding finding) {
        executor.run(() -> {
            findingsFile.remove(finding.id());
            return findingsFile.list();
        }, findings::setAll, failure -> errors.accept(failure.getMessage()));
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public String user() {
        return findingsFile.user();
    }

    /** The moment a finding about a point in time is about; empty for any other finding. */
    public static java.util.Optional<java.time.Instant> pointInTime(FindingTarget target) {
        return target.kind() == FindingTarget.Kind.TIME ? java.util.Optional.of(java.time.Instant.parse(target.value()))
                : java.util.Optional.empty();
    }

    /** The position a finding's link opens: the event, or the entry's first event; empty for a point in time or a whole test. */
    public OptionalLong positionOf(FindingTarget target) {
        long position = session.positionOf(target);
        return position == 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }
}

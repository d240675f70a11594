package dev.eventscope.ui.reports;

import dev.eventscope.audit.ReportVerification;
import dev.eventscope.audit.ReportVerifier;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tools › Verify a report: checks a report's signature (PATH.sig, or a JSON report's embedded one)
 * and, when asked and a ledger is open, that the report's head hash is in that ledger's chain.
 */
public final class VerifyReportViewModel {

    private final Optional<LedgerSession> openLedger;
    private final TaskExecutor executor;
    private final ObjectProperty<Path> report = new SimpleObjectProperty<>();
    private final BooleanProperty againstLedger = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ReportVerification> verification = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    /** {@code openLedger} is empty when no ledger is open (then only the signature is checked). */
    public VerifyReportViewModel(Optional<LedgerSession> openLedger, TaskExecutor executor) {
        this.openLedger = openLedger;
        this.executor = executor;
        againstLedger.set(openLedger.isPresent());
    }

    /** Checks the chosen report in the background. */
    public void verify() {
        Path file = report.get();
        verification.set(null);
        if (file == null) {
            show("Choose a report", "Pick the report file to check; its signature is read from the file beside it (.sig).");
            return;
        }
        if (!Files.isRegularFile(file)) {
            show("No report there", "There is no report at " + file + ".");
            return;
        }
        boolean withLedger = againstLedger.get() && openLedger.isPresent();
        running.set(true);
        show("Checking…", "");
        executor.run(() -> withLedger ? openLedger.get().verifyReport(new ReportVerifier(), file) : new ReportVerifier().verify(file),
                checked -> {
                    running.set(false);
                    verification.set(checked);
                    show(headlineOf(checked.outcome(), withLedger), checked.message()
                            + (checked.valid() && !withLedger ? " (Not checked against a ledger.)" : ""));
                }, failure -> {
                    running.set(false);
                    show("Could not check the report", ErrorMessages.of(failure));
                });
    }

    /** The verdict in a few plain words. */
    static String headlineOf(ReportVerification.Outcome outcome, boolean withLedger) {
        return switch (outcome) {
            case VALID -> withLedger ? "✓ Genuine, and it matches this ledger" : "✓ Genuine: unchanged since it was signed";
            case NOT_SIGNED -> "✗ Not signed";
            case SIGNATURE_UNREADABLE -> "✗ The signature file cannot be read";
            case REPORT_CHANGED -> "✗ Changed after it was signed";
            case SIGNATURE_INVALID -> "✗ The signature does not match the report";
            case HEAD_NOT_IN_LEDGER -> "✗ Not from this ledger's history";
            case UNTRUSTED_SIGNER -> "✗ Signed, but by a key this machine does not trust";
        };
    }

    private void show(String title, String text) {
        headline.set(title);
        detail.set(text);
    }

    public boolean ledgerOpen() {
        return openLedger.isPresent();
    }

    public String openLedgerName() {
        return openLedger.map(LedgerSession::fileName).orElse("");
    }

    public ObjectProperty<Path> reportProperty() { return report; }
    public BooleanProperty againstLedgerProperty() { return againstLedger; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReportVerification> verificationProperty() { return verification.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
}

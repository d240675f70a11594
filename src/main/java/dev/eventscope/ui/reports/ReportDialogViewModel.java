package dev.eventscope.ui.reports;

import dev.eventscope.audit.IntegrityText;
import dev.eventscope.audit.OutputFile;
import dev.eventscope.audit.OutputRefused;
import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportGenerator;
import dev.eventscope.audit.ReportRequest;
import dev.eventscope.audit.ReportScope;
import dev.eventscope.audit.ReportSigner;
import dev.eventscope.audit.SignedReportFile;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TimeBasis;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit-report export dialog: the scope (whole ledger, or any combination of account, entry,
 * user and period), format, paper and output file; validation in one sentence; writing and signing
 * off the UI thread with progress and Cancel; and the outcome (the key that signed it).
 */
public final class ReportDialogViewModel {

    private static final String ACCOUNT_STREAM_PREFIX = "account-";

    private final Path ledgerFile;
    private final LedgerSession session;
    private final TaskExecutor executor;
    private final Clock clock;
    private final String signer;
    private final SigningKeys keys;
    private final String version;
    private final BooleanProperty accountOn = new SimpleBooleanProperty();
    private final StringProperty account = new SimpleStringProperty("");
    private final BooleanProperty entryOn = new SimpleBooleanProperty();
    private final StringProperty entryId = new SimpleStringProperty("");
    private final BooleanProperty userOn = new SimpleBooleanProperty();
    private final StringProperty user = new SimpleStringProperty("");
    private final BooleanProperty periodOn = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeBasis> basis = new SimpleObjectProperty<>(TimeBasis.ENTRY_DATE);
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(PaperSize.A4);
    private final ObjectProperty<Path> outputFile = new SimpleObjectProperty<>();
    private final StringProperty dateProblem = new SimpleStringProperty("");
    private final ObservableList<String> accounts = FXCollections.observableArrayList();
    private final StringBinding validation;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private boolean outputChosen;
    private Path replaceConfirmedFor;
    private AtomicBoolean cancelled;

    public ReportDialogViewModel(LedgerSession session, TaskExecutor executor, Clock clock, String signer,
                                 SigningKeys keys, String version) {
        this.ledgerFile = session.file();
        this.session = session;
        this.executor = executor;
        this.clock = clock;
        this.signer = signer;
        this.keys = keys;
        this.version = version;
        Observable[] inputs = {accountOn, account, entryOn, entryId, userOn, user, periodOn, from, to, outputFile, accounts, dateProblem};
        validation = Bindings.createStringBinding(() -> validate().orElse(""), inputs);
        for (Observable scopeInput : new Observable[]{accountOn, account, entryOn, entryId, userOn, user, periodOn, from, to, format}) {
            scopeInput.addListener(ignored -> suggestFile());
        }
        suggestFile();
    }

    /** Loads the account names for completion, in the background. */
    public void loadAccounts() {
        executor.run(() -> session.streams(StreamFilter.category("account")).stream().map(StreamInfo::streamId)
                .map(stream -> stream.value().substring(ACCOUNT_STREAM_PREFIX.length())).sorted().toList(),
                accounts::setAll, failure -> { });
    }

    /** Account names starting with (or containing) what was typed, for completion. */
    public List<String> accountsMatching(String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return accounts.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(wanted))
                .sorted((left, right) -> Boolean.compare(!left.toLowerCase(Locale.ROOT).startsWith(wanted),
                        !right.toLowerCase(Locale.ROOT).startsWith(wanted)))
                .limit(12).toList();
    }

    /** Why the report cannot be written yet, in one sentence; empty when it can. */
    public java.util.Optional<String> validate() {
        if (accountOn.get() && account.get().isBlank()) {
            return java.util.Optional.of("Type the account the report should cover, or untick Account.");
        }
        if (accountOn.get() && !accounts.isEmpty() && !accounts.contains(account.get().strip())
                && accounts.stream().noneMatch(name -> name.startsWith(account.get().strip() + ":"))) {
            return java.util.Optional.of("There is no account named '" + account.get().strip() + "' in this ledger.");
        }
        if (entryOn.get() && entryId.get().isBlank()) {
            return java.util.Optional.of("Type the id of the journal entry, or untick Journal entry.");
        }
        if (userOn.get() && user.get().isBlank()) {
            return java.util.Optional.of("Type the user whose actions the report should cover, or untick User.");
        }
        if (periodOn.get() && !dateProblem.get().isEmpty()) {
            return java.util.Optional.of(dateProblem.get());
        }
        if (periodOn.get() && from.get() == null && to.get() == null) {
            return java.util.Optional.of("Pick the first or the last day of the period (or both), or untick Period.");
        }
        if (periodOn.get() && from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            return java.util.Optional.of("The period ends (" + to.get() + ") before it starts (" + from.get() + ").");
        }
        Path output = outputFile.get();
        if (output == null) {
            return java.util.Optional.of("Choose the file to save the report in.");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return java.util.Optional.of("The folder " + folder + " does not exist; choose another place for the report.");
        }
        // replacing an existing report is asked for when the user clicks Export (needsReplaceConfirmation)
        return OutputFile.problem(output, "the report", true, List.of(ledgerFile))
                .or(() -> OutputFile.problem(ReportSigner.signatureFile(output.toAbsolutePath()), "the report's signature",
                        true, List.of(ledgerFile)));
    }

    /** The scope as ticked and typed (call only when {@link #validate()} is empty). */
    public ReportScope scope() {
        ReportScope scope = ReportScope.wholeLedger();
        if (accountOn.get() && !account.get().isBlank()) {
            scope = scope.withAccount(account.get().strip());
        }
        if (entryOn.get() && !entryId.get().isBlank()) {
            scope = scope.withEntry(entryId.get().strip());
        }
        if (userOn.get() && !user.get().isBlank()) {
            scope = scope.withUser(user.get().strip());
        }
        if (periodOn.get() && (from.get() != null || to.get() != null)
                && (from.get() == null || to.get() == null || !to.get().isBefore(from.get()))) {
            scope = scope.withPeriod(from.get(), to.get(), basis.get());
        }
        return scope;
    }

    /** The file chosen in the save dialog; later format changes only change its extension. */
    public void chooseOutput(Path file) {
        outputChosen = true;
        // the save dialog has asked whether to replace a file that exists
        replaceConfirmedFor = Files.exists(file) ? file : null;
        outputFile.set(file);
    }

    /**
     * True when Export would replace an existing report (or its signature) that the user has not agreed
     * to replace in the save dialog: the view asks first and then calls {@link #export(boolean)}.
     */
    public boolean needsReplaceConfirmation() {
        Path output = outputFile.get();
        return output != null && !output.equals(replaceConfirmedFor)
                && (Files.exists(output) || Files.exists(ReportSigner.signatureFile(output.toAbsolutePath())));
    }

    private void suggestFile() {
        if (outputChosen && outputFile.get() != null) {
            Path current = outputFile.get();
            outputFile.set(current.resolveSibling(ReportFileNames.withExtension(current.getFileName().toString(), format.get())));
            return;
        }
        Path folder = ledgerFile.toAbsolutePath().getParent();
        if (folder == null || !Files.isWritable(folder) || hidden(folder)) {
            // a sample's private copy lives in a hidden data folder nobody would look in for a report
            folder = documentsFolder();
        }
        outputFile.set(folder.resolve(ReportFileNames.suggest(ledgerFile.getFileName().toString(), scope(), format.get(),
                LocalDate.now(clock))));
    }

    /** Whether any folder on the way to {@code folder} is hidden ({@code ~/.local/share/...}). */
    static boolean hidden(Path folder) {
        for (Path part : folder.toAbsolutePath().normalize()) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The user's documents folder (XDG's, or ~/Documents), else the home folder. */
    static Path documentsFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_DOCUMENTS_DIR");
        for (Path candidate : new Path[] {xdg == null || xdg.isBlank() ? null : Path.of(xdg.replace("$HOME", home.toString())),
                home.resolve("Documents")}) {
            if (candidate != null && Files.isDirectory(candidate) && Files.isWritable(candidate)) {
                return candidate;
            }
        }
        return home;
    }

    /** Writes and signs the report in the background; the dialog shows progress, then the signing key. */
    public void export() {
        export(false);
    }

    /** As {@link #export()}; {@code replaceConfirmed}: the user agreed to replace the existing file. */
    public void export(boolean replaceConfirmed) {
        if (!replaceConfirmed && needsReplaceConfirmation()) {
            error.set(outputFile.get() + " already exists; confirm that it may be replaced, or choose another file.");
            return;
        }
        boolean replace = replaceConfirmed || outputFile.get().equals(replaceConfirmedFor);
        if (running.get() || validate().isPresent()) {
            error.set(validate().orElse(""));
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        running.set(true);
        error.set("");
        result.set("");
        written.set(null);
        progress.set(-1);
        progressText.set("Starting…");
        Path output = outputFile.get();
        ReportRequest request = new ReportRequest(ledgerFile, scope(), format.get(), paper.get(), signer, clock.instant(),
                clock.getZone(), version);
        executor.run(() -> write(request, output, replace, cancel), outcome -> {
            running.set(false);
            progress.set(1);
            progressText.set("Done.");
            written.set(output);
            result.set("Signed with key " + outcome.fingerprint() + ". " + outcome.summary());
        }, failure -> {
            running.set(false);
            progress.set(0);
            progressText.set("");
            if (failure instanceof CancellationException) {
                error.set("The export was cancelled; no report was saved.");
            } else if (failure instanceof OutputRefused refused) {
                error.set(dev.eventscope.ui.ShownText.of(refused.getMessage()));
            } else if (failure instanceof UncheckedIOException io) {
                error.set(dev.eventscope.ui.ShownText.of(io.getMessage().endsWith(".") ? io.getMessage() : io.getMessage() + "."));
            } else {
                error.set(ErrorMessages.of(failure));
            }
        });
    }

    /**
     * The signer's proposed adjustments of this ledger (their sandbox, as Books › Propose adjustments… keeps it), as the
     * report's "Proposed adjustments" section, when there are any; a sandbox file that cannot be read stops the export
     * with its own sentence.
     */
    private ReportRequest withProposals(ReportRequest request) {
        if (session.readAt(1).isEmpty()) {
            return request;
        }
        return dev.eventscope.sandbox.SandboxFiles.forCurrentUser().read(dev.eventscope.sandbox.Sandbox.ledgerId(session), signer)
                .filter(contents -> !contents.proposals().isEmpty())
                .map(contents -> request.withProposedAdjustments(dev.eventscope.sandbox.Sandbox.open(session, contents).reportSection()))
                .orElse(request);
    }

    /** What the background work hands back: the key that signed and a sentence on what was written. */
    record Written(String fingerprint, String summary) {
    }

    private Written write(ReportRequest asked, Path output, boolean replace, AtomicBoolean cancel) {
        ReportRequest request = withProposals(asked);
        long[] lastPercent = {-1};
        String[] lastPhase = {""};
        // the workbench's findings (every user's, kept outside the ledger) and test results go inside the signed file
        // the app's reports carry the "Statements" section (balance sheet and income statement per quarter)
        ReportGenerator generator = ReportGenerator.create().withStatements().withWorkbench(ledger -> dev.eventscope.audit.ReportWorkbench.of(ledger,
                dev.eventscope.audit.findings.FindingsFile.defaultDirectory(), true,
                dev.eventscope.audit.tests.TestSettings.defaults(request.zone())));
        SignedReportFile.Written written = session.writeReport(new SignedReportFile(generator, new ReportSigner(keys)),
                request, output, replace, (phase, done, total) -> {
                    if (cancel.get()) {
                        throw new CancellationException("cancelled");
                    }
                    long percent = total == 0 ? 100 : done * 100 / total;
                    if (percent != lastPercent[0] || !phase.equals(lastPhase[0])) {
                        lastPercent[0] = percent;
                        lastPhase[0] = phase;
                        executor.onUiThread(() -> showProgress(phase, done, total));
                    }
                });
        return new Written(written.signature().publicKeyFingerprint(), String.format(Locale.ROOT, "%,d events in scope. %s",
                written.outcome().rowsWritten(), IntegrityText.headline(written.outcome().integrity())));
    }

    private void showProgress(String phase, long done, long total) {
        if (!running.get()) {
            return;
        }
        progress.set(total == 0 ? 1 : (double) done / total);
        progressText.set(progressLine(phase, done, total));
    }

    /** "Writing: 1,234 of 5,000 events (24 %)". */
    static String progressLine(String phase, long done, long total) {
        String name = phase.isEmpty() ? "Working" : Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
        long percent = total == 0 ? 100 : done * 100 / total;
        return String.format(Locale.ROOT, "%s: %,d of %,d events (%d %%)", name, done, total, percent);
    }

    /** Stops the export at the next progress step; the partial file is deleted. */
    public void cancel() {
        AtomicBoolean cancel = cancelled;
        if (cancel != null && running.get()) {
            cancel.set(true);
            progressText.set("Cancelling…");
        }
    }

    public String ledgerName() {
        return ledgerFile.getFileName().toString();
    }

    public BooleanProperty accountOnProperty() { return accountOn; }
    public StringProperty accountProperty() { return account; }
    public BooleanProperty entryOnProperty() { return entryOn; }
    public StringProperty entryIdProperty() { return entryId; }
    public BooleanProperty userOnProperty() { return userOn; }
    public StringProperty userProperty() { return user; }
    public BooleanProperty periodOnProperty() { return periodOn; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    /** A typed period date that cannot be read ("" when there is none), said before anything else about the period. */
    public StringProperty dateProblemProperty() { return dateProblem; }
    public ObjectProperty<TimeBasis> basisProperty() { return basis; }
    public ObjectProperty<ReportFormat> formatProperty() { return format; }
    public ObjectProperty<PaperSize> paperProperty() { return paper; }
    public ReadOnlyObjectProperty<Path> outputFileProperty() { return outputFile; }
    public ObservableList<String> accounts() { return accounts; }
    public StringBinding validationProperty() { return validation; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> writtenProperty() { return written.getReadOnlyProperty(); }
}

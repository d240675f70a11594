package dev.eventscope.ui.shell;

import dev.eventscope.application.CommandContext;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.explorer.ExplorerViewModel;
import dev.eventscope.ui.reports.ReportDialogViewModel;
import dev.eventscope.ui.reports.VerifyReportViewModel;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.welcome.LedgerOpener;
import dev.eventscope.ui.welcome.WelcomeViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The main window: which ledger is open (none shows the welcome screen), the title, the recent
 * ledgers, and opening, creating and closing ledgers off the UI thread.
 */
public final class MainWindowViewModel implements LedgerOpener {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);
    private static final String APP = "Eventscope";

    private final LedgerSessions sessions;
    private final TaskExecutor executor;
    private final SettingsStore settings;
    private LedgerVerifier machineVerifier;
    private final SampleLedgers samples;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<Path> recentLedgers = FXCollections.observableArrayList();
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<Path> recentLedgersView = FXCollections.unmodifiableObservableList(recentLedgers);
    private final WelcomeViewModel welcome;
    private final ReadOnlyObjectWrapper<ExplorerViewModel> explorer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private Consumer<String> errorHandler = message -> LOG.warn("{}", message);
    private SigningKeys signingKeys;
    private Consumer<Runnable> afterFirstPaint = Runnable::run;
    private Consumer<Path> teamLedgerRequested = url -> openTeamLedger(url, false, null);
    private java.util.function.BiConsumer<String, Runnable> readOnlyOffer = (message, openReadOnly) -> showError(message);

    public MainWindowViewModel(LedgerSessions sessions, TaskExecutor executor, SettingsStore settings,
                               SampleLedgers samples, Clock clock, ZoneId zone) {
        this.sessions = sessions;
        this.executor = executor;
        this.settings = settings;
        this.samples = samples;
        this.clock = clock;
        this.zone = zone;
        this.recentLedgers.setAll(settings.recentLedgers());
        this.welcome = new WelcomeViewModel(this, recentLedgers, samples);
    }

    /** Where one-sentence error messages go; the view shows them in a dialog. */
    public void setErrorHandler(Consumer<String> handler) {
        errorHandler = handler;
    }

    private void showError(String message) {
        errorHandler.accept(message);
    }

    @Override
    public void open(Path file, boolean readOnly) {
        if (LedgerSessions.isServerLedger(file)) {
            // a team ledger (from the recent list) is opened through its dialog, which asks for the password
            teamLedgerRequested.accept(file);
            return;
        }
        Path absolute = file.toAbsolutePath().normalize();
        openWith(absolute, readOnly, () -> readOnly ? sessions.openReadOnly(absolute) : sessions.open(absolute));
    }

    /**
     * Opens a ledger on a server with the password typed in the "Open team ledger" dialog (empty: PGPASSWORD or
     * ~/.pgpass), which the session holds in memory only; the recent list keeps the URL, never the password.
     */
    public void openTeamLedger(Path url, boolean readOnly, char[] password) {
        openWith(url, readOnly, () -> sessions.openServer(url, readOnly, password));
    }

    /** A fresh File › Open team ledger… dialog, which opens the ledger in this window. */
    public dev.eventscope.ui.team.TeamLedgerViewModel teamLedgerDialog() {
        return new dev.eventscope.ui.team.TeamLedgerViewModel(sessions, executor, this::openTeamLedger);
    }

    /**
     * What happens when a ledger may be read but not written: the view shows the sentence with a way to open it read-only
     * at once ({@code openReadOnly}); without a view, the sentence alone.
     */
    public void setOnReadOnlyOffered(java.util.function.BiConsumer<String, Runnable> handler) {
        readOnlyOffer = handler;
    }

    /** What happens when a team ledger is picked from the recent list: the view shows the dialog, filled in. */
    public void setOnTeamLedgerRequested(Consumer<Path> handler) {
        teamLedgerRequested = handler;
    }

    private void openWith(Path absolute, boolean readOnly, java.util.concurrent.Callable<LedgerSession> opener) {
        opening.set(true);
        long started = System.nanoTime();
        FirstPaint firstPaint = FirstPaint.ofOpenStartingNow();
        LOG.info("opening {}{} at {} ms of the JVM", dev.eventscope.ui.ShownText.of(absolute), readOnly ? " read-only" : "",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        ExplorerWarmUp.start(); // while the store opens
        executor.run(() -> {
                    LedgerSession session = opener.call();
                    LOG.info("store open after {} ms", millisSince(started));
                    return session;
                },
                session -> {
                    opened(session, firstPaint);
                    LOG.info("explorer built and started after {} ms (the window paints next)", millisSince(started));
                },
                failure -> {
                    opening.set(false);
                    if (!readOnly && ErrorMessages.isProblem(failure, dev.eventscope.eventstore.EventStoreException.Problem.READ_ONLY)) {
                        // session 16: the sentence said "Open it read-only (as an auditor)" beside a lone OK button
                        readOnlyOffer.accept(ErrorMessages.of(failure), () -> open(absolute, true));
                    } else {
                        showError(ErrorMessages.of(failure));
                    }
                });
    }

    @Override
    public void openSample(Path sample, boolean readOnly) {
        opening.set(true);
        executor.run(() -> samples.workingCopyOf(sample), copy -> {
            opening.set(false);
            open(copy, readOnly);
        }, failure -> {
            opening.set(false);
            showError(failure instanceof java.io.UncheckedIOException ? failure.getMessage() : ErrorMessages.of(failure));
        });
    }

    @Override
    public void createNew(Path file) {
        if (Files.exists(file)) {
            // never overwrite a file, whatever the save dialog asked: it may be someone's ledger
            showError("'" + file.getFileName() + "' already exists; choose a new file name, or open it instead.");
            return;
        }
        open(file, false);
    }

    private void opened(LedgerSession session, FirstPaint firstPaint) {
        opening.set(false);
        closeCurrent();
        recentLedgers.setAll(settings.rememberRecent(session.file()));
        ExplorerViewModel model = new ExplorerViewModel(session, executor, clock, zone, this::showError);
        if (machineVerifier != null) {
            model.integrity().useMachineVerification(machineVerifier);
        }
        explorer.set(model);
        title.set(session.fileName() + (session.readOnly() ? " — read-only (auditor)" : "") + " — " + APP);
        // the window paints first; then the sidebar, status, timeline and projections load off the UI thread. Session 19
        // measured starting the projections (a first open's catch-up) before the paint instead: +2.0-2.6 s of process CPU
        // (the compiler, the UI thread and the renderer) and the first paint later, no earlier end; session 20 again +2.3-2.6 s:
        // with C2 busy on the catch-up, the UI's warming code is compiled at tier 2 and more of it by C2 (docs/cli-speed.md)
        long shown = System.nanoTime();
        afterFirstPaint.accept(() -> {
            if (explorer.get() == model) {
                LOG.info("explorer painted {} ms after it was built; loading its data", millisSince(shown));
                firstPaint.painted();
                model.start();
                model.startProjections();
                model.integrity().checkOnOpen();
            }
        });
    }

    /**
     * Verifies opened ledgers with this machine's memory (remembered heads, trusted keys): the desktop
     * app sets it; view-model tests leave it unset, so they check the hash chain alone and write nothing.
     */
    public void setMachineVerifier(LedgerVerifier verifier) {
        this.machineVerifier = verifier;
    }

    /**
     * How to run the explorer's loading once its window has painted (the view waits for the next frame);
     * by default at once, as the view-model tests want.
     */
    public void setAfterFirstPaint(Consumer<Runnable> scheduler) {
        afterFirstPaint = scheduler;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Closes the open ledger and shows the welcome screen again. */
    public void close() {
        closeCurrent();
        explorer.set(null);
        title.set(APP);
        welcome.reloadSamples();
    }

    private void closeCurrent() {
        ExplorerViewModel current = explorer.get();
        if (current != null) {
            // the session closes once the panels' loads still running have ended, never under them
            current.closeThen(() -> {
                try {
                    current.session().close();
                } catch (RuntimeException e) {
                    LOG.warn("closing {} failed: {}", current.session().fileName(), dev.eventscope.ui.ShownText.of(e.toString()));
                }
            });
        }
    }

    /** Where reports are signed from (tests pass a temporary folder; the default is the user's key folder). */
    public void setSigningKeys(SigningKeys keys) {
        signingKeys = keys;
    }

    /** A fresh export dialog for the open ledger (signed by the operating-system user with their key). */
    public ReportDialogViewModel reportDialog() {
        LedgerSession session = explorer.get().session();
        String version = MainWindowViewModel.class.getPackage().getImplementationVersion();
        return new ReportDialogViewModel(session, executor, clock.withZone(zone),
                CommandContext.osUser().user(), signingKeys == null ? SigningKeys.forCurrentUser() : signingKeys, version == null ? "development build" : version);
    }

    /** A fresh Verify a report dialog, able to check against the open ledger when there is one. */
    public VerifyReportViewModel verifyReportDialog() {
        ExplorerViewModel current = explorer.get();
        return current == null ? new VerifyReportViewModel(java.util.Optional.empty(), executor)
                : new VerifyReportViewModel(java.util.Optional.of(current.session()), executor);
    }

    public void forgetRecent(Path file) {
        recentLedgers.setAll(settings.forgetRecent(file));
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** How ledgers are opened (the import opens a new ledger with it). */
    public LedgerSessions sessions() {
        return sessions;
    }

    public SettingsStore settings() {
        return settings;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public ObservableList<Path> recentLedgers() {
        return recentLedgersView;
    }

    public ReadOnlyObjectProperty<ExplorerViewModel> explorerProperty() {
        return explorer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }
}

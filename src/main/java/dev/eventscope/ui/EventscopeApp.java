package dev.eventscope.ui;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.settings.UserDirectories;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The desktop application. How ledgers are opened is injected before launch (see {@link #launchWith}), so
 * that the UI never names a store adapter. A ledger path given as the first argument is opened at once.
 */
public final class EventscopeApp extends Application {

    private static volatile LedgerSessions ledgerSessions;
    private FxTaskExecutor executor;

    public static void setLedgerSessions(LedgerSessions sessions) {
        ledgerSessions = sessions;
    }

    /** Sets how ledgers are opened and launches the application; returns when the last window closes. */
    public static void launchWith(LedgerSessions sessions, String... args) {
        setLedgerSessions(sessions);
        Application.launch(EventscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (ledgerSessions == null) {
            throw new IllegalStateException("no ledger sessions: start Eventscope through dev.eventscope.bootstrap.DesktopMain");
        }
        UserDirectories directories = UserDirectories.fromEnvironment();
        executor = new FxTaskExecutor();
        dev.eventscope.ui.reports.DesktopDocuments.use(getHostServices());
        SampleLedgers samples = new SampleLedgers(SampleLedgers.defaultSamplesFolder(),
                directories.dataDirectory().resolve("samples"));
        MainWindowViewModel model = new MainWindowViewModel(ledgerSessions, executor,
                new SettingsStore(directories.configDirectory()), samples, Clock.systemDefaultZone(), ZoneId.systemDefault());
        model.setMachineVerifier(dev.eventscope.audit.LedgerVerifier.forCurrentUser());
        // a ledger given at launch begins to open (off the UI thread) before the window is built and shown, and the window
        // then skips the welcome screen (session 20: the store opens meanwhile; docs/cli-speed.md, "Session 20 (appopen)")
        LaunchArguments arguments = LaunchArguments.parse(getParameters().getRaw());
        // a team ledger's URL opens through the window's password dialog: the window first
        boolean windowFirst = arguments.ledger() != null && LedgerSessions.isServerLedger(arguments.ledger());
        if (windowFirst) {
            MainWindowView.show(stage, model);
        }
        if (arguments.sample() != null) {
            model.open(samples.workingCopyOf(samples.samplesFolder().resolve(arguments.sample() + ".ledger")), arguments.readOnly());
        } else if (arguments.ledger() != null) {
            model.open(arguments.ledger(), arguments.readOnly());
        }
        if (!windowFirst) {
            MainWindowView.show(stage, model);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}

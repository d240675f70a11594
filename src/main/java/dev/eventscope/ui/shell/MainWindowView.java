package dev.eventscope.ui.shell;

import dev.eventscope.ui.commands.CommandActions;
import dev.eventscope.ui.explorer.ExplorerView;
import dev.eventscope.ui.importer.ImportLauncher;
import dev.eventscope.ui.explorer.ExplorerViewModel;
import dev.eventscope.ui.reports.ReportDialog;
import dev.eventscope.ui.reports.VerifyReportDialog;
import dev.eventscope.ui.ScreenFit;
import dev.eventscope.ui.settings.WindowBounds;
import dev.eventscope.ui.welcome.WelcomeView;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The main window: menus, the welcome screen or the explorer, error dialogs, and the remembered bounds. */
public final class MainWindowView {

    private final MainWindowViewModel model;
    private final Stage stage;
    private Parent welcome;
    private ExplorerView explorer;
    private CommandActions commands;
    /** Starts imports (File › Import a journal…) and knows the one still running. */
    private ImportLauncher imports;

    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private StackPane content;
    @FXML private Menu recentMenu;
    @FXML private MenuItem closeItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem findItem;
    @FXML private MenuItem clearFiltersItem;
    @FXML private MenuItem verifyItem;
    @FXML private MenuItem sealItem;
    @FXML private MenuItem exportReportItem;
    @FXML private MenuItem projectionsItem;
    private final MenuItem proposeItem = new MenuItem("Propose _adjustments…");
    /** A first window on a large screen: room for the four panes side by side, not the whole screen. */
    private static final double FIRST_WIDTH = 1680;
    private static final double FIRST_HEIGHT = 1050;

    private MainWindowView(MainWindowViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
    }

    /** Builds the window on {@code stage}, restores its bounds and shows it. */
    public static MainWindowView show(Stage stage, MainWindowViewModel model) {
        MainWindowView view = new MainWindowView(model, stage);
        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource("/dev/eventscope/ui/shell/MainWindow.fxml"));
        loader.setControllerFactory(type -> view);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the main window could not be loaded", e);
        }
        stage.setScene(new Scene(root));
        model.setAfterFirstPaint(action -> afterNextPulse(stage.getScene(), action));
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        view.restoreBounds();
        stage.setOnHidden(event -> view.saveBoundsAndClose());
        stage.setOnCloseRequest(event -> {
            if (view.importRunning()) {
                event.consume();
                view.closeAfterImport("Closing the window", stage::close);
            }
        });
        stage.show();
        return view;
    }

    @FXML
    private void initialize() {
        model.setErrorHandler(this::showError);
        model.setOnReadOnlyOffered(this::offerReadOnly);
        commands = new CommandActions(model.executor(), () -> stage);
        menuBar.getMenus().add(2, commands.menu());
        proposeItem.setId("proposeAdjustmentsItem");
        proposeItem.setOnAction(event -> proposeAdjustments());
        menuBar.getMenus().get(2).getItems().add(proposeItem);
        menuBar.getMenus().add(menuBar.getMenus().size() - 1,
                new dev.eventscope.ui.workbench.WorkbenchMenu(model.explorerProperty(), model.executor(), stage, this::showError).menu());
        model.setOnTeamLedgerRequested(this::showTeamLedgerDialog);
        model.explorerProperty().addListener((observable, before, explorerModel) -> showScreen(explorerModel));
        // a ledger given at launch is opening already: the welcome screen is built only if it is shown (the open failed),
        // not built, styled and laid out on the UI thread for nothing before the explorer replaces it (session 20)
        model.openingProperty().addListener((observable, was, opening) -> {
            if (!opening) {
                javafx.application.Platform.runLater(() -> {
                    // only when the room is still empty: a welcome screen already shown stays as it is (its focus too)
                    if (welcome == null && model.explorerProperty().get() == null && !model.openingProperty().get() && explorer == null) {
                        showScreen(null);
                    }
                });
            }
        });
        showScreen(model.explorerProperty().get());
        model.recentLedgers().addListener((ListChangeListener<Path>) change -> fillRecentMenu());
        fillRecentMenu();
        content.cursorProperty().bind(model.openingProperty().map(opening -> opening ? javafx.scene.Cursor.WAIT : null));
    }

    /** Runs {@code action} once the next frame is laid out (so the explorer paints before its data loads). */
    private static void afterNextPulse(Scene scene, Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.compareAndSet(false, true)) {
                javafx.application.Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    action.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        javafx.application.Platform.requestNextPulse();
    }

    private void showScreen(ExplorerViewModel explorerModel) {
        boolean open = explorerModel != null;
        for (MenuItem item : List.of(closeItem, refreshItem, findItem, clearFiltersItem, verifyItem, exportReportItem, projectionsItem,
                proposeItem)) {
            item.setDisable(!open);
        }
        sealItem.setDisable(!open || explorerModel.session().readOnly() || !explorerModel.integrity().canSeal());
        if (open) {
            explorer = new ExplorerView(explorerModel);
            explorer.setOnExportReport(this::exportReport);
            long loading = System.nanoTime();
            content.getChildren().setAll(explorer.load());
            org.slf4j.LoggerFactory.getLogger(MainWindowView.class).info("explorer screen built in {} ms",
                    (System.nanoTime() - loading) / 1_000_000);
            commands.setSession(explorerModel.session());
            commands.setExplorer(() -> explorerModel.sidebar().selectedStreamProperty().get(), explorerModel::showWritten);
            commands.installToolbar(explorer.commandBar());
        } else {
            explorer = null;
            commands.setSession(null);
            if (model.openingProperty().get() && welcome == null) {
                content.getChildren().clear(); // the window's menus and an empty room with the wait cursor, until the ledger opens
            } else {
                content.getChildren().setAll(welcomeScreen());
            }
        }
    }

    /** The welcome screen, built when first shown. */
    private Parent welcomeScreen() {
        if (welcome == null) {
            WelcomeView welcomeView = new WelcomeView(model.welcome(), model::forgetRecent);
            welcomeView.setOnImportJournal(this::importJournal);
            welcomeView.setOnOpenTeamLedger(this::openTeamLedger);
            welcome = welcomeView.load();
        }
        return welcome;
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : model.recentLedgers()) {
            MenuItem item = new MenuItem(dev.eventscope.session.LedgerSessions.isServerLedger(file)
                    ? dev.eventscope.session.LedgerSessions.displayName(file)
                    : dev.eventscope.ui.ShownText.of(file.getFileName()) + "   —   " + dev.eventscope.ui.ShownText.of(file.getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> model.open(file, false));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** A ledger one may read but not write: the sentence, and a button that opens it read-only (the default: Enter). */
    private void offerReadOnly(String message, Runnable openReadOnly) {
        javafx.scene.control.ButtonType readOnly = new javafx.scene.control.ButtonType("Open _read-only",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, readOnly, javafx.scene.control.ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Eventscope");
        alert.setHeaderText(null);
        alert.getDialogPane().setId("readOnlyOfferDialog");
        alert.getDialogPane().setMinWidth(480);
        dev.eventscope.ui.DialogText.breakAtSpacesAndSeparators(alert);
        alert.setOnHidden(closed -> {
            if (alert.getResult() == readOnly) {
                openReadOnly.run();
            }
        });
        alert.show();
    }

    private void showError(String message) {
        // one printable sentence, whatever file name or text it quotes (session 22, adversary2)
        Alert alert = new Alert(Alert.AlertType.ERROR, dev.eventscope.ui.ShownText.of(message));
        alert.initOwner(stage);
        alert.setTitle("Eventscope");
        alert.setHeaderText(null);
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setMinWidth(480);
        // a file's path breaks after its separators only ("from-the-future.l" / "edger'" in session 22's walk)
        dev.eventscope.ui.DialogText.breakAtSpacesAndSeparators(alert);
        alert.show();
    }

    /**
     * The remembered bounds, kept inside the screen they lie on (a screen may have shrunk since); without any, a new
     * window (the whole of a small screen: the explorer is laid out for 1280 × 720 and more). Whoever sizes the window
     * afterwards is not overruled.
     */
    private void restoreBounds() {
        WindowBounds bounds = model.settings().windowBounds().orElse(null);
        Rectangle2D saved = bounds == null ? null : new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        if (saved == null || Screen.getScreensForRectangle(saved).isEmpty()) {
            ScreenFit.placeNew(stage, FIRST_WIDTH, FIRST_HEIGHT);
            return;
        }
        ScreenFit.place(stage, ScreenFit.inside(saved, ScreenFit.screenOf(saved)));
        stage.setMaximized(bounds.maximized());
    }

    private void saveBoundsAndClose() {
        model.settings().saveWindowBounds(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        model.close();
    }

    @FXML
    private void openLedger() {
        chooseAndOpen(false);
    }

    @FXML
    private void openLedgerReadOnly() {
        chooseAndOpen(true);
    }

    @FXML
    private void openTeamLedger() {
        showTeamLedgerDialog(null);
    }

    /** File › Open team ledger…, filled in with {@code ledger} when it was picked from the recent list. */
    private void showTeamLedgerDialog(Path ledger) {
        dev.eventscope.ui.team.TeamLedgerViewModel dialog = model.teamLedgerDialog();
        if (ledger != null) {
            dialog.prefill(ledger);
        }
        dev.eventscope.ui.team.TeamLedgerDialog.show(dialog, stage);
    }

    private void chooseAndOpen(boolean readOnly) {
        File chosen = WelcomeView.ledgerChooser(readOnly ? "Open a ledger read-only (auditor)" : "Open a ledger").showOpenDialog(stage);
        if (chosen != null) {
            model.open(chosen.toPath(), readOnly);
        }
    }

    @FXML
    private void newLedger() {
        var chooser = WelcomeView.ledgerChooser("Create a new empty ledger");
        chooser.setInitialFileName("new.ledger");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            model.createNew(chosen.toPath());
        }
    }

    /** File › Import a journal: into the open ledger, or (on the welcome screen) into a new ledger. */
    @FXML
    private void importJournal() {
        if (explorer != null) {
            importer().importIntoOpenLedger(explorer.model().session());
        } else {
            importer().importIntoNewLedger();
        }
    }

    /** What starts imports from this window (tests start one through it without the file dialogs). */
    public ImportLauncher importer() {
        if (imports == null) {
            imports = new ImportLauncher(model.sessions(), model.executor(), stage, path -> model.open(path, false));
        }
        return imports;
    }

    private boolean importRunning() {
        return imports != null && imports.running().isPresent();
    }

    /**
     * Runs {@code close} at once, or, while an import runs, asks first: closing cancels the import, and {@code close}
     * runs once everything it wrote is rolled back (never a half-imported ledger, never a ledger closed under it).
     */
    private void closeAfterImport(String closing, Runnable close) {
        dev.eventscope.ui.importer.ImportViewModel running = imports == null ? null : imports.running().orElse(null);
        if (running == null) {
            close.run();
            return;
        }
        javafx.scene.control.ButtonType stop = new javafx.scene.control.ButtonType("Cancel the import",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType("Keep importing",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The journal " + dev.eventscope.ui.ShownText.of(running.journal().getFileName())
                + " is being imported into " + dev.eventscope.ui.ShownText.of(running.target().ledger().getFileName()) + ". " + closing + " cancels the import: nothing of it is written"
                + " and the ledger stays as it was.", stop, keep);
        ask.initOwner(stage);
        ask.setTitle("Eventscope");
        ask.setHeaderText("An import is running");
        ask.getDialogPane().setId("importRunningDialog");
        ask.getDialogPane().setMinWidth(480);
        dev.eventscope.ui.DialogText.breakAtSpacesAndSeparators(ask);
        ask.setOnHidden(event -> {
            if (ask.getResult() == stop) {
                running.whenEnded(close);
                running.cancel();
            }
        });
        ask.show();
    }

    /** Books › Propose adjustments…: the user's sandbox of the open ledger, in a window of its own (issue 20). */
    private void proposeAdjustments() {
        if (explorer != null) {
            Stage window = new Stage();
            window.initOwner(stage);
            new dev.eventscope.ui.sandbox.SandboxView(new dev.eventscope.ui.sandbox.SandboxViewModel(explorer.model().session(),
                    dev.eventscope.sandbox.SandboxFiles.forCurrentUser(), System.getProperty("user.name", "unknown"),
                    model.executor(), java.time.Clock.systemUTC())).showOnScreen(window);
        }
    }

    @FXML
    private void closeLedger() {
        closeAfterImport("Closing the ledger", model::close);
    }

    @FXML
    private void quit() {
        closeAfterImport("Quitting", stage::close);
    }

    @FXML
    private void refresh() {
        if (explorer != null) {
            explorer.model().refresh();
        }
    }

    @FXML
    private void find() {
        if (explorer != null) {
            explorer.focusSearch();
        }
    }

    @FXML
    private void clearFilters() {
        if (explorer != null) {
            explorer.model().history().clearFilters();
        }
    }

    @FXML
    private void verify() {
        if (explorer != null) {
            explorer.model().integrity().verify();
        }
    }

    /** Tools › Seal: a seal of the verified head, signed with the operating-system user's key. */
    @FXML
    private void seal() {
        if (explorer != null) {
            explorer.model().integrity().seal(dev.eventscope.application.CommandContext.osUser().user());
        }
    }

    /** Help › Open log folder: the folder named by {@code eventscope.logDirectory} (set at start-up), opened with xdg-open. */
    @FXML
    private void openLogFolder() {
        String home = System.getProperty("user.home");
        String state = System.getenv("XDG_STATE_HOME");
        Path folder = Path.of(System.getProperty("eventscope.logDirectory",
                (state != null && Path.of(state).isAbsolute() ? state : home + "/.local/state") + "/eventscope/logs"));
        try {
            java.nio.file.Files.createDirectories(folder);
            new ProcessBuilder("xdg-open", folder.toString()).inheritIO().start();
        } catch (IOException e) {
            showError("The log folder " + folder + " could not be opened (" + e.getMessage() + "); open it in your file manager.");
        }
    }

    @FXML
    private void exportReport() {
        if (explorer != null) {
            ReportDialog.show(model.reportDialog(), stage);
        }
    }

    @FXML
    private void toggleProjections() {
        if (explorer != null) {
            explorer.toggleProjections();
        }
    }

    @FXML
    private void verifyReport() {
        VerifyReportDialog.show(model.verifyReportDialog(), stage);
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Audit and time-travel explorer for event-sourced ledgers.\nEvery event is chained by SHA-256; "
                        + "Tools › Verify integrity shows whether any was altered, removed or inserted.");
        alert.initOwner(stage);
        alert.setTitle("About Eventscope");
        String version = MainWindowView.class.getPackage().getImplementationVersion();
        alert.setHeaderText("Eventscope " + (version == null ? "(development build)" : version));
        alert.show();
    }
}

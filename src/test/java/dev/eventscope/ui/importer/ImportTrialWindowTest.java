package dev.eventscope.ui.importer;

import dev.eventscope.journal.testkit.RandomJournalGenerator;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import's unhappy paths in the real window (docs/ui.md, "A new user's trial"): a malformed journal's error names
 * file, line and problem and leaves the ledger as it was; closing the dialog or the main window while an import runs
 * cancels it cleanly (the main window asks first), all or nothing, and nothing fails on the way out.
 */
@ExtendWith(ApplicationExtension.class)
class ImportTrialWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private MainWindowView view;
    private Stage stage;
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        run = WindowTests.runWithSamples(folder, "small-business");
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.model(executor, run, WindowTests.samples(run));
        view = MainWindowView.show(stage, model);
        WindowTests.offTheLeftEdge(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private LedgerSession openSample(FxRobot robot) {
        robot.interact(() -> model.welcome().openSample(WindowTests.samples(run).resolve("small-business.ledger")));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#historyTable").tryQuery().isPresent());
        return model.explorerProperty().get().session();
    }

    private ImportViewModel start(FxRobot robot, Path journal, ImportTarget target) {
        AtomicReference<ImportViewModel> started = new AtomicReference<>();
        robot.interact(() -> started.set(view.importer().start(journal, target)));
        return started.get();
    }

    private static Stage importWindow(FxRobot robot) {
        return (Stage) robot.lookup("#progressBar").query().getScene().getWindow();
    }

    @Test
    void a_malformed_journal_names_file_line_and_problem_and_leaves_the_ledger_as_it_was(FxRobot robot) throws Exception {
        LedgerSession session = openSample(robot);
        long before = session.lastPosition();
        Path journal = Files.writeString(run.resolve("broken.journal"), "2025-02-01 Sale\n    assets:bank:checking  50.00 EUR\n"
                + "    income:sales\n\n2025-02-30 Refund\n    assets:bank:checking  -12.50 EUR\n    income:sales\n");
        ImportViewModel importing = start(robot, journal, ImportTarget.openLedger(session));
        WindowTests.waitUntil(() -> importing.stateProperty().get() == ImportState.FAILED);
        TextArea error = robot.lookup("#errorBox").queryAs(TextArea.class);
        Node close = robot.lookup("#closeButton").query();
        // the dialog grows to show the error and its Close button whole
        WindowTests.waitUntil(() -> error.isVisible() && close.isVisible()
                && close.localToScene(close.getLayoutBounds()).getMaxY() <= close.getScene().getHeight());
        String said = error.getText();
        assertTrue(said.startsWith(journal.getFileName() + ":5: "), "names the file and the line: " + said);
        assertTrue(said.contains("2025-02-30"), "says what was wrong: " + said);
        assertTrue(said.endsWith("Nothing was imported; the ledger is unchanged."), said);
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, error.getScene().getWidth(), error.getScene().getHeight());
        for (Node shown : new Node[]{error, close}) {
            Bounds bounds = shown.localToScene(shown.getLayoutBounds());
            assertTrue(shown.isVisible() && scene.contains(bounds), shown.getId() + " at " + bounds + " in a dialog of " + scene);
        }
        assertEquals(before, session.lastPosition(), "nothing was appended");
        assertEquals(before, WindowTests.SQLITE.openReadOnly(session.file()).lastPosition(), "nothing was written to the file");
        robot.interact(() -> robot.lookup("#closeButton").queryAs(Button.class).fire());
        WindowTests.waitUntil(() -> robot.lookup("#errorBox").tryQuery().isEmpty());
    }

    @Test
    void closing_the_import_dialog_while_it_runs_cancels_and_closes_once_rolled_back(FxRobot robot) throws Exception {
        LedgerSession session = openSample(robot);
        long before = session.lastPosition();
        Path journal = run.resolve("large.journal");
        new RandomJournalGenerator(7, 20_000).writeTo(journal);
        ImportViewModel importing = start(robot, journal, ImportTarget.openLedger(session));
        WindowTests.waitUntil(() -> importing.progressProperty().get() > 0);
        Stage dialog = importWindow(robot);
        AtomicReference<Boolean> showingRightAfter = new AtomicReference<>();
        robot.interact(() -> {
            dialog.fireEvent(new WindowEvent(dialog, WindowEvent.WINDOW_CLOSE_REQUEST));
            // still there, saying it cancels, until the rollback ended (the ledger must not be closed under it)
            showingRightAfter.set(dialog.isShowing() && importing.stateProperty().get() == ImportState.RUNNING);
        });
        assertTrue(showingRightAfter.get(), "the dialog stays while the import is cancelled");
        WindowTests.waitUntil(() -> importing.stateProperty().get() == ImportState.CANCELLED && !dialog.isShowing());
        assertEquals(before, session.lastPosition(), "all or nothing: nothing was appended");
    }

    @Test
    void closing_the_main_window_while_a_new_ledger_is_imported_asks_then_cancels_and_leaves_no_file(FxRobot robot) throws Exception {
        Path journal = run.resolve("large.journal");
        new RandomJournalGenerator(11, 20_000).writeTo(journal);
        Path ledger = run.resolve("imported.ledger");
        ImportViewModel importing = start(robot, journal, ImportTarget.newLedger(ledger));
        WindowTests.waitUntil(() -> importing.progressProperty().get() > 0);
        // a window manager (or the session ending) asks the main window to close, over the import's dialog
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WindowTests.waitUntil(() -> robot.lookup("#importRunningDialog").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the window waits for an answer");
        assertEquals(ImportState.RUNNING, importing.stateProperty().get(), "the import goes on while asked");
        DialogPane ask = robot.lookup("#importRunningDialog").queryAs(DialogPane.class);
        assertTrue(ask.getContentText().contains("large.journal") && ask.getContentText().contains("imported.ledger"), ask.getContentText());
        ButtonType stop = ask.getButtonTypes().stream().filter(type -> type.getText().equals("Cancel the import")).findFirst().orElseThrow();
        robot.interact(() -> ((Button) ask.lookupButton(stop)).fire());
        WindowTests.waitUntil(() -> importing.stateProperty().get() != ImportState.RUNNING && !stage.isShowing());
        assertEquals(ImportState.CANCELLED, importing.stateProperty().get());
        WindowTests.waitUntil(() -> Window.getWindows().isEmpty());
        assertFalse(Files.exists(ledger), "no half-written ledger is left");
        assertFalse(Files.exists(Path.of(ledger + "-wal")), "no write-ahead log is left");
    }
}

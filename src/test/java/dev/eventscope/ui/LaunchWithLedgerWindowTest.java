package dev.eventscope.ui;

import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.eventscope.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger given at launch ({@code eventscope FILE.ledger}): the app begins to open it before the main window is built
 * ({@link EventscopeApp#start}), and the window then builds no welcome screen while the ledger opens (session 20: it was
 * built, styled and laid out on the UI thread before a first open's catch-up, only to be replaced by the explorer); the
 * explorer comes as before, and when the open fails the welcome screen is there behind the error.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchWithLedgerWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private Stage stage;
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        executor = new FxTaskExecutor();
        run = WindowTests.runWithSamples(folder, "small-business");
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    /** As the app's start does: the open first, then the window; whether the welcome screen was in it once shown. */
    private MainWindowViewModel launchWith(FxRobot robot, Path ledger, AtomicBoolean welcomeAtShow) {
        AtomicReference<MainWindowViewModel> launched = new AtomicReference<>();
        robot.interact(() -> {
            MainWindowViewModel model = WindowTests.model(executor, run, WindowTests.samples(run));
            model.open(ledger, false);
            WindowTests.show(stage, model);
            // the open's end comes on this thread later, so this is the window as first shown
            welcomeAtShow.set(stage.getScene().lookup("#welcomeRoot") != null);
            launched.set(model);
        });
        return launched.get();
    }

    @Test
    void a_ledger_opened_at_launch_shows_the_explorer_and_no_welcome_screen_meanwhile(FxRobot robot) throws Exception {
        Path ledger = Files.copy(WindowTests.samples(run).resolve("small-business.ledger"), run.resolve("launched.ledger"));
        AtomicBoolean welcomeAtShow = new AtomicBoolean(true);
        MainWindowViewModel model = launchWith(robot, ledger, welcomeAtShow);
        assertFalse(welcomeAtShow.get(), "the welcome screen was built and shown while the ledger given at launch opened");
        waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#historyTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#welcomeRoot").tryQuery().isEmpty(), "the explorer replaced the window's content");

        // closing the ledger shows the welcome screen, built now
        robot.interact(model::close);
        waitUntil(() -> robot.lookup("#welcomeRoot").tryQuery().isPresent());
    }

    @Test
    void a_ledger_that_cannot_be_opened_at_launch_leaves_the_welcome_screen_behind_the_error(FxRobot robot) throws Exception {
        Path notALedger = Files.writeString(run.resolve("notes.ledger"), "these are notes, not a ledger\n".repeat(200));
        AtomicBoolean welcomeAtShow = new AtomicBoolean(true);
        MainWindowViewModel model = launchWith(robot, notALedger, welcomeAtShow);
        assertFalse(welcomeAtShow.get(), "no welcome screen while the open is under way");
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent() && robot.lookup("#welcomeRoot").tryQuery().isPresent());
        String message = robot.lookup("#errorDialog").queryAs(DialogPane.class).getContentText();
        assertTrue(message.contains("notes.ledger"), "the error names the file: " + message);
        assertTrue(model.explorerProperty().get() == null, "no explorer for a file that is not a ledger");
    }
}

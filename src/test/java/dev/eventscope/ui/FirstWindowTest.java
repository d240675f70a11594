package dev.eventscope.ui;

import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.settings.WindowBounds;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window's first placement on the screen (headless, Monocle's screen of 1280 × 800): a first start on a small
 * screen fills it (it was 1203 × 752, below the 1280 × 720 the explorer is laid out for); remembered bounds larger than
 * the screen are made to fit; a size set afterwards (as a user or a test does) is kept.
 */
@ExtendWith(ApplicationExtension.class)
class FirstWindowTest {

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

    private MainWindowViewModel show(FxRobot robot, SettingsStore settings) {
        AtomicReference<MainWindowViewModel> shown = new AtomicReference<>();
        robot.interact(() -> {
            MainWindowViewModel model = WindowTests.model(executor, run, settings, WindowTests.samples(run));
            dev.eventscope.ui.shell.MainWindowView.show(stage, model);
            shown.set(model);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return shown.get();
    }

    private Rectangle2D windowBounds() {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    @Test
    void a_first_start_on_a_small_screen_fills_it_and_a_size_set_afterwards_is_kept(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(screen.getWidth() < 1680 / 0.94, "this test needs a small screen, not " + screen);
        MainWindowViewModel model = show(robot, new SettingsStore(run.resolve("fresh-config")));
        Rectangle2D placed = windowBounds();
        String where = "the first window " + placed + " on the screen " + screen;
        assertTrue(screen.contains(placed), where);
        assertEquals(screen.getWidth(), placed.getWidth(), where);
        assertTrue(placed.getHeight() >= 720, where);

        robot.interact(() -> {
            WindowTests.offTheLeftEdge(stage);
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        robot.interact(() -> model.welcome().openSample(WindowTests.samples(run).resolve("small-business.ledger")));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#historyTable").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1920, stage.getWidth(), "the width the test set");
        assertEquals(1, stage.getX(), "where the test put it");
        assertEquals(1080, stage.getHeight(), "the height the test set");
    }

    @Test
    void remembered_bounds_larger_than_the_screen_are_made_to_fit_it(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        SettingsStore settings = new SettingsStore(run.resolve("big-config"));
        // remembered on a larger monitor, since unplugged
        settings.saveWindowBounds(new WindowBounds(200, 100, 2560, 1440, false));
        show(robot, settings);
        Rectangle2D placed = windowBounds();
        assertTrue(screen.contains(placed), "the window " + placed + " lies inside the screen " + screen);
        assertEquals(screen.getWidth(), placed.getWidth(), "as wide as the screen");
        assertEquals(screen.getHeight(), placed.getHeight(), "as tall as the screen");
    }

    @Test
    void remembered_bounds_inside_the_screen_are_kept(FxRobot robot) {
        SettingsStore settings = new SettingsStore(run.resolve("kept-config"));
        settings.saveWindowBounds(new WindowBounds(40, 30, 1100, 700, false));
        show(robot, settings);
        assertEquals(new Rectangle2D(40, 30, 1100, 700), windowBounds());
    }
}

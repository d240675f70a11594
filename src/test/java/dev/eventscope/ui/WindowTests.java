package dev.eventscope.ui;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * What the TestFX window tests share: the real main window on SQLite ledgers, with its settings,
 * samples and data folders inside one temporary run folder, waiting for a condition, and closing.
 */
public final class WindowTests {

    public static final LedgerSessions SQLITE = TestSessions.SQLITE;

    private WindowTests() {
    }

    /** The main window's model with settings in {@code run/config}, the given samples and data in {@code run/data}. */
    public static MainWindowViewModel model(FxTaskExecutor executor, Path run, SettingsStore settings, Path samples) {
        return new MainWindowViewModel(SQLITE, executor, settings, new SampleLedgers(samples, run.resolve("data")),
                Clock.systemDefaultZone(), ZoneId.systemDefault());
    }

    public static MainWindowViewModel model(FxTaskExecutor executor, Path run, Path samples) {
        return model(executor, run, new SettingsStore(run.resolve("config")), samples);
    }

    /** Shows the main window of {@code model} on the test's stage and returns the model. */
    public static MainWindowViewModel show(Stage stage, MainWindowViewModel model) {
        MainWindowView.show(stage, model);
        offTheLeftEdge(stage);
        return model;
    }

    /**
     * Moves a window that starts at the screen's left edge one pixel in. Monocle's headless painter throws
     * (BufferOverflowException in UploadingPainter) when such a window is made wider than its 1280 × 800 screen, as
     * tests do to see 1920 × 1080: where the clipped width equals the screen's, Framebuffer.composePixels copies the
     * window's unclipped rows in one piece. A first window fills a screen of 1280 px, so it starts at the edge.
     */
    public static void offTheLeftEdge(Stage stage) {
        if (stage.getX() <= javafx.stage.Screen.getPrimary().getBounds().getMinX()) {
            stage.setX(javafx.stage.Screen.getPrimary().getBounds().getMinX() + 1);
        }
    }

    /** Shows the main window over {@code samples} (data and settings in {@code run}) at 1280 × 720, the smallest size we design for. */
    public static MainWindowViewModel showAt1280(Stage stage, FxTaskExecutor executor, Path run, Path samples) {
        MainWindowViewModel model = show(stage, model(executor, run, samples));
        stage.setWidth(1280);
        stage.setHeight(720);
        return model;
    }

    /**
     * Shows the main window, 1240 × 780, offering one bundled sample ({@code sample-data/ledgers/NAME.ledger}) copied
     * into a new run folder below {@code folder}.
     */
    public static MainWindowViewModel showWithSample(Stage stage, FxTaskExecutor executor, Path folder, String name)
            throws java.io.IOException {
        return showWithSample(stage, executor, folder, name, 1240, 780);
    }

    /** {@link #showWithSample(Stage, FxTaskExecutor, Path, String)} at {@code width} × {@code height}. */
    public static MainWindowViewModel showWithSample(Stage stage, FxTaskExecutor executor, Path folder, String name,
            double width, double height) throws java.io.IOException {
        Path run = runWithSamples(folder, name);
        MainWindowViewModel model = show(stage, model(executor, run, samples(run)));
        stage.setWidth(width);
        stage.setHeight(height);
        return model;
    }

    /**
     * A new run folder below {@code folder} whose {@link #samples} folder holds copies of the bundled samples named
     * ({@code sample-data/ledgers/NAME.ledger}).
     */
    public static Path runWithSamples(Path folder, String... names) throws java.io.IOException {
        Path run = java.nio.file.Files.createTempDirectory(folder, "run");
        Path samples = java.nio.file.Files.createDirectories(samples(run));
        for (String name : names) {
            java.nio.file.Files.copy(Path.of("sample-data/ledgers/" + name + ".ledger"), samples.resolve(name + ".ledger"));
        }
        return run;
    }

    /** The samples folder of a run folder. */
    public static Path samples(Path run) {
        return run.resolve("samples");
    }

    /**
     * Waits until the condition holds, then for the FX events it queued. The condition is evaluated on the FX thread,
     * as the controls and view model properties it reads are changed there (read from the test's thread, a table's
     * items raced a refill: an IndexOutOfBoundsException in CI, session 21). The deadline is generous (a minute; the
     * machine running the tests may be busy): it only bounds a test that would otherwise hang.
     */
    public static void waitUntil(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * What {@code read} returns, read on the FX thread (at once where this is the FX thread), so that what the FX thread
     * changes is never read halfway through a change. What {@code read} throws is thrown here.
     */
    public static <T> T onFx(Callable<T> read) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (RuntimeException | Error failure) {
                throw failure;
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failure) {
            if (failure.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failure.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.getCause());
        } catch (InterruptedException failure) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure);
        } catch (java.util.concurrent.TimeoutException failure) {
            throw new IllegalStateException("the FX thread did not answer within 60 s", failure);
        }
    }

    /** A copy of the items of {@code table}, taken on the FX thread (see {@link #onFx}). */
    public static <T> java.util.List<T> items(javafx.scene.control.TableView<T> table) {
        return onFx(() -> copy(table.getItems()));
    }

    /** A copy of the items of {@code list}, taken on the FX thread (see {@link #onFx}). */
    public static <T> java.util.List<T> items(javafx.scene.control.ListView<T> list) {
        return onFx(() -> copy(list.getItems()));
    }

    /** A copy of the items of {@code box}, taken on the FX thread (see {@link #onFx}). */
    public static <T> java.util.List<T> items(javafx.scene.control.ComboBox<T> box) {
        return onFx(() -> copy(box.getItems()));
    }

    private static <T> java.util.List<T> copy(java.util.List<T> items) {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    /**
     * Double-clicks the middle of {@code node} through the platform's mouse, as a user does (the scene counts the clicks
     * and the node sees a click with a count of 2), whatever the load. The scene takes a second press as the second click
     * only while its multi-click timer runs (Monocle: 500 ms, a Timeline checked at each pulse). TestFX's
     * {@code doubleClickOn} waits for the FX thread after the first release, and on a loaded machine a pulse came after
     * more than 500 ms there: the second press started a new click with a count of 1 and nothing opened
     * (WorkbenchWindowTest, twice under load 35–43). Here the four mouse events are queued in one FX task, one after the
     * other, so no pulse can run between them and the timer cannot expire however slow the machine is.
     */
    public static void doubleClick(org.testfx.api.FxRobot robot, javafx.scene.Node node) {
        robot.moveTo(node);
        robot.interact(() -> {
            javafx.geometry.Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            javafx.scene.robot.Robot mouse = new javafx.scene.robot.Robot();
            mouse.mouseMove(bounds.getCenterX(), bounds.getCenterY());
            mouse.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
            mouse.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes every window of the test and the executor behind them. */
    public static void close(FxTaskExecutor executor) throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
    }

    /** The words of {@code value} wider than the room its text is laid out in (none when each word is on one line). */
    public static java.util.List<String> wordsWiderThanTheirRoom(javafx.scene.control.Label value) {
        javafx.scene.text.Text text = (javafx.scene.text.Text) value.lookup(".text");
        java.util.List<String> wider = new java.util.ArrayList<>();
        if (text == null) {
            wider.add("(not drawn yet)");
            return wider;
        }
        double room = text.getWrappingWidth() > 0 ? text.getWrappingWidth() : value.getWidth();
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(text.getFont());
        for (String word : value.getText().strip().split("\\s+")) {
            measure.setText(word);
            if (measure.getLayoutBounds().getWidth() > room + 0.5) {
                wider.add(word + " (" + Math.round(measure.getLayoutBounds().getWidth()) + " px in " + Math.round(room) + ")");
            }
        }
        return wider;
    }

    /** Selects the first row of the state table that Why? can explain, once there is one, and presses Why?. */
    @SuppressWarnings("unchecked")
    public static void askWhyOfTheFirstExplainableRow(org.testfx.api.FxRobot robot) {
        javafx.scene.control.TableView<dev.eventscope.ui.state.StateRow> state = robot.lookup("#stateTable").queryAs(javafx.scene.control.TableView.class);
        WindowTests.waitUntil(() -> state.getItems().stream().anyMatch(dev.eventscope.ui.state.StateRow::explainable)); // on the FX thread
        robot.interact(() -> {
            for (int index = 0; index < state.getItems().size(); index++) {
                if (state.getItems().get(index).explainable()) {
                    state.getSelectionModel().select(index);
                    break;
                }
            }
            ((javafx.scene.control.ButtonBase) robot.lookup("#whyButton").query()).fire();
        });
    }
}

package dev.eventscope.ui;

import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 16 (known defect of the last session): closing a ledger at once, while the timeline opens its read models and
 * the panels load in the background, cancels or awaits that work: no uncaught exception, and nothing logged as a
 * warning or an error (the log said "database connection closed" before).
 */
@ExtendWith(ApplicationExtension.class)
class CloseWhileLoadingWindowTest {

    @TempDir
    static Path folder;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Path sample;
    private PrintStream err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "audit-case");
        Path samples = WindowTests.samples(run);
        sample = samples.resolve("audit-case.ledger");
        executor = new FxTaskExecutor();
        model = WindowTests.showAt1280(stage, executor, run, samples);
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (err != null) {
            System.setErr(err);
        }
        Thread.setDefaultUncaughtExceptionHandler(null);
        WindowTests.close(executor);
    }

    @Test
    void closing_a_ledger_at_once_leaves_no_exception_and_no_warning_in_the_log(FxRobot robot) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        err = System.err;
        // slf4j-simple writes to the System.err of the moment it logs
        System.setErr(new PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                log.write(b);
                err.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                log.write(bytes, offset, length);
                err.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        for (int round = 0; round < 5; round++) {
            robot.interact(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
                model.welcome().openSample(sample);
            });
            WindowTests.waitUntil(() -> model.explorerProperty().get() != null);
            // close in the same breath: the time machine, the sidebar, the projections are still loading
            robot.interact(() -> model.close());
            WindowTests.waitUntil(() -> model.explorerProperty().get() == null);
        }
        // what was started before the close has ended by now (close awaits it); give late log lines a moment to appear
        robot.interact(() -> model.welcome().openSample(sample));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null
                && robot.lookup("#statusProjections").tryQuery().map(node -> ((javafx.scene.control.Label) node).getText()
                .startsWith("Projections live")).orElse(false));
        robot.interact(() -> model.close());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        StringWriter traces = new StringWriter();
        uncaught.forEach(failure -> failure.printStackTrace(new PrintWriter(traces)));
        assertEquals(List.of(), uncaught, traces.toString());
        String logged = log.toString(StandardCharsets.UTF_8);
        List<String> bad = logged.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                || line.contains("dev.eventscope") && line.contains("Exception") || line.contains("connection closed")).toList();
        assertEquals(List.of(), bad, "warnings or errors in the log:\n" + logged);
    }
}

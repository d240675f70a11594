package dev.eventscope.ui;

import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/**
 * The fixture several window tests repeated word for word (the As known tests, Why? and compare at 1280 px): the main
 * window at one size offering one bundled sample, copied into a new run folder for each test
 * ({@link WindowTests#showWithSample}), and closed after each test. A test class names the sample and the size, and
 * shows the window from its {@code @Start} method with {@link #show}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class SampleWindowTest {

    @TempDir
    protected static Path folder;

    protected FxTaskExecutor executor;
    protected MainWindowViewModel model;

    private final String sample;
    private final double width;
    private final double height;

    /** The window at {@code width} × {@code height} offering {@code sample-data/ledgers/SAMPLE.ledger}. */
    protected SampleWindowTest(String sample, double width, double height) {
        this.sample = sample;
        this.width = width;
        this.height = height;
    }

    /**
     * Shows the window on the test's stage: each test class calls it from its own {@code @Start} method (TestFX's
     * {@link ApplicationExtension} looks for one in the test class itself, not in the classes it extends).
     */
    protected void show(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        model = WindowTests.showWithSample(stage, executor, folder, sample, width, height);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }
}

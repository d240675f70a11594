package dev.eventscope.ui.explorer;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** Issue 16.11: the "As stored" and "As read now" panes of an upcast event share the detail area, none a 35 px sliver. */
@ExtendWith(ApplicationExtension.class)
class UpcastPaneWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "legacy-schema");
        Path samples = WindowTests.samples(run);
        executor = new FxTaskExecutor();
        WindowTests.show(stage, WindowTests.model(executor, run, samples));
        stage.setWidth(1240);
        stage.setHeight(700);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_upcast_event_shows_both_forms_side_by_side_at_a_readable_width(FxRobot robot) throws Exception {
        openCheckingOfTheLegacyLedger(robot);
        // the account's first event is its AccountOpened in the version 1 shape
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(0).queryAs(Node.class));
        Node upcast = robot.lookup("#upcastPane").queryAs(Node.class);
        WindowTests.waitUntil(upcast::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        double width = upcast.getBoundsInLocal().getWidth();
        double json = robot.lookup("#jsonText").queryAs(Node.class).getBoundsInLocal().getWidth();
        assertTrue(width > 150 && width > json * 0.6, "the upcast pane is " + width + " px wide beside JSON of " + json + " px");
    }

    /** Opens the sample with events in an older schema and its checking account's history, and waits for the rows. */
    @SuppressWarnings("unchecked")
    static void openCheckingOfTheLegacyLedger(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("legacy-schema.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> robot.lookup("#streamSearch").tryQuery().isPresent());
        Platform.runLater(() -> robot.lookup("#streamSearch").queryAs(TextField.class).setText("checking"));
        WaitForAsyncUtils.waitForFxEvents();
        Node tree = robot.lookup("#streamTree").queryAs(Node.class);
        WindowTests.waitUntil(() -> robot.from(tree).lookup(hasText("checking")).tryQuery().isPresent());
        robot.clickOn(robot.from(tree).lookup(hasText("checking")).queryLabeled());
        TableView<EventRow> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> !history.getItems().isEmpty());
    }
}

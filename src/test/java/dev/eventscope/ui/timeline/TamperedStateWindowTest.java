package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16.11: what the state panel and the timeline say about a tampered ledger is for a desktop user: what to do in
 * the window, never a command to type. On the bundled tampered sample (one amount quietly changed at #250) every view
 * still shows its state around the alteration and verify locates it; on a copy whose read model stops at an event it
 * cannot apply, the panel says where the window shows why (Projections in the toolbar).
 */
@ExtendWith(ApplicationExtension.class)
class TamperedStateWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Path tampered;
    private Path stopped;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path samples = Files.createDirectories(run.resolve("samples"));
        tampered = Files.copy(Path.of("sample-data/ledgers/tampered.ledger"), samples.resolve("tampered.ledger"));
        stopped = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), samples.resolve("stopped.ledger"));
        // #250's amount no longer a number: the balances projection stops before it
        dev.eventscope.samples.SampleLedgers.tamper(stopped, "replace(data, '\"amount\":', '\"amount\":1')");
        executor = new FxTaskExecutor();
        model = WindowTests.showAt1280(stage, executor, run, samples);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static TimelineViewModel timeline(FxRobot robot) {
        return robot.lookup("#timelineBar").queryAs(TimelineBar.class).model();
    }

    /** Every text the state panel, the timeline bar and the integrity banner show now. */
    private static List<String> shownTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (String id : List.of("#statePanel", "#timelineBar", "#banner")) {
            robot.lookup(id).tryQuery().ifPresent(root -> collect(root, texts));
        }
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            texts.add(labeled.getText());
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static void assertNoCommandToType(List<String> texts) {
        List<String> commands = texts.stream().filter(text -> text.contains("eventscope ") || text.contains("command line")
                || text.contains("'eventscope")).toList();
        assertEquals(List.of(), commands, "a desktop user is told to type a command");
    }

    @Test
    void the_bundled_tampered_sample_shows_its_states_and_tells_nothing_to_type(FxRobot robot) throws Exception {
        robot.interact(() -> model.welcome().openSample(tampered));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#timelineBar").tryQuery().isPresent()
                && timeline(robot).machine() != null);
        StreamId altered = model.explorerProperty().get().session().readAt(250).orElseThrow().streamId();
        robot.interact(() -> model.explorerProperty().get().sidebar().select(altered));
        TableView<?> state = robot.lookup("#stateTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> timeline(robot).timelineProperty().get() != null
                && altered.equals(timeline(robot).timelineProperty().get().stream()) && !state.getItems().isEmpty());
        List<String> texts = new ArrayList<>(shownTexts(robot));
        // around the alteration: before it, at it, the end; by stream and for the whole ledger
        for (boolean whole : new boolean[] {false, true}) {
            robot.interact(() -> timeline(robot).wholeLedgerProperty().set(whole));
            for (long position : new long[] {249, 250, 251, 762}) {
                robot.interact(() -> timeline(robot).showPosition(position));
                WindowTests.waitUntil(() -> !state.getItems().isEmpty()
                        && !robot.lookup("#stateHeading").queryAs(Labeled.class).getText().isEmpty());
                String heading = robot.lookup("#stateHeading").queryAs(Labeled.class).getText();
                assertTrue(!heading.startsWith("No state"), "a state is shown at #" + position + ": " + heading);
                texts.addAll(shownTexts(robot));
            }
        }
        robot.interact(() -> ((ButtonBase) robot.lookup("#verifyButton").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#bannerText").tryQuery().map(node -> ((Labeled) node).getText()
                .startsWith("Tampered at #250")).orElse(false));
        texts.addAll(shownTexts(robot));
        assertNoCommandToType(texts);
    }

    @Test
    void a_read_model_stopped_at_an_event_is_explained_with_where_the_window_shows_why(FxRobot robot) throws Exception {
        robot.interact(() -> model.welcome().openSample(stopped));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#timelineBar").tryQuery().isPresent()
                && timeline(robot).machine() != null);
        robot.interact(() -> ((ButtonBase) robot.lookup("#scopeLedger").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#stateHeading").queryAs(Labeled.class).getText().startsWith("No state"));
        String heading = robot.lookup("#stateHeading").queryAs(Labeled.class).getText();
        assertMentions(heading, "stops at position 249", "Projections in the toolbar");
        assertNoCommandToType(shownTexts(robot));
        // and the way it names works: the toolbar's Projections shows the projection stopped on #250
        robot.interact(() -> ((ButtonBase) robot.lookup("#projectionsButton").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#projectionsPanel").tryQuery().isPresent());
        List<String> panel = new ArrayList<>();
        WindowTests.waitUntil(() -> {
            panel.clear();
            collect(robot.lookup("#projectionsPanel").query(), panel);
            return panel.stream().anyMatch(text -> text.contains("#250"));
        });
    }
}

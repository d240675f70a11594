package dev.eventscope.ui.explorer;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.knownat.KnownFigure;
import dev.eventscope.ui.projections.ProjectionRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The panels the explorer's first frame does not show are made when first shown (docs/cli-speed.md, first paint): the
 * "As known" tab's panel and the projections panel are absent after the open, and appear whole, bound to their view
 * models, the first time the user asks for them (and the second time they are the same panel).
 */
@ExtendWith(ApplicationExtension.class)
class LazyPanelsWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private dev.eventscope.ui.shell.MainWindowViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        model = WindowTests.showWithSample(stage, executor, folder, "audit-case");
        stage.setWidth(1600);
        stage.setHeight(900);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private void openSample(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#statusProjections").tryQuery().isPresent());
        WindowTests.waitUntil(() -> "Projections live".equals(robot.lookup("#statusProjections").queryAs(Label.class).getText()));
    }

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_as_known_panel_is_made_when_its_tab_is_first_shown(FxRobot robot) {
        openSample(robot);
        TabPane statePanel = robot.lookup("#statePanel").queryAs(TabPane.class);
        Tab knownAt = tab(statePanel, "knownAtTab");
        assertNull(knownAt.getContent(), "the \"As known\" panel is not made for the first frame");
        assertTrue(robot.lookup("#knownAtFigures").tryQuery().isEmpty());

        robot.clickOn(robot.lookup("#knownAtTab").queryAs(Node.class)); // the tab's header
        WindowTests.waitUntil(() -> robot.lookup("#knownAtFigures").tryQuery().isPresent());
        Node panel = knownAt.getContent();
        assertNotNull(panel);
        assertTrue(panel.isVisible() && panel.getScene() != null, "the panel is in the window");
        TableView<KnownFigure> figures = robot.lookup("#knownAtFigures").queryAs(TableView.class);
        assertEquals(4, figures.getColumns().size(), "account, then, now, change");
        assertTrue(figures.getItems() == model.explorerProperty().get().knownAt().figures(), "bound to its view model");
        assertFalse(robot.lookup("#knownAtHeading").tryQuery().isEmpty());

        // a knowledge point asked for from the bar beside the timeline fills the panel made on the first show
        robot.clickOn("#knownAtAsOf").write("2025-03-31");
        robot.clickOn("#knownAtPoint").write("2025-04-15");
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> !figures.getItems().isEmpty());
        assertTrue(knownAt.getContent() == panel, "shown again, it is the same panel");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_knowledge_point_asked_for_before_the_tab_was_shown_brings_the_panel_forward(FxRobot robot) {
        openSample(robot);
        robot.clickOn("#knownAtAsOf").write("2025-03-31");
        robot.clickOn("#knownAtPoint").write("2025-04-15");
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtFigures").tryQuery().isPresent());
        TableView<KnownFigure> figures = robot.lookup("#knownAtFigures").queryAs(TableView.class);
        WindowTests.waitUntil(() -> !figures.getItems().isEmpty());
        assertTrue(WindowTests.items(figures).stream().anyMatch(figure -> figure.account().equals("expenses:freight") && figure.restated()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_projections_panel_is_made_when_first_shown_and_polls_from_the_start(FxRobot robot) {
        openSample(robot);
        assertTrue(robot.lookup("#projectionsPanel").tryQuery().isEmpty(), "no projections panel in the first frame");
        // the status is polled from the open, panel or not: the status bar says the projections are live (above)

        robot.clickOn("#projectionsButton");
        WindowTests.waitUntil(() -> robot.lookup("#projectionsPanel").tryQuery().isPresent());
        TableView<ProjectionRow> table = robot.lookup("#projectionsTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> table.getItems().size() == 4);
        Node panel = robot.lookup("#projectionsPanel").query();
        assertTrue(panel.isVisible() && panel.getScene() != null);

        robot.clickOn("#projectionsButton");
        WindowTests.waitUntil(() -> robot.lookup("#projectionsPanel").tryQuery().isEmpty());
        robot.clickOn("#projectionsButton");
        WindowTests.waitUntil(() -> robot.lookup("#projectionsPanel").tryQuery().isPresent());
        assertTrue(robot.lookup("#projectionsPanel").query() == panel, "shown again, it is the same panel");
    }
}

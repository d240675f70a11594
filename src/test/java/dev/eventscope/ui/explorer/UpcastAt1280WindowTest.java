package dev.eventscope.ui.explorer;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event detail's three panes at 1280 px (an event of an older schema, "as read now" beside "as stored"): the
 * metadata reads whole without scrolling sideways, no time broken inside its number, and both JSON panes keep room
 * (docs/ui.md, "Session 19 (ui2)").
 */
@ExtendWith(ApplicationExtension.class)
class UpcastAt1280WindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "legacy-schema");
        Path samples = WindowTests.samples(run);
        executor = new FxTaskExecutor();
        WindowTests.showAt1280(stage, executor, run, samples);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_metadata_beside_two_json_panes_reads_whole_without_scrolling_sideways(FxRobot robot) {
        UpcastPaneWindowTest.openCheckingOfTheLegacyLedger(robot);
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(0).queryAs(Node.class));
        Node upcast = robot.lookup("#upcastPane").queryAs(Node.class);
        WindowTests.waitUntil(() -> upcast.isVisible() && robot.lookup("#meta-RecordedUTC").tryQuery().isPresent());
        settle(() -> sideways(robot).isEmpty() && WindowTests.wordsWiderThanTheirRoom(robot.lookup("#meta-RecordedUTC").queryAs(Label.class)).isEmpty());

        Node viewport = robot.lookup(".metadata-scroll > .viewport").query();
        assertEquals(List.of(), sideways(robot), "the metadata scrolls sideways in a viewport of "
                + Math.round(viewport.getLayoutBounds().getWidth()) + " px");
        double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
        for (String field : List.of("#meta-RecordedUTC", "#meta-Recorded", "#meta-Type")) {
            Label value = robot.lookup(field).queryAs(Label.class);
            assertEquals(List.of(), WindowTests.wordsWiderThanTheirRoom(value), field + " is broken inside a word, in " + Math.round(value.getWidth()) + " px");
            assertTrue(value.localToScene(value.getLayoutBounds()).getMaxX() <= right + 0.5, field + " ends right of the pane");
        }
        // the three panes' headings read whole ("As read now (sc…" and "AccountOpened …" were cut)
        for (Label heading : robot.lookup(".pane-heading").queryAllAs(Label.class)) {
            if (heading.isVisible() && heading.getScene() == viewport.getScene() && !heading.getText().isEmpty()
                    && isInDetail(heading)) {
                assertEquals(heading.getText().replaceAll("\\s+", " "), drawn(heading), "the heading is cut in " + Math.round(heading.getWidth()) + " px");
            }
        }
        double stored = robot.lookup("#jsonText").queryAs(Node.class).getLayoutBounds().getWidth();
        double now = robot.lookup("#upcastText").queryAs(Node.class).getLayoutBounds().getWidth();
        assertTrue(stored >= 150 && now >= 150, "the JSON panes are " + Math.round(stored) + " and " + Math.round(now) + " px wide");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_line_of_the_state_panel_reads_whole_at_1280(FxRobot robot) {
        // session 19 (ui2)'s shot: "Balances (all commodities)" showed "(all" at the first event, its second line cut
        UpcastPaneWindowTest.openCheckingOfTheLegacyLedger(robot);
        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(0).queryAs(Node.class));
        javafx.scene.control.TableView<dev.eventscope.ui.state.StateRow> state = robot.lookup("#stateTable").queryAs(javafx.scene.control.TableView.class);
        WindowTests.waitUntil(() -> state.getItems().stream().anyMatch(row -> row.label().startsWith("(all")));
        settle(() -> cutCells(state).isEmpty());
        assertEquals(List.of(), cutCells(state));
    }

    /** The state table's cells whose drawn lines are taller than the cell's room, or shortened with an ellipsis. */
    static List<String> cutCells(javafx.scene.control.TableView<?> table) {
        List<String> cut = new java.util.ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (!(node instanceof javafx.scene.control.TableCell<?, ?> cell) || cell.getText() == null || cell.getText().isBlank()
                    || !cell.isVisible() || cell.getTableRow() == null || cell.getTableRow().isEmpty()) {
                continue;
            }
            Text drawn = (Text) cell.lookup(".text");
            if (drawn == null) {
                continue;
            }
            double room = cell.getHeight() - cell.snappedTopInset() - cell.snappedBottomInset();
            double height = drawn.getLayoutBounds().getHeight();
            String whole = cell.getText().replaceAll("\\s+", " ").strip();
            String shown = drawn.getText().replaceAll("\\s+", " ").strip();
            if (height > room + 1 || !shown.equals(whole)) {
                cut.add("'" + cell.getText().replace("\n", "⏎") + "' drawn as '" + drawn.getText().replace("\n", "⏎") + "', "
                        + Math.round(height) + " px of text in " + Math.round(room) + " px (a cell " + Math.round(cell.getWidth())
                        + " px wide, its column " + Math.round(cell.getTableColumn().getWidth()) + " px, at least "
                        + Math.round(cell.getTableColumn().getMinWidth()) + ")");
            }
        }
        return cut;
    }

    private static boolean isInDetail(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("detail")) {
                return true;
            }
        }
        return false;
    }

    /** The text a label draws, its lines joined by spaces. */
    private static String drawn(Label label) {
        StringBuilder text = new StringBuilder();
        for (Node node : label.lookupAll(".text")) {
            if (node instanceof Text line && line.getParent() != null) {
                text.append(line.getText());
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static List<Node> sideways(FxRobot robot) {
        return robot.lookup(".metadata-scroll .scroll-bar").queryAll().stream()
                .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible())
                .toList();
    }

    private static void settle(java.util.concurrent.Callable<Boolean> settled) {
        try {
            WindowTests.waitUntil(settled);
        } catch (org.awaitility.core.ConditionTimeoutException notSettled) {
            // the assertion after says what is wrong
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}

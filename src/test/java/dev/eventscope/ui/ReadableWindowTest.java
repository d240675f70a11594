package dev.eventscope.ui;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 6: at 1280×720 with the projections panel open (a drawer there), the values a user reads are whole (an
 * account's state panel items and values, the history's types, users and commands, the projections, the whole ledger's
 * balances and a comparison of it), no table hides a column to the side, every state panel tab shows its title, every
 * cell reads whole on hover, and no wrapping label is squeezed to a few characters a line.
 */
@ExtendWith(ApplicationExtension.class)
class ReadableWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path sample;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        Path samples = WindowTests.samples(run);
        sample = samples.resolve("small-business.ledger");
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.show(stage, WindowTests.model(executor, run, samples));
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    /**
     * Waits until the window has been laid out twice more (the tables fit their columns after one pass, which lays
     * them out again), with a deadline: a wait for something to happen, never a sleep.
     */
    private void layoutPasses() throws Exception {
        for (int pass = 0; pass < 2; pass++) {
            java.util.concurrent.CountDownLatch laidOut = new java.util.concurrent.CountDownLatch(1);
            javafx.application.Platform.runLater(() -> {
                javafx.scene.Scene scene = stage.getScene();
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        scene.removePostLayoutPulseListener(this);
                        laidOut.countDown();
                    }
                });
                javafx.application.Platform.requestNextPulse();
            });
            assertTrue(laidOut.await(60, java.util.concurrent.TimeUnit.SECONDS), "no layout pass within 60 s");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    void at_1280_by_720_with_the_projections_panel_open_the_values_read_whole(FxRobot robot) throws Exception {
        robot.interact(() -> model.welcome().openSample(sample));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#projectionsButton").tryQuery().isPresent());
        robot.interact(() -> ((ButtonBase) robot.lookup("#projectionsButton").query()).fire());
        WindowTests.waitUntil(() -> robot.lookup("#projectionsTable").tryQuery().isPresent());
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        TableView<?> state = robot.lookup("#stateTable").queryAs(TableView.class);
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> state.getItems().size() > 8 && history.getItems().size() > 100);
        // an event picked, so the detail's metadata is shown too
        robot.interact(() -> history.getSelectionModel().select(history.getItems().size() - 1));
        layoutPasses(); // the columns fit their widths after a layout pass
        assertWhole(state, Set.of("Item", "Value"));
        // at this width the history gives up the columns the event detail repeats (type, user, command): the ones left read whole
        assertWhole(history, Set.of("#", "Recorded", "Event type", "User", "Command"));
        assertNoSqueezedLabels(robot);

        // why this value?: every entry id reads whole (a long one goes onto a second line), none ends in "…"
        robot.interact(() -> {
            for (int index = 0; index < state.getItems().size(); index++) {
                if (((dev.eventscope.ui.state.StateRow) state.getItems().get(index)).explainable()) {
                    state.getSelectionModel().select(index);
                    break;
                }
            }
            ((ButtonBase) robot.lookup("#whyButton").query()).fire();
        });
        TableView<?> why = robot.lookup("#whyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> why.getItems().size() > 20);
        layoutPasses();
        assertWhole(why, Set.of(why.getColumns().get(1).getText(), "Amount", "Balance"), 2);
        robot.interact(() -> statePanel(robot).getSelectionModel().select(0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        // a 1280 px window opens the panel as a drawer over the state panel: no fourth column squeezes the others
        Node panel = robot.lookup("#projectionsPanel").query();
        assertTrue(panel.getStyleClass().contains("drawer"), "the projections panel is a drawer at 1280 px");
        TableView<?> projections = robot.lookup("#projectionsTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> projections.getItems().size() >= 4);
        layoutPasses();
        assertWhole(projections, Set.of("Projection", "Ver", "Status", "Checkpoint", "Lag", "Updated"));
        assertColumnsFit(projections);

        robot.interact(() -> ((ButtonBase) robot.lookup("#scopeLedger").query()).fire());
        WindowTests.waitUntil(() -> state.getItems().stream().anyMatch(row -> row.toString().contains("expenses:")));
        layoutPasses();
        // the whole ledger's long account names and balances read whole: a long name goes onto two lines
        assertWhole(state, Set.of("Item", "Value"));
        assertColumnsFit(state);
        assertNoSqueezedLabels(robot);
        assertTabsWhole(robot);

        // a comparison of the whole ledger: every item, before, after and change whole, no column off to the side
        javafx.scene.control.TabPane tabs = statePanel(robot);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "Compare".equals(tab.getText())).findFirst().orElseThrow()));
        robot.interact(() -> {
            ((javafx.scene.control.TextField) robot.lookup("#compareFrom").query()).setText("2024-03-31");
            ((javafx.scene.control.TextField) robot.lookup("#compareTo").query()).setText("now");
            ((ButtonBase) robot.lookup("#compareButton").query()).fire();
        });
        TableView<?> compare = robot.lookup("#compareTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> compare.getItems().size() > 10);
        layoutPasses();
        assertWhole(compare, Set.of("Item", "Before", "After", "Change"));
        assertColumnsFit(compare);
        assertNoSqueezedLabels(robot);
        assertTabsWhole(robot);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        // every cell reads whole on hover, the fitted ones and the others
        TableCell<?, ?> cell = visibleCells(state).stream().filter(each -> "Value".equals(each.getTableColumn().getText())
                && each.getText() != null && !each.getText().isEmpty()).findFirst().orElseThrow();
        robot.moveTo(cell).moveBy(2, 0);
        WindowTests.waitUntil(() -> cell.getTooltip() != null);
        assertEquals(cell.getText(), cell.getTooltip().getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void with_the_drawer_closed_why_descriptions_and_compared_names_read_without_a_sideways_scroll(FxRobot robot) throws Exception {
        robot.interact(() -> model.welcome().openSample(sample));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#stateTable").tryQuery().isPresent());
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        WindowTests.askWhyOfTheFirstExplainableRow(robot);
        TableView<dev.eventscope.ui.state.WhyLine> why = robot.lookup("#whyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> why.getItems().size() > 20);
        layoutPasses();
        // every shown posting's description is read inside the table, not in a column off to the side
        assertColumnsFit(why);
        List<String> unread = new ArrayList<>();
        double right = why.localToScene(why.getBoundsInLocal()).getMaxX();
        for (javafx.scene.control.TableRow<?> row : why.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof javafx.scene.control.TableRow<?> each && each.getItem() != null && each.isVisible()
                        && each.localToScene(each.getBoundsInLocal()).getMaxY() < why.localToScene(why.getBoundsInLocal()).getMaxY())
                .map(node -> (javafx.scene.control.TableRow<?>) node).toList()) {
            String description = ((dev.eventscope.ui.state.WhyLine) row.getItem()).description();
            String wanted = description.replaceAll("\\s", "");
            boolean read = visibleCells(why).stream().anyMatch(cell -> cell.getTableRow() == row
                    && cell.localToScene(cell.getBoundsInLocal()).getMaxX() <= right + 0.5
                    && cell.lookup(".text") instanceof Text text && text.getText().replaceAll("\\s", "").contains(wanted));
            if (!read && !description.isBlank()) {
                unread.add(description);
            }
        }
        assertEquals(List.of(), unread, "descriptions not read whole inside the Why? table");
        assertWhole(why, Set.of(why.getColumns().get(1).getText(), "Amount", "Balance"), 2);

        // the whole ledger compared: names wrap at most once (at a colon), amounts whole, no sideways scroll
        robot.interact(() -> ((ButtonBase) robot.lookup("#scopeLedger").query()).fire());
        TableView<dev.eventscope.ui.state.CompareRow> compare = compareWholeLedger(robot);
        assertNamesWrapAtMostOnceAtColons(compare);
        assertColumnsFit(compare);
        assertWhole(compare, Set.of("Item", "Before", "Before\n→ after", "After", "Change"));

        // at 1920 px the money columns are as wide as their amounts, the names take the rest
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        layoutPasses();
        layoutPasses();
        assertColumnsFit(compare);
        assertNamesWrapAtMostOnceAtColons(compare);
        for (TableColumn<dev.eventscope.ui.state.CompareRow, ?> column : compare.getVisibleLeafColumns()) {
            if (column.getText().equals("Item")) {
                continue;
            }
            Text measure = new Text(column.getText());
            double widest = measure.getLayoutBounds().getWidth(); // never narrower than its header
            for (TableCell<?, ?> cell : visibleCells(compare)) {
                if (cell.getTableColumn() == column && cell.getText() != null) {
                    measure.setFont(cell.getFont());
                    measure.setText(cell.getText());
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                }
            }
            assertTrue(column.getWidth() <= widest * 1.1 + 30, column.getText() + " is " + Math.round(column.getWidth())
                    + " px for amounts of " + Math.round(widest) + " px");
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<dev.eventscope.ui.state.CompareRow> compareWholeLedger(FxRobot robot) throws Exception {
        javafx.scene.control.TabPane tabs = statePanel(robot);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "Compare".equals(tab.getText())).findFirst().orElseThrow()));
        WindowTests.waitUntil(() -> robot.lookup("#compareFrom").tryQuery().isPresent() && model.explorerProperty().get().timeline().scope() == null);
        robot.interact(() -> {
            ((javafx.scene.control.TextField) robot.lookup("#compareFrom").query()).setText("2024-03-31");
            ((javafx.scene.control.TextField) robot.lookup("#compareTo").query()).setText("now");
            ((ButtonBase) robot.lookup("#compareButton").query()).fire();
        });
        TableView<dev.eventscope.ui.state.CompareRow> compare = robot.lookup("#compareTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> compare.getItems().size() > 10);
        layoutPasses();
        return compare;
    }

    /** Every shown item is on one line, or on two with the first ending at a colon of the account name. */
    private static void assertNamesWrapAtMostOnceAtColons(TableView<?> compare) {
        List<String> badly = new ArrayList<>();
        for (TableCell<?, ?> cell : visibleCells(compare)) {
            if (cell.getTableColumn() != null && "Item".equals(cell.getTableColumn().getText()) && cell.getText() != null
                    && cell.lookup(".text") instanceof Text text) {
                List<String> lines = text.getText().lines().toList();
                if (lines.size() > 2 || lines.size() == 2 && !lines.get(0).endsWith(":")) {
                    badly.add(text.getText().replace("\n", " / "));
                }
            }
        }
        assertEquals(List.of(), badly, "names broken more than once or not at a colon (Item "
                + Math.round(compare.getColumns().get(0).getWidth()) + " px of " + Math.round(compare.getWidth()) + ")");
    }

    /** Every visible cell of the named columns shows its whole text (a cut one ends in an ellipsis). */
    private static void assertWhole(TableView<?> table, Set<String> columns) {
        assertWhole(table, columns, 4);
    }

    /** {@link #assertWhole(TableView, Set)} where at least {@code least} cells are shown (rows of several lines are fewer). */
    private static void assertWhole(TableView<?> table, Set<String> columns, int least) {
        // a column fitted to its content re-breaks its cells a pulse or two later: wait for the table to settle
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> cutCells(table, columns).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException stillCut) {
            // reported below, with the columns' widths
        }
        List<String> cut = cutCells(table, columns);
        int checked = (int) visibleCells(table).stream().filter(cell -> cell.getTableColumn() != null
                && columns.contains(cell.getTableColumn().getText()) && cell.getText() != null && !cell.getText().isEmpty()).count();
        assertTrue(checked >= least, "cells were checked in " + table.getId() + ": " + checked + " of " + visibleCells(table).size() + " at " + table.getWidth() + "x" + table.getHeight());
        assertEquals(List.of(), cut, "cut values in " + table.getId() + " (columns " + table.getColumns().stream()
                .map(column -> column.getText() + " " + Math.round(column.getWidth())).toList() + ")");
    }

    /** The visible cells of the named columns that do not show their whole text (cut with an ellipsis, or too low). */
    private static List<String> cutCells(TableView<?> table, Set<String> columns) {
        List<String> cut = new ArrayList<>();
        for (TableCell<?, ?> cell : visibleCells(table)) {
            if (cell.getTableColumn() == null || !columns.contains(cell.getTableColumn().getText())
                    || cell.getText() == null || cell.getText().isEmpty()) {
                continue;
            }
            Node shown = cell.lookup(".text");
            // a last entry reads "amount  description": the amount must be whole, the description may end on hover
            String needed = cell.getText().contains("  ") && cell.getText().matches("^-?[0-9].*")
                    ? cell.getText().substring(0, cell.getText().indexOf("  ")) : cell.getText();
            if (shown instanceof Text text && !text.getText().equals(cell.getText()) && !text.getText().startsWith(needed + " ")) {
                cut.add(cell.getText() + " shown as " + text.getText());
            } else if (shown instanceof Text text && text.getLayoutBounds().getHeight() > cell.getHeight() + 1) {
                cut.add(cell.getText() + " in a row too low for its " + text.getText().lines().count() + " lines");
            }
        }
        return cut;
    }

    /** The table's visible columns fit its width: none is off to the side behind a horizontal scroll bar. */
    private static void assertColumnsFit(TableView<?> table) {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(column -> column.getWidth()).sum();
        assertTrue(columns <= table.getWidth(), table.getId() + ": columns " + Math.round(columns) + " px in " + Math.round(table.getWidth()) + " px");
    }

    /** Every tab of the state panel shows its whole title inside the panel (none clipped, none behind an overflow menu). */
    private static void assertTabsWhole(FxRobot robot) {
        javafx.scene.control.TabPane tabs = statePanel(robot);
        double right = tabs.localToScene(tabs.getBoundsInLocal()).getMaxX();
        List<String> clipped = new ArrayList<>();
        for (Node tab : tabs.lookupAll(".tab")) {
            if (tab.getParent() != null && tab.localToScene(tab.getBoundsInLocal()).getMaxX() > right + 0.5) {
                clipped.add(tab.lookup(".tab-label") instanceof Label label ? label.getText() : tab.toString());
            }
        }
        assertEquals(List.of(), clipped, "tabs beyond the state panel's right edge");
        Node overflow = tabs.lookup(".control-buttons-tab");
        assertTrue(overflow == null || !overflow.isVisible(), "the tabs need no overflow menu");
    }

    private static javafx.scene.control.TabPane statePanel(FxRobot robot) {
        return robot.lookup("#statePanel").queryAs(javafx.scene.control.TabPane.class);
    }

    private static List<TableCell<?, ?>> visibleCells(TableView<?> table) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableRow() != null && !cell.getTableRow().isEmpty()
                    && cell.localToScene(cell.getBoundsInLocal()).getMaxY() < table.localToScene(table.getBoundsInLocal()).getMaxY()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** No wrapping label with words to show is narrower than a short word. */
    private static void assertNoSqueezedLabels(FxRobot robot) {
        List<String> squeezed = new ArrayList<>();
        for (Node node : robot.lookup(".label").queryAll()) {
            if (node instanceof Label label && label.isWrapText() && label.isVisible() && label.getScene() != null
                    && label.getText() != null && label.getText().length() > 6 && label.getWidth() > 0 && label.getWidth() < 48
                    && isShown(label)) {
                squeezed.add(label.getText() + " (" + Math.round(label.getWidth()) + " px)");
            }
        }
        assertEquals(List.of(), squeezed, "labels squeezed to a few characters a line");
    }

    private static boolean isShown(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

package dev.eventscope.ui.knownat;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import dev.eventscope.ui.SampleWindowTest;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 23's walk: the As known tab on audit-case at 1920 × 1080, as of 2025-03-31 as known at 2025-04-15 (two
 * restating postings, so the Change column is shown), drew "assets:fixed:" / "accumulated-" and lost the third line,
 * "depreciation", under the row's edge: the name was broken for the narrower column the Change column left, while the
 * row kept the height measured for two lines. Every account name shown reads whole, every line inside its row.
 */
class KnownAtWholeNamesWindowTest extends SampleWindowTest {

    KnownAtWholeNamesWindowTest() {
        super("audit-case", 1920, 1080);
    }

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    void at_1920_by_1080_with_restating_entries_every_account_name_reads_whole(FxRobot robot) {
        robot.clickOn(robot.lookup(org.testfx.matcher.control.LabeledMatchers.hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> {
            robot.lookup("#knownAtAsOf").queryAs(TextField.class).setText("2025-03-31");
            robot.lookup("#knownAtPoint").queryAs(TextField.class).setText("2025-04-15");
        });
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtLines").tryQuery().isPresent()
                && robot.lookup("#knownAtLines").queryAs(TableView.class).getItems().size() == 2
                && !robot.lookup("#knownAtFigures").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> figures = robot.lookup("#knownAtFigures").queryAs(TableView.class);
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> figures.getScene().getRoot().layout());
        }
        List<String> seen = new ArrayList<>();
        List<String> cut = WindowTests.onFx(() -> {
            List<String> problems = new ArrayList<>();
            Node flow = figures.lookup(".clipped-container");
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            for (Node node : figures.lookupAll(".table-cell")) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getItem() == null || !cell.isVisible()
                        || cell.getTableColumn() != figures.getColumns().get(0) || !(cell.lookup(".text") instanceof Text text)) {
                    continue;
                }
                Bounds row = cell.localToScene(cell.getLayoutBounds());
                if (row.getMinY() < viewport.getMinY() || row.getMaxY() > viewport.getMaxY()) {
                    continue; // scrolled partly out of sight: it is read by scrolling
                }
                String name = cell.getItem().toString();
                seen.add(name);
                Bounds drawn = text.localToScene(text.getLayoutBounds());
                if (!text.getText().replace("\n", "").equals(name)) {
                    problems.add("'" + name + "' drawn as '" + text.getText().replace("\n", " / ") + "'");
                } else if (drawn.getMaxY() > row.getMaxY() + 0.5 || drawn.getMinY() < row.getMinY() - 0.5) {
                    problems.add("'" + text.getText().replace("\n", " / ") + "' drawn " + Math.round(drawn.getMinY()) + "–"
                            + Math.round(drawn.getMaxY()) + " in a row " + Math.round(row.getMinY()) + "–" + Math.round(row.getMaxY()));
                }
            }
            return problems;
        });
        assertTrue(seen.contains("assets:fixed:accumulated-depreciation"), "account names seen: " + seen);
        assertEquals(List.of(), cut, "the As known account names at 1920 × 1080");
    }
}

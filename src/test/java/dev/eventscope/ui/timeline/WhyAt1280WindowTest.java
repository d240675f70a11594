package dev.eventscope.ui.timeline;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import dev.eventscope.ui.SampleWindowTest;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.state.WhyLine;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 22's walk: at 1280 × 720 the Why? tab's Posting column was ~155 px beside "#" (56 px), Amount and Balance,
 * so each posting took six or seven lines and about two and a half postings were seen at once. The posting now has the
 * position on its first line and the room "#" took: four postings or more are seen whole, each with its position,
 * date, entry, description, user and command, its amount and balance whole, no sideways scroll.
 */
class WhyAt1280WindowTest extends SampleWindowTest {

    WhyAt1280WindowTest() {
        super("small-business", 1280, 720);
    }

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void at_1280_by_720_four_postings_or_more_are_seen_whole(FxRobot robot) {
        robot.clickOn(robot.lookup(org.testfx.matcher.control.LabeledMatchers.hasText("small-business.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#stateTable").tryQuery().isPresent());
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        WindowTests.askWhyOfTheFirstExplainableRow(robot);
        TableView<WhyLine> why = robot.lookup("#whyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> why.getItems().size() > 20 && seenWhole(why).size() >= 2);
        // a column fitted to its content breaks its cells afresh a pulse or two later
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> why.getScene().getRoot().layout());
        }
        List<String> seen = WindowTests.onFx(() -> seenWhole(why));
        String widths = WindowTests.onFx(() -> why.getVisibleLeafColumns().stream()
                .map(column -> column.getText() + " " + Math.round(column.getWidth()) + " px").toList().toString());
        assertTrue(seen.size() >= 4, seen.size() + " postings seen whole in a table " + Math.round(why.getHeight()) + " px tall, columns "
                + widths + ": " + seen);
        System.out.printf("Why? at 1280 x 720: %d postings seen whole, columns %s: %s%n", seen.size(), widths, seen);
        // every posting seen names its position, and its amount and balance read whole
        List<String> unread = WindowTests.onFx(() -> {
            List<String> missing = new ArrayList<>();
            for (TableRow<WhyLine> row : rows(why)) {
                WhyLine line = row.getItem();
                String shown = shownText(row);
                for (String part : List.of("#" + line.position(), line.entryId(), line.amount(), line.runningBalance(), line.user(),
                        line.command(), line.description().replaceAll("\\s", ""))) {
                    if (!shown.replaceAll("\\s", "").contains(part.replaceAll("\\s", ""))) {
                        missing.add(part + " of #" + line.position() + " (shown: " + shown.replace("\n", " / ") + ")");
                    }
                }
            }
            return missing;
        });
        assertEquals(List.of(), unread, "not read in the Why? table at 1280 px");
        double sideways = WindowTests.onFx(() -> why.getVisibleLeafColumns().stream().mapToDouble(column -> column.getWidth()).sum()
                - why.lookup(".clipped-container").getLayoutBounds().getWidth());
        assertTrue(sideways <= 0.5, "the columns are " + Math.round(sideways) + " px wider than the table " + widths);
    }

    /** The rows wholly inside the table's viewport, by their postings' positions. */
    private static List<String> seenWhole(TableView<WhyLine> why) {
        return rows(why).stream().map(row -> "#" + row.getItem().position() + " " + Math.round(row.getHeight()) + " px").toList();
    }

    private static List<TableRow<WhyLine>> rows(TableView<WhyLine> why) {
        Node flow = why.lookup(".clipped-container");
        Bounds viewport = flow.localToScene(flow.getLayoutBounds());
        List<TableRow<WhyLine>> rows = new ArrayList<>();
        for (Node node : why.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() != null) {
                Bounds bounds = row.localToScene(row.getLayoutBounds());
                if (bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5) {
                    @SuppressWarnings("unchecked")
                    TableRow<WhyLine> whyRow = (TableRow<WhyLine>) row;
                    rows.add(whyRow);
                }
            }
        }
        return rows;
    }

    /** The text drawn in a row's visible cells (what a person reads), cell after cell. */
    private static String shownText(TableRow<WhyLine> row) {
        StringBuilder shown = new StringBuilder();
        for (Node node : row.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null && cell.getTableColumn().isVisible()
                    && cell.lookup(".text") instanceof Text text) {
                shown.append(text.getText()).append('\n');
            }
        }
        return shown.toString();
    }
}

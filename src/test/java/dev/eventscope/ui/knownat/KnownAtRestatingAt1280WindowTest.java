package dev.eventscope.ui.knownat;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import dev.eventscope.ui.SampleWindowTest;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Session 22's walk: at 1280 × 720 the As known tab's restating entries (audit-case, as of 2025-03-31 as known at
 * 2025-04-15: two postings) showed one row, and their Amount and Recorded columns only by scrolling sideways (eight
 * columns of ~880 px in a panel of ~460). Both postings are now seen whole, each with its position, entry, date,
 * account, amount, recording time, user and command, inside the table.
 */
class KnownAtRestatingAt1280WindowTest extends SampleWindowTest {

    KnownAtRestatingAt1280WindowTest() {
        super("audit-case", 1280, 720);
    }

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void at_1280_by_720_both_restating_postings_read_whole_without_a_sideways_scroll(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> {
            robot.lookup("#knownAtAsOf").queryAs(TextField.class).setText("2025-03-31");
            robot.lookup("#knownAtPoint").queryAs(TextField.class).setText("2025-04-15");
        });
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtLines").tryQuery().isPresent()
                && robot.lookup("#knownAtLines").queryAs(TableView.class).getItems().size() == 2);
        TableView<RestatingLine> lines = robot.lookup("#knownAtLines").queryAs(TableView.class);
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> lines.getScene().getRoot().layout());
        }
        List<String> unread = WindowTests.onFx(() -> {
            List<String> missing = new ArrayList<>();
            Node flow = lines.lookup(".clipped-container");
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            List<RestatingLine> seen = new ArrayList<>();
            for (Node node : lines.lookupAll(".table-row-cell")) {
                if (!(node instanceof TableRow<?> row) || !row.isVisible() || row.getItem() == null) {
                    continue;
                }
                RestatingLine line = (RestatingLine) row.getItem();
                Bounds bounds = row.localToScene(row.getLayoutBounds());
                if (bounds.getMinY() < viewport.getMinY() - 0.5 || bounds.getMaxY() > viewport.getMaxY() + 0.5) {
                    missing.add("#" + line.position() + " not wholly seen (row " + Math.round(bounds.getMinY()) + "–"
                            + Math.round(bounds.getMaxY()) + ", table " + Math.round(viewport.getMinY()) + "–" + Math.round(viewport.getMaxY()) + ")");
                    continue;
                }
                seen.add(line);
                StringBuilder shown = new StringBuilder();
                for (Node each : row.lookupAll(".table-cell")) {
                    if (each instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null
                            && cell.getTableColumn().isVisible() && cell.lookup(".text") instanceof Text text) {
                        Bounds drawn = text.localToScene(text.getLayoutBounds());
                        if (drawn.getMaxX() > viewport.getMaxX() + 0.5 || drawn.getMinX() < viewport.getMinX() - 0.5) {
                            missing.add("'" + text.getText().replace("\n", " / ") + "' of #" + line.position() + " outside the table");
                        }
                        shown.append(text.getText());
                    }
                }
                String read = shown.toString().replaceAll("\\s", "");
                for (String part : List.of(Long.toString(line.position()), line.entry(), line.date(), line.account(), line.amount(),
                        line.recorded(), line.user(), line.command())) {
                    if (!read.contains(part.replaceAll("\\s", ""))) {
                        missing.add(part + " of #" + line.position() + " not read (shown: " + shown.toString().replace("\n", " / ") + ")");
                    }
                }
            }
            if (seen.size() < 2) {
                missing.add(seen.size() + " of 2 restating postings seen, the table " + Math.round(lines.getHeight()) + " px tall");
            }
            return missing;
        });
        assertEquals(List.of(), unread, "the restating postings at 1280 × 720");
    }
    /**
     * Session 23's walk: at 1280 × 720 the figures table showed its first two accounts (alphabetically), both unchanged;
     * the two restated ones, the answer to the question, were out of sight below. A restated figure is brought into view.
     */
    @Test
    @SuppressWarnings("unchecked")
    void at_1280_by_720_a_restated_figure_is_in_view(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> {
            robot.lookup("#knownAtAsOf").queryAs(TextField.class).setText("2025-03-31");
            robot.lookup("#knownAtPoint").queryAs(TextField.class).setText("2025-04-15");
        });
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtLines").tryQuery().isPresent()
                && robot.lookup("#knownAtLines").queryAs(TableView.class).getItems().size() == 2);
        TableView<KnownFigure> figures = robot.lookup("#knownAtFigures").queryAs(TableView.class);
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> figures.getScene().getRoot().layout());
        }
        List<String> seen = WindowTests.onFx(() -> {
            List<String> whole = new ArrayList<>();
            Node flow = figures.lookup(".clipped-container");
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            for (Node node : figures.lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() instanceof KnownFigure figure) {
                    Bounds bounds = row.localToScene(row.getLayoutBounds());
                    if (bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5) {
                        whole.add(figure.account() + (figure.restated() ? " (restated)" : ""));
                    }
                }
            }
            return whole;
        });
        org.junit.jupiter.api.Assertions.assertTrue(seen.stream().anyMatch(account -> account.endsWith("(restated)")),
                "figures wholly seen at 1280 × 720: " + seen);
    }
    /**
     * Session 23's walk: at 1280 × 720 with a restated figure (so the Change column shown) the figures scrolled sideways
     * and the change read "2,148.60 E": the names' column kept 120 px beside three amount columns. Every amount and change
     * shown reads whole inside the table, and nothing scrolls sideways.
     */
    @Test
    void at_1280_by_720_every_change_reads_whole_without_a_sideways_scroll(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> {
            robot.lookup("#knownAtAsOf").queryAs(TextField.class).setText("2025-03-31");
            robot.lookup("#knownAtPoint").queryAs(TextField.class).setText("2025-04-15");
        });
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtLines").tryQuery().isPresent()
                && robot.lookup("#knownAtLines").queryAs(TableView.class).getItems().size() == 2);
        TableView<?> figures = robot.lookup("#knownAtFigures").queryAs(TableView.class);
        for (int pulse = 0; pulse < 5; pulse++) {
            robot.interact(() -> figures.getScene().getRoot().layout());
        }
        // the table brings the first restated figure into view after its layouts: wait for it, as a person would
        WindowTests.waitUntil(() -> figures.lookupAll(".table-cell").stream().anyMatch(node -> node instanceof TableCell<?, ?> cell
                && !cell.isEmpty() && cell.isVisible() && "2,148.60 EUR".equals(String.valueOf(cell.getItem()))));
        List<String> seen = new ArrayList<>();
        List<String> cut = WindowTests.onFx(() -> {
            List<String> problems = new ArrayList<>();
            Node flow = figures.lookup(".clipped-container");
            Bounds viewport = flow.localToScene(flow.getLayoutBounds());
            for (Node node : figures.lookupAll(".table-cell")) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getItem() == null || !cell.isVisible()
                        || !cell.getParent().isVisible() || cell.getTableColumn() == figures.getColumns().get(0)
                        || !(cell.lookup(".text") instanceof Text text) || cell.getItem().toString().isBlank()) {
                    continue;
                }
                seen.add(cell.getItem().toString());
                Bounds drawn = text.localToScene(text.getLayoutBounds());
                if (!text.getText().equals(cell.getItem().toString()) || drawn.getMaxX() > viewport.getMaxX() + 0.5) {
                    problems.add("'" + cell.getItem() + "' drawn as '" + text.getText() + "' to x " + Math.round(drawn.getMaxX())
                            + " in a table to x " + Math.round(viewport.getMaxX()));
                }
            }
            for (Node node : figures.lookupAll(".scroll-bar")) {
                if (node instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && bar.isVisible()) {
                    problems.add("the figures scroll sideways");
                }
            }
            return problems;
        });
        org.junit.jupiter.api.Assertions.assertTrue(seen.contains("2,148.60 EUR"), "amounts seen: " + seen);
        assertEquals(List.of(), cut.stream().distinct().toList(), "the As known amounts at 1280 × 720");
    }
}

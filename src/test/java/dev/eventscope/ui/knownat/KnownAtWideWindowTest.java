package dev.eventscope.ui.knownat;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 22: the "As known" tab at 1920 × 1080 on the small-business sample (its long account names). Session 21's
 * shot broke "assets:fixed:" / "accumulated-depreciation" and "expenses:salaries:" / "employer-social-security" over two
 * lines in an Account column of ~240 px while each amount column had room to spare. Every name reads on one line there,
 * every amount whole, and the amount columns are no wider than their content.
 */
@ExtendWith(ApplicationExtension.class)
class KnownAtWideWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path sample;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        sample = WindowTests.samples(run).resolve("small-business.ledger");
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.show(stage, WindowTests.model(executor, run, WindowTests.samples(run)));
        stage.setWidth(1920);
        stage.setHeight(1080);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    void at_1920_by_1080_account_names_read_on_one_line_and_the_amounts_are_as_wide_as_their_content(FxRobot robot) throws Exception {
        robot.interact(() -> model.welcome().openSample(sample));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> {
            robot.lookup("#knownAtAsOf").queryAs(TextField.class).setText("2025-03-31");
            robot.lookup("#knownAtPoint").queryAs(TextField.class).setText("2025-04-15");
        });
        robot.clickOn("#knownAtShow");
        WindowTests.waitUntil(() -> robot.lookup("#knownAtFigures").tryQuery().isPresent()
                && !robot.lookup("#knownAtFigures").queryTableView().getItems().isEmpty());
        TableView<?> figures = robot.lookup("#knownAtFigures").queryTableView();
        List<String> accounts = WaitForAsyncUtils.asyncFx(() -> figures.getItems().stream()
                .map(figure -> ((KnownFigure) figure).account()).toList()).get(60, TimeUnit.SECONDS);
        assertTrue(accounts.contains("assets:fixed:accumulated-depreciation")
                && accounts.contains("expenses:salaries:employer-social-security"), "the long names: " + accounts);
        WindowTests.waitUntil(() -> shownAccounts(figures).stream().anyMatch(text -> text.replace("\n", "").equals(
                "assets:fixed:accumulated-depreciation")));
        layoutPasses();
        layoutPasses();

        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        double[] widths = new double[2];
        robot.interact(() -> {
            TableColumn<?, ?> account = figures.getColumns().get(0);
            widths[0] = account.getWidth();
            widths[1] = figures.getWidth();
            for (Node node : figures.lookupAll(".table-cell")) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getItem() == null || !cell.isVisible()
                        || !(cell.lookup(".text") instanceof Text text)) {
                    continue;
                }
                String drawn = text.getText();
                if (cell.getTableColumn() == account) {
                    seen.add(drawn);
                    if (drawn.contains("\n") || drawn.contains("…")) {
                        problems.add("'" + cell.getItem() + "' drawn as '" + drawn.replace("\n", " / ") + "'");
                    }
                } else {
                    if (!drawn.equals(cell.getItem().toString())) {
                        problems.add("'" + cell.getItem() + "' drawn as '" + drawn.replace("\n", " / ") + "'");
                    }
                    // an amount column no wider than its content asks for: the room goes to the names
                    Text measure = new Text(cell.getTableColumn().getText());
                    measure.setFont(cell.getFont());
                    double header = measure.getLayoutBounds().getWidth();
                    measure.setText(cell.getItem().toString());
                    double content = Math.max(header, measure.getLayoutBounds().getWidth());
                    if (cell.getTableColumn().getWidth() > Math.max(content * 1.1 + 30, cell.getTableColumn().getMinWidth() + 0.5)
                            && content >= widestIn(figures, cell.getTableColumn())) {
                        problems.add(cell.getTableColumn().getText() + " " + Math.round(cell.getTableColumn().getWidth())
                                + " px for " + Math.round(content) + " px of content");
                    }
                }
            }
            for (Node node : figures.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                    problems.add("the figures scroll sideways");
                }
            }
        });
        assertTrue(seen.size() > 5, "account cells seen: " + seen);
        assertEquals(List.of(), problems.stream().distinct().toList(), "at 1920 × 1080 (Account " + Math.round(widths[0]) + " px of a table "
                + Math.round(widths[1]) + " px)");
    }

    /** The widest text of {@code column}'s shown cells (on the FX thread). */
    private static double widestIn(TableView<?> table, TableColumn<?, ?> column) {
        double widest = 0;
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && !cell.isEmpty() && cell.getItem() != null) {
                Text measure = new Text(cell.getItem().toString());
                measure.setFont(cell.getFont());
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
        }
        return widest;
    }

    /** The account cells' drawn texts (read on the FX thread). */
    private static List<String> shownAccounts(TableView<?> figures) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> figures.lookupAll(".table-cell").stream()
                    .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() == figures.getColumns().get(0)
                            && !cell.isEmpty() && cell.lookup(".text") instanceof Text)
                    .map(node -> ((Text) node.lookup(".text")).getText()).toList()).get(60, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Waits for a layout pass of the window (the fit runs before one, the cells are drawn in it). */
    private void layoutPasses() throws Exception {
        for (int pass = 0; pass < 2; pass++) {
            CountDownLatch laidOut = new CountDownLatch(1);
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
            assertTrue(laidOut.await(60, TimeUnit.SECONDS), "no layout pass in 60 s");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}

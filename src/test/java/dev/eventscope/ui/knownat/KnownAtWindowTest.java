package dev.eventscope.ui.knownat;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.explorer.EventRow;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Issue 18 in the real window, on the audit-case sample: type an entry date and a knowledge point beside the timeline,
 * press "Then / now", and the state panel's "As known" tab shows 31 March as known on 15 April against as known now
 * (freight 9,916.12 then, 12,064.72 now), with the late correction JE-2025-0100 listed; clicking it selects its event.
 */
@ExtendWith(ApplicationExtension.class)
class KnownAtWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "audit-case");
        Path samples = WindowTests.samples(run);
        executor = new FxTaskExecutor();
        model = WindowTests.show(stage, WindowTests.model(executor, run, samples));
        stage.setWidth(1600);
        stage.setHeight(900);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void a_knowledge_point_shows_the_books_then_and_now_and_the_restating_entry_opens_its_event(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());

        robot.clickOn("#knownAtAsOf").write("2025-03-31");
        robot.clickOn("#knownAtPoint").write("yesterday");
        robot.clickOn("#knownAtShow");
        assertTrue(robot.lookup("#knownAtStatus").queryAs(Label.class).getText().startsWith("'yesterday' is not a knowledge point;"));

        robot.interact(() -> robot.lookup("#knownAtPoint").queryAs(TextField.class).clear());
        robot.clickOn("#knownAtPoint").write("2025-04-15");
        robot.clickOn("#knownAtShow");
        // the answer's tables are built when the answer arrives, on the UI thread after the worker's question
        WindowTests.waitUntil(() -> robot.lookup("#knownAtFigures").tryQuery().isPresent()
                && !table(robot, "#knownAtFigures").getItems().isEmpty());
        TableView<KnownFigure> figures = table(robot, "#knownAtFigures");
        TabPane statePanel = robot.lookup("#statePanel").queryAs(TabPane.class);
        assertEquals("knownAtTab", statePanel.getSelectionModel().getSelectedItem().getId(), "the \"As known\" tab comes forward");
        KnownFigure freight = WindowTests.items(figures).stream().filter(figure -> figure.account().equals("expenses:freight"))
                .findFirst().orElseThrow();
        assertTrue(freight.then().contains("9,916.12") && freight.now().contains("12,064.72") && freight.restated(),
                freight.toString());
        KnownFigure supplies = WindowTests.items(figures).stream().filter(figure -> figure.account().equals("expenses:office-supplies"))
                .findFirst().orElseThrow();
        assertTrue(supplies.then().contains("2,148.60") && supplies.restated(), supplies.toString());
        assertTrue(robot.lookup("#knownAtHeading").queryAs(Label.class).getText().startsWith("As of 2025-03-31, as known at the end of 2025-04-15 (UTC) (through #"));

        // session 15: account names were cut ("expenses:salaries:employe…" at 1920 px); they break at their colons instead,
        // here in an account column as narrow as the panel beside the history can make it
        TableColumn<?, ?> account = figures.getColumns().get(0);
        robot.interact(() -> account.setMaxWidth(account.getMinWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = figures.lookupAll(".table-cell").stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() == account
                        && !cell.isEmpty() && cell.lookup(".text") instanceof javafx.scene.text.Text)
                .map(node -> ((javafx.scene.text.Text) node.lookup(".text")).getText()).toList();
        assertTrue(shown.size() > 3, "account cells shown: " + shown + " in a column " + account.getWidth() + " wide");
        assertEquals(List.of(), shown.stream().filter(text -> text.contains("…")).toList(), "account names cut in the As known figures");
        // session 15: the sentence lost its point ("2 postings recorded since restated them")
        String status = robot.lookup("#knownAtStatus").queryAs(Label.class).getText();
        assertTrue(status.matches("2 postings recorded after #[0-9]+ restated the figures as of 2025-03-31 \\(on the As known tab\\)\\."),
                status);
        TableView<RestatingLine> lines = table(robot, "#knownAtLines");
        assertEquals(List.of("JE-2025-0100", "JE-2025-0100"), WindowTests.items(lines).stream().map(RestatingLine::entry).toList());
        RestatingLine first = WindowTests.items(lines).get(0);
        robot.clickOn(robot.lookup("#knownAtLines .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WindowTests.waitUntil(() -> {
            EventRow selected = model.explorerProperty().get().history().selectedProperty().get();
            return selected != null && selected.position() == first.position();
        });
    }

    @Test
    void the_bars_answer_reads_whole_at_1280(FxRobot robot) {
        // session 18's walk: at 1280 px "Nothing recorded after #263 changed the figures as of 2025-03-31: as k…" was cut
        robot.clickOn(robot.lookup(hasText("audit-case.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && !robot.lookup("#streamTree").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#knownAtAsOf").query().getScene().getWindow().setWidth(1280));
        robot.clickOn("#knownAtAsOf").write("2025-03-31");
        robot.clickOn("#knownAtPoint").write("2025-04-15");
        robot.clickOn("#knownAtShow");
        Label status = robot.lookup("#knownAtStatus").queryAs(Label.class);
        WindowTests.waitUntil(() -> status.getText().contains("as of 2025-03-31") && robot.lookup("#knownAtFigures").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text shown = (javafx.scene.text.Text) status.lookup(".text");
        assertEquals(status.getText(), shown.getText(), "the answer is cut");
        assertTrue(shown.getLayoutBounds().getHeight() <= status.getHeight() + 0.5, "no line cut below");
        assertTrue(status.localToScene(status.getLayoutBounds()).getMaxX() <= status.getScene().getWidth() + 0.5, "inside the window");
    }
}

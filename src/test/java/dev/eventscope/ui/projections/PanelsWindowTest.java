package dev.eventscope.ui.projections;

import dev.eventscope.ui.WindowTests;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Drives the real window (headless Monocle in {@code mvn test}): the projections panel rebuilding a
 * projection to the end, and exporting an HTML report through the dialog, then verifying it.
 */
@ExtendWith(ApplicationExtension.class)
class PanelsWindowTest {


    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        run = Files.createTempDirectory(folder, "run");
        Path samples = Files.createDirectories(run.resolve("samples"));
        Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), samples.resolve("small-business.ledger"));
        executor = new FxTaskExecutor();
        MainWindowViewModel model = WindowTests.model(executor, run, samples);
        model.setSigningKeys(new SigningKeys(run.resolve("keys")));
        WindowTests.show(stage, model);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void openSample(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("small-business.ledger")).queryLabeled());
        waitUntil(() -> robot.lookup("#statusProjections").tryQuery().isPresent());
        waitUntil(() -> "Projections live".equals(text(robot, "#statusProjections")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rebuilding_a_projection_shows_progress_to_the_end_and_it_is_live_again(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#projectionsButton");
        TableView<ProjectionRow> table = robot.lookup("#projectionsTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 4);
        robot.clickOn(robot.lookup("#projectionsTable .table-row-cell").nth(1).queryAs(Node.class));
        robot.clickOn("#rebuildButton");
        waitUntil(() -> text(robot, "#rebuildMessage").contains("was rebuilt"));
        assertTrue(text(robot, "#rebuildMessage").startsWith("journal was rebuilt through event "), text(robot, "#rebuildMessage"));
        // done: the progress bar and Cancel have gone, the message is in the colour of success
        waitUntil(() -> !robot.lookup("#rebuildBox").queryAs(Node.class).isVisible());
        assertTrue(robot.lookup("#rebuildMessage").queryAs(Node.class).getStyleClass().contains("rebuild-message-good"));
        // the end of the rebuild is also a ControlsFX notification, for a user looking elsewhere
        waitUntil(() -> notificationSays(robot, "journal was rebuilt through event "));
        waitUntil(() -> table.getItems().get(1).health() == ProjectionHealth.LIVE);
        assertEquals("Projections live", text(robot, "#statusProjections"));
    }

    @Test
    void the_end_of_the_integrity_check_is_a_notification(FxRobot robot) throws Exception {
        openSample(robot);
        assertTrue(!notificationSays(robot, "Intact through"), "no notification before the check");
        robot.clickOn("#verifyButton");
        waitUntil(() -> notificationSays(robot, "Intact through #762"));
    }

    /** A ControlsFX notification on show has a label with {@code text} in it. */
    private static boolean notificationSays(FxRobot robot, String text) {
        return robot.lookup(".notification-bar").queryAll().stream().filter(Node::isVisible)
                .flatMap(bar -> bar.lookupAll(".label").stream())
                .anyMatch(node -> node instanceof javafx.scene.control.Labeled label && label.getText() != null && label.getText().contains(text));
    }

    @Test
    void the_suggested_report_file_shows_its_name_however_long_its_folder(FxRobot robot) throws Exception {
        TextField saveAs = reportDialog(robot, "CSV");
        waitUntil(() -> saveAs.getText().endsWith(".csv"));
        // the run folder is long enough that the whole path does not fit: its end, the file's name, must be the part seen
        assertTrue(saveAs.lookup(".text").getLayoutBounds().getWidth() > saveAs.getWidth(), "the path fits whole: " + saveAs.getText());
        waitUntil(() -> shownRight(saveAs) <= fieldRight(saveAs) + 0.5);
        assertTrue(shownRight(saveAs) <= fieldRight(saveAs) + 0.5, "the path ends at x=" + shownRight(saveAs)
                + ", beyond the field's right edge at x=" + fieldRight(saveAs));
        assertTrue(saveAs.getTooltip().getText().startsWith(saveAs.getText()), saveAs.getTooltip().getText());
    }

    @Test
    void every_label_beside_a_field_of_the_report_dialog_names_that_field(FxRobot robot) throws Exception {
        reportDialog(robot, "PDF");
        Map<String, String> labelled = new TreeMap<>();
        for (Node node : robot.lookup("#reportDialog .label").queryAll()) {
            if (node instanceof Label label && label.getLabelFor() != null) {
                labelled.put(label.getText(), label.getLabelFor().getId());
            }
        }
        assertEquals(Map.of("to", "reportTo", "by", "reportBasis", "Paper", "reportPaper", "Save as", "reportOutput"),
                labelled.entrySet().stream().filter(entry -> Set.of("to", "by", "Paper", "Save as").contains(entry.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Opens the sample, then the report dialog (Ctrl+E), picks {@code format}; gives the Save as field. */
    private TextField reportDialog(FxRobot robot, String format) throws Exception {
        openSample(robot);
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#reportDialog").tryQuery().isPresent());
        robot.clickOn("#format" + format);
        return robot.lookup("#reportOutput").queryAs(TextField.class);
    }

    /** Where the field's text ends on the screen. */
    private static double shownRight(TextField field) {
        Node text = field.lookup(".text");
        return text.localToScene(text.getLayoutBounds()).getMaxX();
    }

    /** Where the field's text area ends (inside its padding). */
    private static double fieldRight(TextField field) {
        return field.localToScene(field.getLayoutBounds()).getMaxX() - field.getPadding().getRight();
    }

    @Test
    void an_html_report_exported_through_the_dialog_names_the_ledger_and_verifies(FxRobot robot) throws Exception {
        TextField saveAs = reportDialog(robot, "HTML");
        // the suggested file is shown, not typed: read-only, drawn as plain text, skipped by Tab (issue 16.11)
        assertTrue(!saveAs.isEditable() && !saveAs.isFocusTraversable() && saveAs.getStyleClass().contains("read-only-field"));
        Path report = Path.of(robot.lookup("#reportOutput").queryAs(TextField.class).getText());
        assertTrue(report.getFileName().toString().matches("small-business-audit-\\d{4}-\\d{2}-\\d{2}\\.html"), report.toString());
        robot.clickOn("#exportReport");
        waitUntil(() -> text(robot, "#reportResult").startsWith("Signed with key "));
        assertTrue(Files.readString(report).contains("small-business.ledger"));
        robot.interact(() -> robot.lookup("#closeReportDialog").queryButton().fire());

        robot.clickOn("Tools").clickOn("Verify a report…");
        waitUntil(() -> robot.lookup("#verifyReportDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#verifyReportFile").queryAs(TextField.class).setText(report.toString()));
        robot.clickOn("#verifyReportButton");
        waitUntil(() -> text(robot, "#verifyHeadline").startsWith("✓"));
        assertEquals("✓ Genuine, and it matches this ledger", text(robot, "#verifyHeadline"));
    }
}

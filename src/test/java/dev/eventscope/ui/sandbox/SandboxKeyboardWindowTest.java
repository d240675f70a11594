package dev.eventscope.ui.sandbox;

import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Propose adjustments…" by keys alone (docs/ui.md, "Session 20 (ui)"): the reason by its letter, a form chosen by its tab
 * and proposed with Enter, the base moved by its letter to a position written as the app writes positions ("#5"), the
 * refused proposal saying why, and every label naming its field with a letter of its own.
 */
@ExtendWith(ApplicationExtension.class)
class SandboxKeyboardWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private LedgerSession session;
    private SandboxViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path ledger = run.resolve("books.ledger");
        SandboxFixture.write(ledger);
        session = TestSessions.SQLITE.open(ledger);
        executor = new FxTaskExecutor();
        model = new SandboxViewModel(session, new SandboxFiles(run.resolve("sandboxes")), "alice", executor,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        // the test's own stage, so that the robot's keys reach this window; a main window shown on it by an earlier test
        // class bound its title
        stage.titleProperty().unbind();
        new SandboxView(model).show(stage, 1240, 760);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executor.close();
        session.close();
    }

    @Test
    void every_label_beside_a_field_names_it_with_a_letter_of_its_own(FxRobot robot) {
        Node root = robot.lookup("#sandboxView").query();
        List<String> problems = new ArrayList<>();
        Map<Character, String> letters = new HashMap<>();
        for (Node node : root.lookupAll(".label")) {
            if (!(node instanceof Label label) || label.getText() == null || label.getText().isBlank() || !node.isVisible()
                    || "sandboxBase".equals(label.getId())
                    || !(label.getParent() instanceof javafx.scene.layout.HBox || label.getParent() instanceof javafx.scene.layout.FlowPane)
                    || label.getParent().getChildrenUnmodifiable().stream().noneMatch(other -> other instanceof javafx.scene.control.Control
                    && !(other instanceof Labeled) && other.isFocusTraversable())) {
                continue; // a heading, a status or a sentence: it labels no field
            }
            String text = label.getText();
            if (!label.isMnemonicParsing() || text.indexOf('_') < 0) {
                problems.add(text + " has no letter");
            } else if (letters.put(Character.toLowerCase(text.charAt(text.indexOf('_') + 1)), text) != null) {
                problems.add(text + " shares its letter");
            }
            if (label.getLabelFor() == null) {
                problems.add(text + " names no field");
            }
        }
        // before: "Reason", "Balances as of entry date:" and "Statement" had no letter, and the last two named no field
        assertEquals(List.of(), problems);
        assertTrue(letters.size() >= 3, "the bar's and the forms' labels were read: " + letters);
    }

    @Test
    void a_keyboard_user_proposes_a_reversal_moves_the_base_before_its_entry_and_reads_why_it_is_refused(FxRobot robot) {
        TableView<SandboxViewModel.BalanceRow> balances = robot.lookup("#asAdjustedTable").queryTableView();
        WindowTests.waitUntil(() -> !balances.getItems().isEmpty());

        // Alt+R: the reason
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        TextField reason = robot.lookup("#proposalReason").queryAs(TextField.class);
        WindowTests.waitUntil(reason::isFocused);
        robot.write("The January rent was booked twice");
        // Tab to the forms' tabs, Right to "Reverse", Tab into its first field
        robot.type(KeyCode.TAB);
        TabPane forms = robot.lookup("#proposalForms").queryAs(TabPane.class);
        WindowTests.waitUntil(forms::isFocused);
        robot.type(KeyCode.RIGHT);
        WindowTests.waitUntil(() -> forms.getSelectionModel().getSelectedIndex() == 1);
        robot.type(KeyCode.TAB);
        Node reverse = robot.lookup("#proposeReverseForm").query();
        WindowTests.waitUntil(() -> reverse.getScene().getFocusOwner() instanceof TextField field && isInside(field, reverse));
        robot.write("E1");
        closePopups();
        // Enter proposes the reversal: the form's own button, not another tab's
        robot.type(KeyCode.ENTER);
        try {
            WindowTests.waitUntil(() -> model.proposals().size() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException notProposed) {
            throw new AssertionError("Enter proposed nothing: message '" + model.message().get() + "', notes "
                    + robot.lookup(".field-error").queryAll().stream().filter(Node::isVisible).map(node -> ((Labeled) node).getText()).toList(),
                    notProposed);
        }
        assertTrue(model.proposals().get(0).proposal().contains("E1"), model.proposals().get(0).toString());

        // Alt+M: the base's point; "#5" (as the app writes positions) is before E1 was recorded
        robot.press(KeyCode.ALT, KeyCode.M).release(KeyCode.M, KeyCode.ALT);
        TextField point = robot.lookup("#sandboxBasePoint").queryAs(TextField.class);
        WindowTests.waitUntil(point::isFocused);
        robot.write("#5");
        robot.type(KeyCode.ENTER);
        try {
            WindowTests.waitUntil(() -> model.message().get().startsWith("Moved to"));
        } catch (org.awaitility.core.ConditionTimeoutException notMoved) {
            throw new AssertionError("the base did not move: '" + model.message().get() + "'", notMoved);
        }
        WindowTests.waitUntil(() -> !model.proposals().get(0).status().startsWith("Accepted"));
        String status = model.proposals().get(0).status();
        assertTrue(status.contains("E1"), "the refusal says why: " + status);
    }

    private static boolean isInside(Node node, Node parent) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up == parent) {
                return true;
            }
        }
        return false;
    }

    /** An entry typed shows completions while they match; the whole id typed matches none, and they go. */
    private static void closePopups() {
        WaitForAsyncUtils.waitForFxEvents();
        WindowTests.waitUntil(() -> Window.getWindows().stream().noneMatch(window -> window.isShowing()
                && window instanceof javafx.scene.control.PopupControl popup && popup.getStyleClass().contains("completion-popup")));
    }
}

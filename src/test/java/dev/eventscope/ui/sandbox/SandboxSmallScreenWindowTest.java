package dev.eventscope.ui.sandbox;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.NewUserTrialWindowTest;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Propose adjustments…" as a new user meets it on a 1280 × 720 screen (the smallest we design for), on the
 * small-business sample with its long account names and one proposal: every form fits its pane without sideways
 * scrolling, the entry form shows its three posting rows and its button, and no account name, column title or note
 * is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class SandboxSmallScreenWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private LedgerSession session;
    private Stage stage;

    /** Opens the window in the test, not in {@code @Start}: on a busy machine reading the sample outlasts its time limit. */
    private void open(FxRobot robot) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        session = TestSessions.SQLITE.openReadOnly(WindowTests.samples(run).resolve("small-business.ledger"));
        Instant now = Instant.parse("2026-01-10T09:00:00Z");
        SandboxFiles files = new SandboxFiles(run.resolve("sandboxes"));
        Sandbox sandbox = Sandbox.open(session, new SandboxContents(Sandbox.ledgerId(session), "auditor", SandboxBase.HEAD, List.of()));
        Money social = Money.of("412.50", "EUR");
        files.write(sandbox.propose(ids -> EntryCommand.PostEntry.simple(EntryId.of("ADJ-1"), LocalDate.of(2025, 12, 31),
                "Employer social security for December not accrued", List.of(
                        Posting.of(AccountName.of("expenses:salaries:employer-social-security"), social),
                        Posting.of(AccountName.of("liabilities:payroll:social-security"), social.negate()))),
                "the December payroll's employer share was booked in January", "auditor", now).contents());
        executor = new FxTaskExecutor();
        SandboxViewModel model = new SandboxViewModel(session, files, "auditor", executor, Clock.fixed(now, ZoneOffset.UTC));
        robot.interact(() -> {
            stage = new Stage();
            new SandboxView(model).show(stage, 1280, 720);
        });
    }

    @AfterEach
    void close() throws Exception {
        if (executor != null) {
            WindowTests.close(executor);
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void at_1280_by_720_the_forms_fit_and_no_account_title_or_note_is_cut(FxRobot robot) throws Exception {
        open(robot);
        TableView<?> balances = robot.lookup("#asAdjustedTable").queryTableView();
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> !balances.getItems().isEmpty() && proposals.getItems().size() == 1);

        ScrollPane entryPane = formPane(robot, "#proposeEntryForm");
        assertEquals(List.of(), visible(horizontalBars(entryPane)), "the entry form scrolls sideways");
        List<String> outside = new ArrayList<>();
        for (String id : List.of("#account0", "#account1", "#account2", "#amount2", "#submitButton")) {
            Node node = robot.from(entryPane).lookup(id).query();
            if (!within(node, entryPane)) {
                outside.add(id + " at " + sceneBounds(node));
            }
        }
        assertEquals(List.of(), outside, "not wholly seen in the entry form's pane " + sceneBounds(entryPane));

        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane openPane = formPane(robot, "#proposeOpenForm");
        Node openSubmit = robot.from(openPane).lookup("#submitButton").query();
        assertTrue(within(openSubmit, openPane), "Propose opening at " + sceneBounds(openSubmit) + ", its pane " + sceneBounds(openPane));

        WindowTests.waitUntil(() -> NewUserTrialWindowTest.cutLabels(stage.getScene().getRoot()).isEmpty());
        assertEquals(List.of(), NewUserTrialWindowTest.cutLabels(stage.getScene().getRoot()), "cut short at 1280 × 720");
    }

    /** Session 14: the sandbox could be left only with the mouse. Esc leaves it; a half-written proposal is asked about first. */
    @Test
    void esc_closes_the_sandbox_at_once_and_asks_first_while_a_proposal_is_half_written(FxRobot robot) throws Exception {
        open(robot);
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 1);
        javafx.scene.control.TextField reason = robot.lookup("#proposalReason").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            reason.requestFocus();
            reason.setText("audit fee not accrued");
        });
        robot.interact(() -> escape(stage));
        WindowTests.waitUntil(() -> robot.lookup("#sandboxLeaveDialog").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the sandbox closed with a proposal half written");
        javafx.scene.control.DialogPane ask = robot.lookup("#sandboxLeaveDialog").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.Button keep = ask.getButtonTypes().stream().map(type -> (javafx.scene.control.Button) ask.lookupButton(type))
                .filter(javafx.scene.control.Button::isDefaultButton).findFirst().orElseThrow();
        assertEquals("Keep writing", keep.getText(), "Enter keeps what was typed");
        robot.interact(keep::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Keep writing closed the sandbox");
        assertEquals("audit fee not accrued", reason.getText());

        // a choice made alone is writing too (session 14 looked at the fields' texts only): the entry's status chosen
        robot.interact(() -> reason.setText(""));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Object> status = (javafx.scene.control.ChoiceBox<Object>) stage.getScene().lookup("#proposing")
                .lookupAll(".choice-box").stream().filter(Node::isVisible).findFirst().orElseThrow();
        Object before = status.getValue();
        robot.interact(() -> status.setValue(status.getItems().stream().filter(item -> !item.equals(before)).findFirst().orElseThrow()));
        robot.interact(() -> escape(stage));
        WindowTests.waitUntil(() -> robot.lookup("#sandboxLeaveDialog").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the sandbox closed with the entry's status chosen in its form");
        javafx.scene.control.DialogPane again = robot.lookup("#sandboxLeaveDialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> again.getButtonTypes().stream().map(type -> (javafx.scene.control.Button) again.lookupButton(type))
                .filter(javafx.scene.control.Button::isDefaultButton).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> status.setValue(before));
        robot.interact(() -> escape(stage));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Esc with nothing written leaves the sandbox at once");
        assertTrue(robot.lookup("#sandboxLeaveDialog").tryQuery().isEmpty(), "nothing to ask about");
    }

    /** Esc as a key press reaches the window's focused node (Monocle's robot may hand keys to another window). */
    private static void escape(Stage window) {
        Node target = window.getScene().getFocusOwner() == null ? window.getScene().getRoot() : window.getScene().getFocusOwner();
        javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                javafx.scene.input.KeyCode.ESCAPE, false, false, false, false));
    }

    private static ScrollPane formPane(FxRobot robot, String form) {
        Node node = robot.lookup(form).query();
        while (!(node instanceof ScrollPane)) {
            node = node.getParent();
        }
        return (ScrollPane) node;
    }

    private static List<ScrollBar> horizontalBars(Node root) {
        return root.lookupAll(".scroll-bar").stream().filter(node -> node instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL).map(ScrollBar.class::cast).toList();
    }

    private static List<ScrollBar> visible(List<ScrollBar> bars) {
        return bars.stream().filter(bar -> bar.isVisible() && bar.getParent() != null && bar.getParent().isVisible()).toList();
    }

    /** Whether {@code node} lies wholly inside the viewport of {@code pane} (and so inside the window). */
    private static boolean within(Node node, ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        Bounds seen = sceneBounds(viewport);
        Bounds bounds = sceneBounds(node);
        return bounds.getWidth() > 0 && bounds.getMinX() >= seen.getMinX() - 0.5 && bounds.getMaxX() <= seen.getMaxX() + 0.5
                && bounds.getMinY() >= seen.getMinY() - 0.5 && bounds.getMaxY() <= seen.getMaxY() + 0.5
                && seen.getMaxY() <= node.getScene().getHeight() + 0.5 && seen.getMaxX() <= node.getScene().getWidth() + 0.5;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}

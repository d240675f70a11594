package dev.eventscope.ui;

import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A keyboard user's paths through the app (docs/ui.md, "Session 13"): every menu item reachable by its letter, and a
 * sample opened, an account opened, an entry posted, the ledger verified, a report exported and the workbench opened
 * and left, all by keys alone. Headless, on a copy of the bundled small-business sample.
 */
@ExtendWith(ApplicationExtension.class)
public class KeyboardWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path samples;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        executor = new FxTaskExecutor();
        this.stage = stage;
        this.samples = WindowTests.samples(run);
        model = WindowTests.showAt1280(stage, executor, run, WindowTests.samples(run));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }



    @Test
    void every_menu_and_menu_item_has_a_letter_of_its_own_within_its_menu(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> problems = new ArrayList<>();
        letters(bar.getMenus().stream().map(MenuItem.class::cast).toList(), "the menu bar", problems);
        int items = 0;
        for (Menu menu : bar.getMenus()) {
            List<MenuItem> named = menu.getItems().stream().filter(item -> !(item instanceof SeparatorMenuItem)
                    && item.isMnemonicParsing() && item.getText() != null && !item.getText().isEmpty()
                    && !"readOnly".equals(item.getId())).toList();
            items += named.size();
            letters(named, menu.getText().replace("_", ""), problems);
        }
        // before: File's "Open _read-only" and "Open _Recent" shared R, Books' "_Post entry" and "Close _period" shared P,
        // and Tools' "Propose adjustments…" had no letter at all
        assertEquals(List.of(), problems);
        assertTrue(items > 25, "the menus' items were read: " + items);
    }

    @Test
    void the_team_ledger_dialog_has_a_letter_for_every_field_and_button_and_enter_and_esc_answer(FxRobot robot) {
        // session 17's walk: URL, User and Password had no letter and no labelFor (a keyboard user tabbed through them blind)
        robot.interact(() -> TrialScreenshots.menuItem(stage, "openTeamItem").fire());
        WindowTests.waitUntil(() -> robot.lookup("#teamUrl").tryQuery().isPresent());
        Node dialog = robot.lookup("#teamLedgerDialog").query();
        List<String> problems = new ArrayList<>();
        Map<Character, String> letters = new HashMap<>();
        for (Node node : dialog.lookupAll("*")) {
            if (!(node instanceof Labeled labeled) || labeled.getText() == null || labeled.getText().isBlank()
                    || labeled.getStyleClass().contains("muted") || labeled.getStyleClass().contains("dialog-heading")
                    || "teamResult".equals(labeled.getId()) || !node.isVisible()) {
                continue;
            }
            String text = labeled.getText();
            int mark = text.indexOf('_');
            boolean command = node instanceof javafx.scene.control.ButtonBase;
            if (command && (((javafx.scene.control.ButtonBase) node) instanceof javafx.scene.control.Button button) && button.isCancelButton()) {
                continue; // Esc
            }
            if (mark < 0) {
                problems.add(text + " has no letter");
                continue;
            }
            String before = letters.put(Character.toLowerCase(text.charAt(mark + 1)), text);
            if (before != null) {
                problems.add(text + " and " + before + " share a letter");
            }
            if (node instanceof javafx.scene.control.Label label && label.getLabelFor() == null) {
                problems.add(text + " names no field (labelFor)");
            }
            // session 18's shot: a Label reads no letter unless told to, and showed "Ledger U_RL", "_User", "_Password"
            if (!labeled.isMnemonicParsing() || labeled.lookup(".text") instanceof javafx.scene.text.Text drawn
                    && drawn.getText().contains("_")) {
                problems.add(text + " shows its underscore instead of underlining its letter");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(letters.size() >= 6, "the dialog's fields and buttons were read: " + letters);
        javafx.scene.control.Button open = robot.lookup("#teamOpenButton").queryAs(javafx.scene.control.Button.class);
        assertTrue(open.isDefaultButton(), "Enter opens");
        assertTrue(dialog.lookupAll(".button").stream().anyMatch(node -> node instanceof javafx.scene.control.Button button
                && button.isCancelButton()), "Esc cancels");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    /** Adds to {@code problems} each item without a mnemonic and each letter two items share. */
    private static void letters(List<MenuItem> items, String where, List<String> problems) {
        Map<Character, List<String>> byLetter = new HashMap<>();
        for (MenuItem item : items) {
            String text = item.getText();
            int mark = text.indexOf('_');
            if (mark < 0 || mark == text.length() - 1) {
                // the explanation shown on a read-only ledger is not a command
                if (!text.startsWith("Read-only") && !text.startsWith("This ledger")) {
                    problems.add(where + " › " + text + " has no letter");
                }
                continue;
            }
            byLetter.computeIfAbsent(Character.toLowerCase(text.charAt(mark + 1)), key -> new ArrayList<>()).add(text.replace("_", ""));
        }
        byLetter.forEach((letter, named) -> {
            if (named.size() > 1) {
                problems.add(where + ": " + named + " share " + letter);
            }
        });
    }

    @Test
    void a_keyboard_user_opens_a_sample_an_account_posts_an_entry_verifies_exports_and_leaves_the_workbench(FxRobot robot)
            throws Exception {
        // the welcome screen: Tab reaches the samples, Down picks the first, Enter opens it
        WindowTests.waitUntil(() -> robot.lookup("#openButton").tryQuery().isPresent());
        ListView<?> samples = robot.lookup("#sampleList").queryAs(ListView.class);
        robot.interact(() -> robot.lookup("#openButton").query().requestFocus());
        for (int tab = 0; tab < 10 && !samples.isFocused(); tab++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(samples.isFocused(), "Tab reaches the sample ledgers");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#verifyButton").tryQuery().isPresent());
        long start = model.explorerProperty().get().session().lastPosition();

        // Books › Open account (Ctrl+Shift+A): the cursor in the account's name, Enter opens it, the form closes
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#accountField").tryQuery().map(Node::isFocused).orElse(false));
        write(robot, "assets:petty-cash");
        closePopups(robot);
        robot.type(KeyCode.ENTER);
        try {
            WindowTests.waitUntil(() -> robot.lookup("#accountField").tryQuery().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException stillOpen) {
            throw new AssertionError("the form stayed open: account '" + robot.lookup("#accountField").queryAs(TextField.class).getText()
                    + "', focus " + robot.lookup("#accountField").query().getScene().getFocusOwner() + ", notes "
                    + robot.lookup(".field-error").queryAll().stream().map(node -> ((Labeled) node).getText()).toList(), stillOpen);
        }
        assertEquals(start + 1, model.explorerProperty().get().session().lastPosition(), "the account was opened");

        // a form left by Esc posts nothing
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#formTitle").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#formTitle").tryQuery().isEmpty());

        // Books › Post entry (Ctrl+N): the cursor in the first account; Shift+Tab back to the description; Ctrl+Enter posts
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().map(Node::isFocused).orElse(false));
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WindowTests.waitUntil(() -> robot.lookup("#descriptionField").queryAs(TextField.class).isFocused());
        write(robot, "Petty cash float");
        robot.type(KeyCode.TAB);
        WindowTests.waitUntil(() -> robot.lookup("#account0").queryAs(TextField.class).isFocused());
        write(robot, "assets:petty-cash");
        closePopups(robot);
        robot.type(KeyCode.TAB);
        write(robot, "50.00");
        // past the commodity (the ledger's, filled in) and the price to the second posting, whose amount may stay empty
        robot.type(KeyCode.TAB, 3);
        WindowTests.waitUntil(() -> robot.lookup("#account1").queryAs(TextField.class).isFocused());
        write(robot, "assets:bank:checking");
        closePopups(robot);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().isEmpty());
        assertTrue(model.explorerProperty().get().session().lastPosition() > start + 1, "the entry was posted");

        // Tools › Verify integrity (Ctrl+I)
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#banner").query().isVisible()
                && robot.lookup("#banner .label").queryAll().stream().anyMatch(node -> node instanceof Labeled label
                && label.getText() != null && label.getText().startsWith("Intact")));

        // File › Export audit report (Ctrl+E): Enter exports to the suggested file, Esc closes the dialog
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#exportReport").tryQuery().map(node -> !node.isDisabled()).orElse(false));
        String output = robot.lookup("#reportOutput").queryAs(TextField.class).getText();
        robot.type(KeyCode.ENTER);
        try {
            WindowTests.waitUntil(() -> robot.lookup("#reportResultBox").query().isVisible());
        } catch (org.awaitility.core.ConditionTimeoutException notWritten) {
            Node export = robot.lookup("#exportReport").query();
            throw new AssertionError("no report: focus " + export.getScene().getFocusOwner() + ", validation '"
                    + robot.lookup("#reportValidation").queryAs(Labeled.class).getText() + "', progress '"
                    + robot.lookup("#reportProgressText").queryAs(Labeled.class).getText() + "'", notWritten);
        }
        assertTrue(Files.size(Path.of(output)) > 0, "the report was written to " + output);
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#exportReport").tryQuery().isEmpty());

        // Audit › Journal-entry tests (Ctrl+Shift+T) opens the workbench; Esc leaves it for the explorer
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#testList").tryQuery().isPresent());
        Window workbench = robot.lookup("#testList").query().getScene().getWindow();
        // Monocle hands the robot's keys to the main window while a second window without modality shows: the Esc a
        // person presses in the workbench is fired at the workbench's focused node
        robot.interact(() -> {
            Node target = workbench.getScene().getFocusOwner() != null ? workbench.getScene().getFocusOwner() : workbench.getScene().getRoot();
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.ESCAPE, false, false, false, false));
        });
        WindowTests.waitUntil(() -> !workbench.isShowing());
        assertTrue(stage.isShowing(), "the explorer stays");
    }

    @Test
    void escape_in_a_form_with_typed_input_asks_before_throwing_it_away(FxRobot robot) {
        robot.interact(() -> model.welcome().openSample(samples.resolve("small-business.ledger")));
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#verifyButton").tryQuery().isPresent());
        long start = model.explorerProperty().get().session().lastPosition();

        // Post entry (Ctrl+N), a description typed, Esc: the form asks instead of closing
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().map(Node::isFocused).orElse(false));
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WindowTests.waitUntil(() -> robot.lookup("#descriptionField").queryAs(TextField.class).isFocused());
        write(robot, "Team lunch");
        robot.type(KeyCode.ESCAPE);
        try {
            WindowTests.waitUntil(() -> robot.lookup("#keepEditing").tryQuery().isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException notAsked) {
            throw new AssertionError("Esc closed the form with 'Team lunch' typed, without asking (form showing: "
                    + robot.lookup("#descriptionField").tryQuery().isPresent() + ")", notAsked);
        }
        // Esc (or Enter) in the question keeps the form and what was typed
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#keepEditing").tryQuery().isEmpty());
        assertEquals("Team lunch", robot.lookup("#descriptionField").queryAs(TextField.class).getText());
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#keepEditing").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> robot.lookup("#keepEditing").tryQuery().isEmpty());
        assertTrue(robot.lookup("#descriptionField").tryQuery().isPresent(), "Enter keeps the form");
        // Discard (Alt+D) closes it, and nothing is posted
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#discardTyped").tryQuery().isPresent());
        robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        WindowTests.waitUntil(() -> robot.lookup("#descriptionField").tryQuery().isEmpty() && robot.lookup("#discardTyped").tryQuery().isEmpty());
        assertEquals(start, model.explorerProperty().get().session().lastPosition(), "nothing was posted");

        // a form with nothing typed closes at once
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().map(Node::isFocused).orElse(false));
        robot.type(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> robot.lookup("#account0").tryQuery().isEmpty());
        assertTrue(robot.lookup("#keepEditing").tryQuery().isEmpty(), "no question for an untouched form");
    }

    /**
     * Types {@code text} into the form over the main window (TestFX writes into its target window, the main one, and
     * Monocle calls both windows focused).
     */
    private void write(FxRobot robot, String text) {
        Window form = Window.getWindows().stream().filter(window -> window instanceof Stage && window.isShowing() && window != stage)
                .reduce((first, last) -> last).orElseThrow();
        robot.targetWindow(form);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An account typed shows completions while they match; the whole name typed matches none, and they go. */
    private static void closePopups(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        WindowTests.waitUntil(() -> Window.getWindows().stream().noneMatch(window -> window.isShowing()
                && window instanceof javafx.scene.control.PopupControl popup && popup.getStyleClass().contains("completion-popup")));
    }
}

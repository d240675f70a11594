package dev.eventscope.ui.timeline;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import dev.eventscope.ui.SampleWindowTest;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.explorer.EventRow;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.WhyLine;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Session 21's keyboard walk of the state panel's Why? and Compare tabs: a balance's postings are asked for with Enter
 * (or Alt+Y, "Why this value?"), the postings are moved through with Down and one is opened with Enter; Compare's two
 * points are reached by Alt+R and Alt+U, compared with Enter or Alt+C, and "← slider" is Alt+L. Before, Compare's "to",
 * "← slider" and "Compare" and the State tab's "Why this value?" had no letter, and Enter in the state table did nothing.
 */
class CompareWhyKeyboardWindowTest extends SampleWindowTest {

    CompareWhyKeyboardWindowTest() {
        super("small-business", 1280, 800);
    }

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    private long selectedInExplorer() {
        EventRow row = model.explorerProperty().get().history().selectedProperty().get();
        return row == null ? 0 : row.position();
    }

    private TabPane statePanel(FxRobot robot) {
        return robot.lookup("#statePanel").queryAs(TabPane.class);
    }

    private String selectedTab(FxRobot robot) {
        return statePanel(robot).getSelectionModel().getSelectedItem().getText();
    }

    @SuppressWarnings("unchecked")
    private void openCheckingAccount(FxRobot robot) {
        robot.clickOn(robot.lookup(hasText("small-business.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null && robot.lookup("#stateTable").tryQuery().isPresent());
        robot.interact(() -> model.explorerProperty().get().sidebar().select(StreamId.of("account-assets:bank:checking")));
        TableView<StateRow> state = robot.lookup("#stateTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> state.getItems().stream().anyMatch(StateRow::explainable));
    }

    /** Focuses the state table on its first balance Why? can explain, as Tab and Down would. */
    @SuppressWarnings("unchecked")
    private void chooseTheFirstBalance(FxRobot robot) {
        TableView<StateRow> state = robot.lookup("#stateTable").queryAs(TableView.class);
        robot.interact(() -> {
            statePanel(robot).getSelectionModel().select(0);
            state.requestFocus();
            for (int index = 0; index < state.getItems().size(); index++) {
                if (state.getItems().get(index).explainable()) {
                    state.getSelectionModel().select(index);
                    break;
                }
            }
        });
        WindowTests.waitUntil(state::isFocused);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_keyboard_user_asks_why_of_a_balance_and_opens_a_posting_with_enter(FxRobot robot) {
        openCheckingAccount(robot);
        chooseTheFirstBalance(robot);
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> "Why?".equals(selectedTab(robot)));
        TableView<WhyLine> why = robot.lookup("#whyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> why.getItems().size() > 2 && why.isFocused());

        robot.type(KeyCode.DOWN);
        WindowTests.waitUntil(() -> why.getSelectionModel().getSelectedItem() != null);
        robot.type(KeyCode.DOWN);
        WindowTests.waitUntil(() -> why.getSelectionModel().getSelectedIndex() >= 1);
        WhyLine chosen = why.getSelectionModel().getSelectedItem();
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> selectedInExplorer() == chosen.position());

        // Alt+Y is "Why this value?" from the State tab, as Enter is (W is the Statements tab's "Open in a window": a
        // letter twice in one window moves the focus between the two instead of pressing either)
        chooseTheFirstBalance(robot);
        Button whyButton = robot.lookup("#whyButton").queryButton();
        assertEquals("Wh_y this value?", whyButton.getText());
        alt(robot, KeyCode.Y);
        WindowTests.waitUntil(() -> "Why?".equals(selectedTab(robot)) && why.isFocused());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_keyboard_user_compares_two_points_with_the_letters_and_enter(FxRobot robot) {
        openCheckingAccount(robot);
        // every label and button of the tab has a letter of its own
        robot.interact(() -> statePanel(robot).getSelectionModel().select(statePanel(robot).getTabs().stream()
                .filter(tab -> tab.getText().equals("Compare")).findFirst().orElseThrow()));
        WindowTests.waitUntil(() -> robot.lookup("#compareFrom").tryQuery().isPresent());
        List<String> unlettered = new ArrayList<>();
        robot.interact(() -> {
            for (javafx.scene.Node node : robot.lookup("#compareFrom").query().getParent().getParent().lookupAll(".labeled")) {
                if (node instanceof javafx.scene.control.Labeled labeled && labeled.isVisible()
                        && (labeled instanceof Button || (labeled instanceof Label label && label.getLabelFor() != null))
                        && (!labeled.isMnemonicParsing() || labeled.getText().indexOf('_') < 0)) {
                    unlettered.add(labeled.getText());
                }
            }
        });
        assertEquals(List.of(), unlettered, "labels and buttons of the Compare tab without a letter");

        TextField from = robot.lookup("#compareFrom").queryAs(TextField.class);
        TextField to = robot.lookup("#compareTo").queryAs(TextField.class);
        TableView<?> table = robot.lookup("#compareTable").queryAs(TableView.class);
        Label status = robot.lookup("#compareStatus").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#stateTable").query().requestFocus());
        alt(robot, KeyCode.R);
        WindowTests.waitUntil(from::isFocused);
        robot.interact(from::clear);
        robot.write("#5");
        alt(robot, KeyCode.U);
        WindowTests.waitUntil(to::isFocused);
        robot.interact(to::clear);
        robot.write("#60");
        robot.type(KeyCode.ENTER);
        WindowTests.waitUntil(() -> !table.getItems().isEmpty() && status.getText().contains("#60"));
        String first = status.getText();

        // Alt+C compares again after a point changed; Alt+L takes the timeline's point as "to"
        alt(robot, KeyCode.R);
        WindowTests.waitUntil(from::isFocused);
        robot.interact(from::clear);
        robot.write("#10");
        alt(robot, KeyCode.C);
        WindowTests.waitUntil(() -> !status.getText().equals(first) && status.getText().contains("#10"));
        alt(robot, KeyCode.L);
        WindowTests.waitUntil(() -> !to.getText().equals("#60"));
        assertNotEquals("", to.getText());
    }

    /**
     * A letter used twice in the main window moves the focus between its two owners instead of pressing either (session
     * 21: "Why this value?" on W took Statements' "Open in a window" away). With every tab of the state panel shown once,
     * no letter of the window has two owners.
     */
    @Test
    void no_letter_of_the_main_window_has_two_owners(FxRobot robot) {
        openCheckingAccount(robot);
        for (int index = 0; index < statePanel(robot).getTabs().size(); index++) {
            int tab = index;
            robot.interact(() -> statePanel(robot).getSelectionModel().select(tab));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> statePanel(robot).getSelectionModel().select(0));
        List<String> shared = new ArrayList<>();
        List<String> all = new ArrayList<>();
        robot.interact(() -> statePanel(robot).getScene().getMnemonics().forEach((combination, owners) -> {
            all.add(combination.getName());
            if (owners.size() > 1) {
                shared.add(combination.getName() + ": " + owners.stream().map(owner -> owner.getNode() instanceof javafx.scene.control.Labeled
                        labeled ? labeled.getText() : String.valueOf(owner.getNode())).toList());
            }
        }));
        org.junit.jupiter.api.Assertions.assertTrue(all.size() >= 12, "the window's letters were read: " + all);
        assertEquals(List.of(), shared, "letters with two owners");
    }
}

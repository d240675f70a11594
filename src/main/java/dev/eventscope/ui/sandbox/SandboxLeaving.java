package dev.eventscope.ui.sandbox;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Esc leaves the sandbox window, as it leaves the workbench and every dialog: at once when nothing is being written
 * (each proposal is kept in the sandbox file the moment it is made), after asking when a proposal is half written (a
 * field's text or choice changed since the window opened or since the last proposal). A popup (completion, date picker) takes Esc first.
 */
final class SandboxLeaving {

    /** The id of the node holding what a proposal is written in (the reason and the forms). */
    static final String PROPOSING = "proposing";

    private final Stage stage;
    private final Scene scene;
    /**
     * What each field held when nothing was being written (at opening, and after each proposal, which clears its form):
     * a text field's text, a combo box's or date picker's choice, a check box's tick.
     */
    private final Map<Node, Object> written = new HashMap<>();

    private SandboxLeaving(Stage stage) {
        this.stage = stage;
        this.scene = stage.getScene();
    }

    /** Lets Esc close {@code stage} (its scene already set); {@code message} changes when a proposal is made. */
    static void byEscape(Stage stage, ObservableValue<String> message) {
        SandboxLeaving leaving = new SandboxLeaving(stage);
        leaving.remember();
        message.addListener((observable, before, now) -> leaving.remember());
        // caught on the way down: the tables and fields consume Esc
        leaving.scene.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                leaving.leave();
            }
        });
    }

    private void remember() {
        written.clear();
        fields().forEach(field -> written.put(field, held(field)));
    }

    /**
     * Whether a field the person can see holds what it did not hold when nothing was being written: typed text, or a
     * choice made alone (an entry's status chosen, a date picked, a box ticked) — session 14 looked at texts only.
     */
    boolean halfWritten() {
        return fields().anyMatch(field -> field.isVisible() && !field.isDisabled() && held(field) != null
                && !"".equals(held(field)) && !Objects.equals(held(field), written.get(field)));
    }

    private java.util.stream.Stream<Node> fields() {
        Node proposing = scene.lookup("#" + PROPOSING);
        return (proposing == null ? scene.getRoot() : proposing).lookupAll("*").stream().filter(node -> node instanceof TextInputControl
                || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?> || node instanceof CheckBox);
    }

    /** What {@code field} holds: its text, its choice or its tick (a tick not given is nothing held). */
    private static Object held(Node field) {
        if (field instanceof TextInputControl text) {
            return text.getText();
        }
        if (field instanceof ComboBoxBase<?> choice) {
            return choice.getValue();
        }
        if (field instanceof ChoiceBox<?> choice) {
            return choice.getValue();
        }
        return ((CheckBox) field).isSelected() ? Boolean.TRUE : null;
    }

    private void leave() {
        if (!halfWritten()) {
            stage.close();
            return;
        }
        ButtonType discard = new ButtonType("Discard and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep writing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The proposal you are writing has not been proposed: closing"
                + " discards what you typed. The proposals already made stay in your sandbox.", discard, keep);
        ask.initOwner(stage);
        ask.setTitle("Propose adjustments");
        ask.setHeaderText("Close the sandbox?");
        ask.getDialogPane().setId("sandboxLeaveDialog");
        ask.getDialogPane().setMinWidth(460);
        // Enter keeps what was typed; leaving takes a deliberate choice
        ((Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.setOnHidden(hidden -> {
            if (ask.getResult() == discard) {
                stage.close();
            }
        });
        ask.show();
    }
}

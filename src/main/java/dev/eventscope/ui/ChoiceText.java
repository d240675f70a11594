package dev.eventscope.ui;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a choice box shows its choices: each choice's text, never typed back (choices are picked). */
public final class ChoiceText {

    private ChoiceText() {
    }

    /**
     * Up and Down on a closed choice box choose the previous or next choice, as they do in a combo box (the Benford
     * chooser); Space (and Alt+Down) still opens the list. Before, a keyboard user had to open the list to change a choice.
     */
    public static void stepsByArrows(javafx.scene.control.ChoiceBox<?> choice) {
        choice.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (choice.isShowing() || key.isAltDown() || key.isControlDown() || key.isShortcutDown()
                    || (key.getCode() != javafx.scene.input.KeyCode.DOWN && key.getCode() != javafx.scene.input.KeyCode.UP)) {
                return;
            }
            int at = choice.getSelectionModel().getSelectedIndex();
            int next = key.getCode() == javafx.scene.input.KeyCode.DOWN ? at + 1 : at - 1;
            if (next >= 0 && next < choice.getItems().size()) {
                choice.getSelectionModel().select(next);
            }
            key.consume();
        });
        // its release would open the list (ChoiceBox's own binding): the choice is made, the list stays closed
        choice.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, key -> {
            if (!choice.isShowing() && !key.isAltDown() && (key.getCode() == javafx.scene.input.KeyCode.DOWN
                    || key.getCode() == javafx.scene.input.KeyCode.UP)) {
                key.consume();
            }
        });
    }

    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}

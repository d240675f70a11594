package dev.eventscope.ui.commands;

import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.PopupControl;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.Locale;

/**
 * Completes a text field from a list (account names, entry ids) with ControlsFX's auto-completion: matches by any
 * part of the text, up to ten at a time. Esc with the list open closes the list only; the form (whose Close button
 * is its cancel button) stays open with what was typed.
 */
public final class CompletionPopup {

    static final int LIMIT = 10;

    private CompletionPopup() {
    }

    public static AutoCompletionBinding<String> attach(TextField field, ObservableList<String> choices) {
        // the suggestions are asked for on ControlsFX's own thread: it reads a copy, never the list the UI changes
        List<String>[] current = new List[]{List.copyOf(choices)};
        choices.addListener((InvalidationListener) changed -> current[0] = List.copyOf(choices));
        AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(field, request -> matches(current[0], request.getUserText()));
        binding.setVisibleRowCount(LIMIT);
        binding.setDelay(50);
        // held as the JavaFX popup it is: the class ControlsFX returns is its implementation, which ui may not name
        PopupControl popup = binding.getAutoCompletionPopup();
        popup.getStyleClass().add("completion-popup");
        field.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE && popup.isShowing()) {
                popup.hide();
                key.consume();
            }
        });
        return binding;
    }

    /** The choices that contain {@code typed} (any case), the text itself left out, at most {@link #LIMIT}. */
    static List<String> matches(List<String> choices, String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        return choices.stream().filter(choice -> choice.toLowerCase(Locale.ROOT).contains(needle))
                .filter(choice -> !choice.equalsIgnoreCase(needle)).limit(LIMIT).toList();
    }
}

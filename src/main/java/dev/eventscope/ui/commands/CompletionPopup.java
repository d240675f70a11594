package dev.eventscope.ui.commands;

import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.Locale;

/** Completes a text field from a list (account names, entry ids): matches by any part of the text, up to ten at a time. */
public final class CompletionPopup {

    private static final int LIMIT = 10;

    private final TextField field;
    private final ObservableList<String> choices;
    private final ContextMenu popup = new ContextMenu();
    private boolean choosing;

    private CompletionPopup(TextField field, ObservableList<String> choices) {
        this.field = field;
        this.choices = choices;
        popup.getStyleClass().add("completion-popup");
        field.textProperty().addListener((observable, before, text) -> {
            if (!choosing && field.isFocused()) {
                update(text);
            }
        });
        field.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
    }

    public static CompletionPopup attach(TextField field, ObservableList<String> choices) {
        return new CompletionPopup(field, choices);
    }

    private void update(String text) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            popup.hide();
            return;
        }
        List<String> matches = choices.stream().filter(choice -> choice.toLowerCase(Locale.ROOT).contains(typed))
                .filter(choice -> !choice.equalsIgnoreCase(typed)).limit(LIMIT).toList();
        if (matches.isEmpty()) {
            popup.hide();
            return;
        }
        popup.getItems().clear();
        for (String match : matches) {
            CustomMenuItem item = new CustomMenuItem(new Label(match), true);
            item.setOnAction(event -> choose(match));
            popup.getItems().add(item);
        }
        if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            popup.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void choose(String value) {
        choosing = true;
        try {
            field.setText(value);
            field.positionCaret(value.length());
        } finally {
            choosing = false;
        }
        popup.hide();
    }
}

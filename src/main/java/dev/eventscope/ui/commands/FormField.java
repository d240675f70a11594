package dev.eventscope.ui.commands;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;

/**
 * One field of a command form: its key (what rule violations are mapped to), label, kind, the
 * value (text or date), a live hint (for example the account type), and the domain's message
 * when the last submission was refused because of this field.
 */
public final class FormField {

    private final String key;
    private final String label;
    private final FieldKind kind;
    private final String prompt;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty hintIsProblem = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty unreadable = new SimpleStringProperty("");

    public FormField(String key, String label, FieldKind kind, String prompt) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.prompt = prompt;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public FieldKind kind() {
        return kind;
    }

    public String prompt() {
        return prompt;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The text, stripped; empty when blank. */
    public String value() {
        return text.get() == null ? "" : text.get().strip();
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty hintProperty() {
        return hint;
    }

    public BooleanProperty hintIsProblemProperty() {
        return hintIsProblem;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /**
     * The sentence for text typed into the field that cannot be read (a date field holding "31.31.2025"), "" when it
     * reads; the form refuses to submit while one is set, since the field's value is still the one it had before.
     */
    public StringProperty unreadableProperty() {
        return unreadable;
    }

    /** Marks the field's typed text as unreadable ({@code problem}) or readable (""), and shows that at once. */
    public void typed(String problem) {
        unreadable.set(problem);
        error.set(problem);
    }

    void showHint(String message, boolean problem) {
        hint.set(message);
        hintIsProblem.set(problem);
    }
}

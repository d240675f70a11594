package dev.eventscope.ui.workbench;

import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.Severity;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/** The workbench's "Mark as finding…": asks for a severity and a note (each with a letter) and records the finding. */
final class MarkAsFinding {

    private MarkAsFinding() {
    }

    /** A button that asks for a severity and a note and records a finding on what {@code target} gives. */
    static Button button(Window owner, FindingsViewModel findings, Supplier<FindingTarget> target) {
        Button mark = new Button("_Mark as finding…");
        mark.getStyleClass().add("mark-finding");
        mark.setOnAction(event -> {
            FindingTarget about = target.get();
            if (about == null) {
                return;
            }
            TextInputDialog note = new TextInputDialog();
            note.initOwner(owner);
            note.setTitle("Mark as finding");
            note.setHeaderText("Finding on " + about.describe());
            ChoiceBox<Severity> severity = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(Severity.values()));
            severity.setValue(Severity.MEDIUM);
            severity.setId("findingSeverity");
            note.getEditor().setId("findingNote");
            note.getDialogPane().setContent(new VBox(8, lettered("_Severity", severity), severity, lettered("_Note", note.getEditor()),
                    note.getEditor()));
            note.showAndWait().ifPresent(text -> findings.mark(about, severity.getValue(), text));
        });
        return mark;
    }

    /** A label naming {@code field}, its letter marked by an underscore ("_Tests": Alt+T moves to the list). */
    static Label lettered(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}

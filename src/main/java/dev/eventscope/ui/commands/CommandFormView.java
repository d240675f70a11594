package dev.eventscope.ui.commands;

import dev.eventscope.ui.DateFields;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A plain command form (open, freeze, unfreeze or close an account, close or reopen a period,
 * reverse an entry): one row per {@link FormField}, with its hint and its error beneath it.
 */
public final class CommandFormView {

    private final CommandFormViewModel model;
    private Stage stage;

    @FXML private Parent formRoot;
    @FXML private Label formTitle;
    @FXML private Label readOnlyNote;
    @FXML private GridPane fieldGrid;
    @FXML private Label generalError;
    @FXML private VBox conflictBox;
    @FXML private Label conflictText;
    @FXML private Label doneText;
    @FXML private Button submitButton;
    @FXML private Button cancelButton;

    public CommandFormView(CommandFormViewModel model) {
        this.model = model;
    }

    /** Loads the form, shows it in its own window over {@code owner}, and closes it after a successful command. */
    public static Stage show(Window owner, CommandFormViewModel model) {
        CommandFormView view = new CommandFormView(model);
        Parent root = view.load();
        view.stage = FormWindow.show(owner, root, model.title());
        model.setOnDone(message -> view.stage.close());
        model.loadChoices();
        // the cursor in the first field, so a keyboard user types at once (the window's own first focus was not always it)
        if (!model.fields().isEmpty()) {
            root.lookup("#" + model.fields().get(0).key() + "Field").requestFocus();
        }
        return view.stage;
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(CommandFormView.class.getResource("/dev/eventscope/ui/commands/CommandForm.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the form could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        formTitle.setText(model.title());
        submitButton.setText(model.submitLabel());
        int row = 0;
        // ControlsFX decorates the field a refusal or an unreadable date concerns; the sentence stays beneath it
        org.controlsfx.validation.ValidationSupport validation = new org.controlsfx.validation.ValidationSupport();
        for (FormField field : model.fields()) {
            Label label = new Label(field.label());
            label.getStyleClass().add("field-label");
            Control input = input(field);
            input.setId(field.key() + "Field");
            input.disableProperty().bind(model.runningProperty());
            label.setLabelFor(input);
            Label note = new Label();
            note.setId(field.key() + "Error");
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            // as tall as its lines: the open-account hint was cut to "any other name is ..." on a row of two lines
            note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            note.textProperty().bind(Bindings.when(field.errorProperty().isEmpty()).then(field.hintProperty()).otherwise(field.errorProperty()));
            bindProblemStyle(note, field);
            validation.registerValidator(input, false, (Control control, Object value) -> org.controlsfx.validation.ValidationResult
                    .fromErrorIf(control, field.errorProperty().get(), !field.errorProperty().get().isEmpty()));
            field.errorProperty().addListener((observable, before, now) -> validation.revalidate(input));
            fieldGrid.add(label, 0, row);
            fieldGrid.add(input, 1, row);
            fieldGrid.add(note, 1, row + 1);
            row += 2;
        }
        bindCommon(model, generalError, conflictBox, conflictText, doneText, submitButton, cancelButton, readOnlyNote);
    }

    private Control input(FormField field) {
        if (field.kind() == FieldKind.DATE) {
            DatePicker picker = new DatePicker();
            picker.valueProperty().bindBidirectional(field.dateProperty());
            DateFields.install(picker, field::typed);
            picker.setMaxWidth(Double.MAX_VALUE);
            return picker;
        }
        TextField text = new TextField();
        text.setPromptText(field.prompt());
        text.textProperty().bindBidirectional(field.textProperty());
        if (field.kind() == FieldKind.ACCOUNT) {
            CompletionPopup.attach(text, model.accountChoices());
        } else if (field.kind() == FieldKind.ENTRY) {
            CompletionPopup.attach(text, model.entryChoices());
        }
        return text;
    }

    private static void bindProblemStyle(Label note, FormField field) {
        Runnable restyle = () -> {
            note.getStyleClass().removeAll("field-error", "field-hint");
            boolean problem = !field.errorProperty().get().isEmpty() || field.hintIsProblemProperty().get();
            note.getStyleClass().add(problem ? "field-error" : "field-hint");
        };
        field.errorProperty().addListener((observable, before, now) -> restyle.run());
        field.hintIsProblemProperty().addListener((observable, before, now) -> restyle.run());
        restyle.run();
    }

    /**
     * Binds what every form shows the same way: the general error, the conflict box, the done line, read-only mode, and
     * the button that leaves the form: "Cancel" until something was done, then "Close" (a "Close" beside "Close period"
     * or "Close account" read as a second way to close the period or the account).
     */
    static void bindCommon(CommandFormViewModel model, Label generalError, VBox conflictBox, Label conflictText, Label doneText,
                           Button submitButton, Button cancelButton, Label readOnlyNote) {
        cancelButton.textProperty().bind(model.doneProperty().map(text -> text.isEmpty() ? "Cancel" : "Close"));
        generalError.textProperty().bind(model.generalErrorProperty());
        show(generalError, !model.generalErrorProperty().get().isEmpty());
        model.generalErrorProperty().addListener((observable, before, text) -> show(generalError, !text.isEmpty()));
        conflictText.textProperty().bind(model.conflictProperty().map(ConflictReport::describe).orElse(""));
        show(conflictBox, false);
        model.conflictProperty().addListener((observable, before, conflict) -> show(conflictBox, conflict != null));
        doneText.textProperty().bind(model.doneProperty());
        submitButton.disableProperty().bind(model.runningProperty());
        show(readOnlyNote, model.readOnly());
        if (model.readOnly()) {
            readOnlyNote.setText(CommandFormViewModel.READ_ONLY_REASON);
            submitButton.disableProperty().unbind();
            submitButton.setDisable(true);
            submitButton.setTooltip(new Tooltip(CommandFormViewModel.READ_ONLY_REASON));
        }
    }

    static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void submit() {
        model.submit();
    }

    @FXML
    private void retry() {
        model.retry();
    }

    @FXML
    private void dismissConflict() {
        model.dismissConflict();
    }

    @FXML
    private void close() {
        if (!FormWindow.mayClose(formRoot)) {
            return; // the person keeps what they typed
        }
        formRoot.getScene().getWindow().hide();
    }
}

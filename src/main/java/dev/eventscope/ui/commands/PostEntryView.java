package dev.eventscope.ui.commands;

import dev.eventscope.ui.DateFields;
import dev.eventscope.domain.ledger.EntryStatus;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The post-entry form: header fields, the postings grid (Tab through cells, Enter adds a row,
 * Ctrl+Enter posts) with its running imbalance, and each refusal beside what it concerns.
 */
public final class PostEntryView {

    private final PostEntryViewModel model;

    @FXML private Parent formRoot;
    @FXML private Label readOnlyNote;
    @FXML private DatePicker dateField;
    @FXML private ChoiceBox<EntryStatus> statusField;
    @FXML private TextField codeField;
    @FXML private TextField descriptionField;
    @FXML private Label dateError;
    @FXML private Label descriptionError;
    @FXML private VBox rowsBox;
    @FXML private Label imbalanceLabel;
    @FXML private Label gridError;
    @FXML private Label generalError;
    @FXML private VBox conflictBox;
    @FXML private Label conflictText;
    @FXML private Label doneText;
    @FXML private Button submitButton;
    @FXML private Button cancelButton;
    @FXML private Button addRowButton;

    public PostEntryView(PostEntryViewModel model) {
        this.model = model;
    }

    /** Shows the form in its own window over {@code owner}; it closes after the entry is posted. */
    public static Stage show(Window owner, PostEntryViewModel model) {
        PostEntryView view = new PostEntryView(model);
        Parent root = view.load();
        Stage stage = FormWindow.show(owner, root, model.title());
        model.setOnDone(message -> stage.close());
        model.loadChoices();
        view.focusFirstAccount();
        return stage;
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(PostEntryView.class.getResource("/dev/eventscope/ui/commands/PostEntry.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the post-entry form could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        dateField.valueProperty().bindBidirectional(model.field(ViolationTarget.DATE).dateProperty());
        DateFields.install(dateField, model.field(ViolationTarget.DATE)::typed);
        descriptionField.textProperty().bindBidirectional(model.field(ViolationTarget.DESCRIPTION).textProperty());
        codeField.textProperty().bindBidirectional(model.field("code").textProperty());
        statusField.setItems(FXCollections.observableArrayList(EntryStatus.values()));
        statusField.setConverter(new StringConverter<>() {
            @Override
            public String toString(EntryStatus status) {
                return status == null ? "" : switch (status) {
                    case UNMARKED -> "unmarked";
                    case PENDING -> "! pending";
                    case CLEARED -> "* cleared";
                };
            }

            @Override
            public EntryStatus fromString(String text) {
                return EntryStatus.UNMARKED;
            }
        });
        statusField.valueProperty().bindBidirectional(model.statusProperty());
        bindError(dateError, model.field(ViolationTarget.DATE).errorProperty());
        bindError(descriptionError, model.field(ViolationTarget.DESCRIPTION).errorProperty());
        bindError(gridError, model.gridErrorProperty());
        imbalanceLabel.textProperty().bind(model.imbalanceProperty());
        restyleImbalance();
        model.balancedProperty().addListener((observable, before, now) -> restyleImbalance());
        model.imbalanceProperty().addListener((observable, before, now) -> restyleImbalance());
        model.rows().addListener((ListChangeListener<PostingRow>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved();
            }
            if (structural) {
                rebuildRows();
            }
        });
        rebuildRows();
        for (var node : java.util.List.of(dateField, statusField, codeField, descriptionField)) {
            node.disableProperty().bind(model.runningProperty());
        }
        addRowButton.disableProperty().bind(model.runningProperty());
        CommandFormView.bindCommon(model, generalError, conflictBox, conflictText, doneText, submitButton, cancelButton, readOnlyNote);
        formRoot.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER && key.isShortcutDown()) {
                key.consume();
                model.submit();
            }
        });
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue error) {
        label.textProperty().bind(error);
        CommandFormView.show(label, !error.get().isEmpty());
        error.addListener((observable, before, text) -> CommandFormView.show(label, !text.isEmpty()));
    }

    private void restyleImbalance() {
        imbalanceLabel.getStyleClass().removeAll("balanced", "unbalanced");
        if (model.balancedProperty().get()) {
            imbalanceLabel.getStyleClass().add("balanced");
        } else if (model.imbalanceProperty().get().startsWith("Off by")) {
            imbalanceLabel.getStyleClass().add("unbalanced");
        }
    }

    private void rebuildRows() {
        rowsBox.getChildren().clear();
        int index = 0;
        for (PostingRow row : model.rows()) {
            rowsBox.getChildren().add(rowNode(row, index++));
        }
    }

    private VBox rowNode(PostingRow row, int index) {
        TextField account = cell(row.accountProperty(), "expenses:office", 330, "account" + index);
        CompletionPopup.attach(account, model.accountChoices());
        TextField amount = cell(row.amountProperty(), "0.00", 120, "amount" + index);
        amount.getStyleClass().add("amount-cell");
        TextField commodity = cell(row.commodityProperty(), "EUR", 90, "commodity" + index);
        TextField price = cell(row.priceProperty(), "", 190, "price" + index);
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("flat", "remove-row");
        remove.setFocusTraversable(false);
        remove.setOnAction(event -> model.removeRow(row));
        remove.setTooltip(new javafx.scene.control.Tooltip("Remove this posting"));
        HBox cells = new HBox(6, account, amount, commodity, price, remove);
        Label error = new Label();
        error.setId("rowError" + index);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        bindError(error, row.errorProperty());
        VBox box = new VBox(2, cells, error);
        box.getStyleClass().add("posting-row");
        return box;
    }

    private TextField cell(javafx.beans.property.StringProperty value, String prompt, double width, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setMinWidth(width);
        field.textProperty().bindBidirectional(value);
        field.disableProperty().bind(model.runningProperty());
        field.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ENTER && !key.isShortcutDown()) {
                key.consume();
                addRow();
            }
        });
        return field;
    }

    @FXML
    private void addRow() {
        model.addRow();
        int last = model.rows().size() - 1;
        rowsBox.lookupAll("#account" + last).stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    private void focusFirstAccount() {
        rowsBox.lookupAll("#account0").stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
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

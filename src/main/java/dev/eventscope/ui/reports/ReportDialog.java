package dev.eventscope.ui.reports;

import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.TimeBasis;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** File › Export audit report…: a window over {@link ReportDialogViewModel}, built in code. */
public final class ReportDialog {

    private final ReportDialogViewModel model;
    private final Stage stage = new Stage();

    private ReportDialog(ReportDialogViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export audit report — " + model.ledgerName());
        Scene scene = new Scene(build());
        scene.getStylesheets().add(ReportDialog.class.getResource("/dev/eventscope/ui/reports/reports.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(620);
        stage.setOnHidden(event -> model.cancel());
        // the progress, error and result rows appear as the export goes: grow the window to show them
        for (javafx.beans.Observable change : new javafx.beans.Observable[]{model.runningProperty(), model.writtenProperty(),
                model.errorProperty(), model.validationProperty(), model.progressTextProperty().isEmpty()}) {
            change.addListener(ignored -> javafx.application.Platform.runLater(this::fitHeight));
        }
    }

    /** Shows the dialog (not waiting for it to close). */
    public static ReportDialog show(ReportDialogViewModel model, Window owner) {
        ReportDialog dialog = new ReportDialog(model, owner);
        model.loadAccounts();
        dialog.stage.show();
        return dialog;
    }

    private VBox build() {
        Label heading = new Label("Export a signed audit report of " + model.ledgerName());
        heading.getStyleClass().add("dialog-heading");

        GridPane scope = new GridPane();
        scope.getStyleClass().add("scope-grid");
        scope.setHgap(10);
        scope.setVgap(8);
        scope.getColumnConstraints().addAll(new ColumnConstraints(120), grow());

        TextField account = new TextField();
        account.setId("reportAccount");
        account.setPromptText("e.g. assets:bank (sub-accounts included)");
        account.textProperty().bindBidirectional(model.accountProperty());
        attachCompletion(account);
        addRow(scope, 0, check("reportAccountOn", "Account", model.accountOnProperty().get()), account, model.accountOnProperty());

        TextField entry = new TextField();
        entry.setId("reportEntry");
        entry.setPromptText("journal entry id (its postings and reversals included)");
        entry.textProperty().bindBidirectional(model.entryIdProperty());
        addRow(scope, 1, check("reportEntryOn", "Journal entry", false), entry, model.entryOnProperty());

        TextField user = new TextField();
        user.setId("reportUser");
        user.setPromptText("user name, e.g. alice");
        user.textProperty().bindBidirectional(model.userProperty());
        addRow(scope, 2, check("reportUserOn", "User", false), user, model.userOnProperty());

        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.setPromptText("first day");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.setPromptText("last day");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        ChoiceBox<TimeBasis> basis = new ChoiceBox<>();
        basis.getItems().setAll(TimeBasis.values());
        basis.setConverter(converter(TimeBasis::label));
        basis.valueProperty().bindBidirectional(model.basisProperty());
        HBox period = new HBox(8, from, new Label("to"), to, new Label("by"), basis);
        period.setAlignment(Pos.CENTER_LEFT);
        addRow(scope, 3, check("reportPeriodOn", "Period", false), period, model.periodOnProperty());

        Label scopeText = new Label();
        scopeText.setId("reportScopeText");
        scopeText.getStyleClass().add("muted");
        scopeText.setWrapText(true);
        scopeText.textProperty().bind(Bindings.createStringBinding(() -> "Covers " + model.scope().describe() + ".",
                model.accountOnProperty(), model.accountProperty(), model.entryOnProperty(), model.entryIdProperty(),
                model.userOnProperty(), model.userProperty(), model.periodOnProperty(), model.fromProperty(),
                model.toProperty(), model.basisProperty()));

        ToggleGroup formats = new ToggleGroup();
        HBox formatBox = new HBox(12);
        formatBox.setAlignment(Pos.CENTER_LEFT);
        for (ReportFormat format : ReportFormat.values()) {
            RadioButton button = new RadioButton(format.name());
            button.setId("format" + format.name());
            button.setUserData(format);
            button.setToggleGroup(formats);
            button.setSelected(format == model.formatProperty().get());
            formatBox.getChildren().add(button);
        }
        formats.selectedToggleProperty().addListener((observable, before, selected) -> {
            if (selected != null) {
                model.formatProperty().set((ReportFormat) selected.getUserData());
            }
        });
        ChoiceBox<PaperSize> paper = new ChoiceBox<>();
        paper.setId("reportPaper");
        paper.getItems().setAll(PaperSize.values());
        paper.setConverter(converter(size -> size == PaperSize.A4 ? "A4" : "Letter"));
        paper.valueProperty().bindBidirectional(model.paperProperty());
        paper.disableProperty().bind(model.formatProperty().isNotEqualTo(ReportFormat.PDF));
        Label paperLabel = new Label("Paper");
        formatBox.getChildren().addAll(new Pane(), paperLabel, paper);
        HBox.setMargin(paperLabel, new Insets(0, 0, 0, 16));

        TextField output = new TextField();
        output.setId("reportOutput");
        output.setEditable(false);
        output.textProperty().bind(model.outputFileProperty().map(Path::toString));
        HBox.setHgrow(output, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("chooseReportFile");
        choose.setOnAction(event -> chooseFile());
        HBox outputBox = new HBox(8, output, choose);

        GridPane settings = new GridPane();
        settings.setHgap(10);
        settings.setVgap(8);
        settings.getColumnConstraints().addAll(new ColumnConstraints(120), grow());
        settings.addRow(0, new Label("Format"), formatBox);
        settings.addRow(1, new Label("Save as"), outputBox);

        Label validation = new Label();
        validation.setId("reportValidation");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.textProperty().bind(Bindings.createStringBinding(() -> !model.errorProperty().get().isEmpty()
                ? model.errorProperty().get() : model.validationProperty().get(), model.errorProperty(), model.validationProperty()));
        showWhen(validation, validation.textProperty().isNotEmpty());

        ProgressBar bar = new ProgressBar(0);
        bar.setId("reportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelReport");
        cancel.setOnAction(event -> model.cancel());
        showWhen(cancel, model.runningProperty());
        Label progressText = new Label();
        progressText.setId("reportProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        VBox progressBox = new VBox(4, new HBox(8, bar, cancel), progressText);
        showWhen(progressBox, model.runningProperty().or(model.progressTextProperty().isNotEmpty()));

        Label result = new Label();
        result.setId("reportResult");
        result.getStyleClass().add("result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Button openFile = new Button("Open report");
        openFile.setId("openReport");
        openFile.setOnAction(event -> DesktopDocuments.show(model.writtenProperty().get()));
        Button openFolder = new Button("Open folder");
        openFolder.setId("openReportFolder");
        openFolder.setOnAction(event -> DesktopDocuments.show(model.writtenProperty().get().toAbsolutePath().getParent()));
        VBox resultBox = new VBox(6, result, new HBox(8, openFile, openFolder));
        resultBox.getStyleClass().add("result-box");
        showWhen(resultBox, model.writtenProperty().isNotNull());

        Button export = new Button("Export");
        export.setId("exportReport");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.runningProperty().or(model.validationProperty().isNotEmpty()));
        export.setOnAction(event -> model.export());
        Button close = new Button("Close");
        close.setId("closeReportDialog");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, export, close);

        Label scopeTitle = new Label("SCOPE — tick any combination; nothing ticked is the whole ledger");
        scopeTitle.getStyleClass().add("section-title");
        Label outputTitle = new Label("OUTPUT");
        outputTitle.getStyleClass().add("section-title");
        VBox root = new VBox(10, heading, scopeTitle, scope, scopeText, new Separator(), outputTitle, settings,
                validation, progressBox, resultBox, buttons);
        root.setId("reportDialog");
        root.getStyleClass().add("report-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(680);
        return root;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    private static CheckBox check(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    private static void addRow(GridPane grid, int row, CheckBox box, Node field, javafx.beans.property.BooleanProperty on) {
        box.selectedProperty().bindBidirectional(on);
        field.disableProperty().bind(on.not());
        grid.addRow(row, box, field);
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    private void attachCompletion(TextField field) {
        ContextMenu suggestions = new ContextMenu();
        suggestions.setId("accountSuggestions");
        field.textProperty().addListener((observable, before, typed) -> {
            if (!field.isFocused()) {
                return;
            }
            List<String> matches = model.accountsMatching(typed);
            if (typed.isBlank() || matches.isEmpty() || matches.equals(List.of(typed.strip()))) {
                suggestions.hide();
                return;
            }
            suggestions.getItems().setAll(matches.stream().map(name -> {
                MenuItem item = new MenuItem(name);
                item.setMnemonicParsing(false);
                item.setOnAction(event -> {
                    field.setText(name);
                    field.positionCaret(name.length());
                });
                return item;
            }).toList());
            if (!suggestions.isShowing()) {
                suggestions.show(field, javafx.geometry.Side.BOTTOM, 0, 0);
            }
        });
        field.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                suggestions.hide();
            }
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                suggestions.hide();
            }
        });
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the audit report as");
        Path current = model.outputFileProperty().get();
        if (current != null) {
            File folder = current.toAbsolutePath().getParent().toFile();
            if (folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            chooser.setInitialFileName(current.getFileName().toString());
        }
        ReportFormat format = model.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name() + " report",
                "*." + format.extension().toLowerCase(Locale.ROOT)));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            model.chooseOutput(chosen.toPath());
        }
    }

    private void fitHeight() {
        if (stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    public Stage stage() {
        return stage;
    }
}

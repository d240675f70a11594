package dev.eventscope.ui.reports;

import dev.eventscope.ui.BaseLook;
import dev.eventscope.ui.DateFields;
import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.TimeBasis;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** File › Export audit report…: a window over {@link ReportDialogViewModel}, laid out in ReportDialog.fxml. */
public final class ReportDialog {

    private final ReportDialogViewModel model;
    private final Stage stage = new Stage();

    @FXML private Label heading;
    @FXML private CheckBox reportAccountOn;
    @FXML private TextField reportAccount;
    @FXML private CheckBox reportEntryOn;
    @FXML private TextField reportEntry;
    @FXML private CheckBox reportUserOn;
    @FXML private TextField reportUser;
    @FXML private CheckBox reportPeriodOn;
    @FXML private HBox reportPeriod;
    @FXML private DatePicker reportFrom;
    @FXML private DatePicker reportTo;
    @FXML private ChoiceBox<TimeBasis> reportBasis;
    @FXML private Label reportScopeText;
    @FXML private Label reportToLabel;
    @FXML private Label reportBasisLabel;
    @FXML private Label reportPaperLabel;
    @FXML private Label reportOutputLabel;
    @FXML private HBox reportFormats;
    @FXML private ChoiceBox<PaperSize> reportPaper;
    @FXML private TextField reportOutput;
    @FXML private Label reportValidation;
    @FXML private VBox reportProgressBox;
    @FXML private ProgressBar reportProgress;
    @FXML private Button cancelReport;
    @FXML private Label reportProgressText;
    @FXML private VBox reportResultBox;
    @FXML private Label reportResult;
    @FXML private Button exportReport;

    private ReportDialog(ReportDialogViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export audit report — " + model.ledgerName());
        Scene scene = new Scene(load());
        BaseLook.addTo(scene);
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
        // Enter exports (the whole ledger unless a scope is ticked): the first focus was the Account box, which Enter ticked
        dialog.exportReport.requestFocus();
        return dialog;
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(ReportDialog.class.getResource("/dev/eventscope/ui/reports/ReportDialog.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the export-a-report window could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        // each label names its field for screen readers (set here: FXML resolves no reference to a field declared after it)
        reportToLabel.setLabelFor(reportTo);
        reportBasisLabel.setLabelFor(reportBasis);
        reportPaperLabel.setLabelFor(reportPaper);
        reportOutputLabel.setLabelFor(reportOutput);
        heading.setText("Export a signed audit report of " + model.ledgerName());

        reportAccount.textProperty().bindBidirectional(model.accountProperty());
        attachCompletion(reportAccount);
        bindRow(reportAccountOn, reportAccount, model.accountOnProperty());
        reportEntry.textProperty().bindBidirectional(model.entryIdProperty());
        bindRow(reportEntryOn, reportEntry, model.entryOnProperty());
        reportUser.textProperty().bindBidirectional(model.userProperty());
        bindRow(reportUserOn, reportUser, model.userOnProperty());
        reportFrom.valueProperty().bindBidirectional(model.fromProperty());
        reportTo.valueProperty().bindBidirectional(model.toProperty());
        DateFields.install(reportFrom, problem -> model.dateProblemProperty().set(problem));
        DateFields.install(reportTo, problem -> model.dateProblemProperty().set(problem));
        reportBasis.getItems().setAll(TimeBasis.values());
        reportBasis.setConverter(dev.eventscope.ui.ChoiceText.of(TimeBasis::label));
        reportBasis.valueProperty().bindBidirectional(model.basisProperty());
        bindRow(reportPeriodOn, reportPeriod, model.periodOnProperty());

        reportScopeText.textProperty().bind(Bindings.createStringBinding(() -> "Covers " + model.scope().describe() + ".",
                model.accountOnProperty(), model.accountProperty(), model.entryOnProperty(), model.entryIdProperty(),
                model.userOnProperty(), model.userProperty(), model.periodOnProperty(), model.fromProperty(),
                model.toProperty(), model.basisProperty()));

        ToggleGroup formats = new ToggleGroup();
        int index = 0;
        for (ReportFormat format : ReportFormat.values()) {
            RadioButton button = new RadioButton(format.name());
            button.setId("format" + format.name());
            button.setUserData(format);
            button.setToggleGroup(formats);
            button.setSelected(format == model.formatProperty().get());
            reportFormats.getChildren().add(index++, button);
        }
        formats.selectedToggleProperty().addListener((observable, before, selected) -> {
            if (selected != null) {
                model.formatProperty().set((ReportFormat) selected.getUserData());
            }
        });
        reportPaper.getItems().setAll(PaperSize.values());
        reportPaper.setConverter(dev.eventscope.ui.ChoiceText.of(size -> size == PaperSize.A4 ? "A4" : "Letter"));
        reportPaper.valueProperty().bindBidirectional(model.paperProperty());
        reportPaper.disableProperty().bind(model.formatProperty().isNotEqualTo(ReportFormat.PDF));

        reportOutput.textProperty().bind(model.outputFileProperty().map(Path::toString));
        javafx.scene.control.Tooltip whereSaved = new javafx.scene.control.Tooltip();
        whereSaved.textProperty().bind(reportOutput.textProperty().map(path -> path + "\nWhere the report is saved; Choose… picks another file."));
        reportOutput.setTooltip(whereSaved);
        // a long folder hid the file's own name ("…/small-business-audit-2026-1"): the field shows the path's end
        // (home, then end: a caret already at the end moves nowhere, and the field scrolls only when it moves)
        Runnable showEnd = () -> {
            reportOutput.home();
            reportOutput.end();
        };
        reportOutput.textProperty().addListener((observable, before, path) -> javafx.application.Platform.runLater(showEnd));
        reportOutput.widthProperty().addListener((observable, before, width) -> javafx.application.Platform.runLater(showEnd));

        reportValidation.textProperty().bind(Bindings.createStringBinding(() -> !model.errorProperty().get().isEmpty()
                ? model.errorProperty().get() : model.validationProperty().get(), model.errorProperty(), model.validationProperty()));
        showWhen(reportValidation, reportValidation.textProperty().isNotEmpty());

        reportProgress.progressProperty().bind(model.progressProperty());
        showWhen(cancelReport, model.runningProperty());
        reportProgressText.textProperty().bind(model.progressTextProperty());
        showWhen(reportProgressBox, model.runningProperty().or(model.progressTextProperty().isNotEmpty()));

        reportResult.textProperty().bind(model.resultProperty());
        showWhen(reportResultBox, model.writtenProperty().isNotNull());

        exportReport.disableProperty().bind(model.runningProperty().or(model.validationProperty().isNotEmpty()));
    }

    @FXML
    private void cancelExport() {
        model.cancel();
    }

    @FXML
    private void openReport() {
        DesktopDocuments.show(model.writtenProperty().get());
    }

    @FXML
    private void openReportFolder() {
        DesktopDocuments.show(model.writtenProperty().get().toAbsolutePath().getParent());
    }

    @FXML
    private void export() {
        if (!model.needsReplaceConfirmation()) {
            model.export();
            return;
        }
        Path output = model.outputFileProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, dev.eventscope.ui.ShownText.of(output.getFileName()) + " already exists in "
                + dev.eventscope.ui.ShownText.of(output.toAbsolutePath().getParent())
                + ". Replace it (and its signature)?", ButtonType.CANCEL, new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE));
        ask.setTitle("Replace the report?");
        dev.eventscope.ui.DialogText.breakAtSpacesAndSeparators(ask);
        ask.setHeaderText(null);
        ask.initOwner(stage);
        ask.showAndWait().filter(answer -> answer.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(yes -> model.export(true));
    }

    @FXML
    private void close() {
        stage.close();
    }

    private static void bindRow(CheckBox box, Node field, BooleanProperty on) {
        box.selectedProperty().bindBidirectional(on);
        field.disableProperty().bind(on.not());
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
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

    @FXML
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

package dev.eventscope.ui.reports;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Tools › Verify a report…: pick a report, optionally check it against the open ledger, read the verdict. */
public final class VerifyReportDialog {

    private final VerifyReportViewModel model;
    private final Stage stage = new Stage();

    private VerifyReportDialog(VerifyReportViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Verify a report");
        Scene scene = new Scene(build());
        scene.getStylesheets().add(VerifyReportDialog.class.getResource("/dev/eventscope/ui/reports/reports.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(560);
    }

    public static VerifyReportDialog show(VerifyReportViewModel model, Window owner) {
        VerifyReportDialog dialog = new VerifyReportDialog(model, owner);
        dialog.stage.show();
        return dialog;
    }

    private VBox build() {
        Label heading = new Label("Check that a report is genuine");
        heading.getStyleClass().add("dialog-heading");
        Label explain = new Label("Eventscope checks the report against its signature (the .sig file beside it) and, if you"
                + " like, that the history it was made from is the open ledger's.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");

        TextField file = new TextField();
        file.setId("verifyReportFile");
        file.setPromptText("report file (.pdf, .html, .csv, .json)");
        file.textProperty().addListener((observable, before, text) -> model.reportProperty().set(text.isBlank() ? null : Path.of(text.strip())));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("chooseVerifyReport");
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a report to verify");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Reports", "*.pdf", "*.html", "*.csv", "*.json"));
            File chosen = chooser.showOpenDialog(stage);
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        HBox fileBox = new HBox(8, file, choose);

        CheckBox against = new CheckBox(model.ledgerOpen() ? "Also check it against the open ledger (" + model.openLedgerName() + ")"
                : "Also check it against the open ledger (none is open)");
        against.setId("verifyAgainstLedger");
        against.selectedProperty().bindBidirectional(model.againstLedgerProperty());
        against.setDisable(!model.ledgerOpen());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        Label verdict = new Label();
        verdict.setId("verifyHeadline");
        verdict.textProperty().bind(model.headlineProperty());
        model.verificationProperty().addListener((observable, before, checked) -> {
            verdict.getStyleClass().removeAll("verdict-ok", "verdict-bad");
            if (checked != null) {
                verdict.getStyleClass().add(checked.valid() ? "verdict-ok" : "verdict-bad");
            }
        });
        Label detail = new Label();
        detail.setId("verifyDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Label.USE_PREF_SIZE);
        detail.textProperty().bind(model.detailProperty());

        Button verify = new Button("Verify");
        verify.setId("verifyReportButton");
        verify.setDefaultButton(true);
        verify.disableProperty().bind(model.runningProperty().or(model.reportProperty().isNull()));
        verify.setOnAction(event -> model.verify());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, verify, close);

        VBox root = new VBox(10, heading, explain, fileBox, against, new HBox(8, spinner, verdict), detail, buttons);
        root.setId("verifyReportDialog");
        root.getStyleClass().add("verify-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(600);
        return root;
    }

    public Stage stage() {
        return stage;
    }
}

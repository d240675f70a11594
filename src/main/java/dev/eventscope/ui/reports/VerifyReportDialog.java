package dev.eventscope.ui.reports;

import dev.eventscope.ui.BaseLook;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Tools › Verify a report…: pick a report, optionally check it against the open ledger, read the verdict. */
public final class VerifyReportDialog {

    private final VerifyReportViewModel model;
    private final Stage stage = new Stage();

    @FXML private TextField verifyReportFile;
    @FXML private CheckBox verifyAgainstLedger;
    @FXML private ProgressIndicator spinner;
    @FXML private Label verifyHeadline;
    @FXML private Label verifyDetail;
    @FXML private Button verifyReportButton;

    private VerifyReportDialog(VerifyReportViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Verify a report");
        Scene scene = new Scene(load());
        BaseLook.addTo(scene);
        scene.getStylesheets().add(VerifyReportDialog.class.getResource("/dev/eventscope/ui/reports/reports.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(560);
    }

    public static VerifyReportDialog show(VerifyReportViewModel model, Window owner) {
        VerifyReportDialog dialog = new VerifyReportDialog(model, owner);
        dialog.stage.show();
        return dialog;
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(VerifyReportDialog.class.getResource("/dev/eventscope/ui/reports/VerifyReportDialog.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the verify-a-report window could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        verifyReportFile.textProperty().addListener((observable, before, text) ->
                model.reportProperty().set(text.isBlank() ? null : Path.of(text.strip())));
        verifyAgainstLedger.setText(model.ledgerOpen() ? "Also check it against the open ledger (" + model.openLedgerName() + ")"
                : "Also check it against the open ledger (none is open)");
        verifyAgainstLedger.selectedProperty().bindBidirectional(model.againstLedgerProperty());
        verifyAgainstLedger.setDisable(!model.ledgerOpen());
        spinner.visibleProperty().bind(model.runningProperty());
        verifyHeadline.textProperty().bind(model.headlineProperty());
        model.verificationProperty().addListener((observable, before, checked) -> {
            verifyHeadline.getStyleClass().removeAll("verdict-ok", "verdict-bad");
            if (checked != null) {
                verifyHeadline.getStyleClass().add(checked.valid() ? "verdict-ok" : "verdict-bad");
            }
        });
        verifyDetail.textProperty().bind(model.detailProperty());
        // grow the window with the explanation (up to the scroll pane's limit) so the buttons stay in view
        verifyDetail.textProperty().addListener((observable, before, text) -> javafx.application.Platform.runLater(() -> {
            if (stage.isShowing()) {
                stage.sizeToScene();
            }
        }));
        verifyReportButton.disableProperty().bind(model.runningProperty().or(model.reportProperty().isNull()));
    }

    @FXML
    private void chooseReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a report to verify");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Reports", "*.pdf", "*.html", "*.csv", "*.json"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            verifyReportFile.setText(chosen.getPath());
        }
    }

    @FXML
    private void verify() {
        model.verify();
    }

    @FXML
    private void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }
}

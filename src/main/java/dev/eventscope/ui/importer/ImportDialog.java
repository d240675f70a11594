package dev.eventscope.ui.importer;

import dev.eventscope.ui.commands.FormWindow;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The import dialog: phase, progress bar, bytes and speed, Cancel; then the summary and skipped lines, or the error. */
public final class ImportDialog {

    private final ImportViewModel model;
    private final Consumer<Path> openLedger;

    @FXML private Parent importRoot;
    @FXML private Label fromTo;
    @FXML private Label phaseLabel;
    @FXML private Label bytesLabel;
    @FXML private Label rateLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label summaryLabel;
    @FXML private VBox skippedBox;
    @FXML private ListView<String> skippedList;
    @FXML private TextArea errorBox;
    @FXML private Button cancelButton;
    @FXML private Button openButton;
    @FXML private Button closeButton;

    public ImportDialog(ImportViewModel model, Consumer<Path> openLedger) {
        this.model = model;
        this.openLedger = openLedger;
    }

    /** Shows the dialog for an import already started on {@code model}. */
    public static Stage show(Window owner, ImportViewModel model, Consumer<Path> openLedger) {
        ImportDialog dialog = new ImportDialog(model, openLedger);
        Parent root = dialog.load();
        root.getStylesheets().add(ImportDialog.class.getResource("/dev/eventscope/ui/importer/importer.css").toExternalForm());
        Stage stage = FormWindow.show(owner, root, "Import a journal");
        stage.setOnCloseRequest(event -> {
            if (model.stateProperty().get() == ImportState.RUNNING) {
                // closing a running import cancels it; the dialog (and the window it blocks) stays until everything
                // the import wrote is rolled back, so nothing can close the ledger under it
                event.consume();
                model.whenEnded(stage::hide);
                model.cancel();
            }
        });
        return stage;
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(ImportDialog.class.getResource("/dev/eventscope/ui/importer/ImportDialog.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the import dialog could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        fromTo.setText(dev.eventscope.ui.ShownText.of(model.journal().getFileName()) + "  →  " + dev.eventscope.ui.ShownText.of(model.target().ledger().getFileName())
                + (model.target().newLedger() ? " (a new ledger)" : " (the open ledger)"));
        phaseLabel.textProperty().bind(model.phaseProperty());
        bytesLabel.textProperty().bind(model.bytesTextProperty());
        rateLabel.textProperty().bind(model.rateTextProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        skippedList.setItems(model.skippedLines());
        errorBox.textProperty().bind(model.errorProperty());
        skippedList.setPlaceholder(new Label("No lines were skipped."));
        model.stateProperty().addListener((observable, before, state) -> showState(state));
        showState(model.stateProperty().get());
        skippedBox.visibleProperty().bind(Bindings.isNotEmpty(model.skippedLines()));
        skippedBox.managedProperty().bind(skippedBox.visibleProperty());
    }

    private void showState(ImportState state) {
        boolean running = state == ImportState.RUNNING;
        show(cancelButton, running);
        show(closeButton, !running);
        show(openButton, state == ImportState.DONE && model.target().newLedger());
        show(summaryLabel, !running && !model.summaryProperty().get().isEmpty() || state == ImportState.DONE || state == ImportState.CANCELLED);
        show(errorBox, state == ImportState.FAILED);
        if (state == ImportState.DONE) {
            phaseLabel.getStyleClass().add("phase-done");
        }
        if (!running && importRoot.getScene() != null && importRoot.getScene().getWindow() != null) {
            // the summary, skipped lines or error appeared: grow the window so that nothing is clipped
            javafx.application.Platform.runLater(() -> importRoot.getScene().getWindow().sizeToScene());
        }
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void openLedger() {
        close();
        openLedger.accept(model.target().ledger());
    }

    @FXML
    private void close() {
        importRoot.getScene().getWindow().hide();
    }
}

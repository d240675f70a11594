package dev.eventscope.ui.explorer;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The explorer's status bar (StatusBarView.fxml, ControlsFX's {@link StatusBar}): file, event count, last position,
 * read-only, projections, refresh; its progress bar runs while the integrity check or a rebuild does.
 */
public final class StatusBarView {

    private final ExplorerViewModel model;
    private Runnable showProjections = () -> { };

    @FXML private StatusBar statusBar;
    @FXML private Label statusFile;
    @FXML private Label statusEvents;
    @FXML private Label statusPosition;
    @FXML private Label statusReadOnly;
    @FXML private Label statusRefresh;
    @FXML private Label statusProjections;

    StatusBarView(ExplorerViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        ExplorerView.show(statusReadOnly, model.session().readOnly());
        statusBar.setText("");
        statusFile.setText(model.session().file().toString());
        statusBar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.integrity().runningProperty().get() ? -1
                        : model.projections().rebuildingProperty().get() ? Math.max(0.001, model.projections().progressProperty().get()) : 0,
                model.integrity().runningProperty(), model.projections().rebuildingProperty(), model.projections().progressProperty()));
        // until the first read of the ledger, "0 events" read as an empty ledger (session 16's trial, a large ledger opening)
        statusEvents.textProperty().bind(Bindings.createStringBinding(() -> model.lastRefreshProperty().get().isEmpty()
                ? "Opening…" : String.format("%,d events", model.eventCountProperty().get()),
                model.lastRefreshProperty(), model.eventCountProperty()));
        statusPosition.textProperty().bind(Bindings.createStringBinding(() -> model.lastRefreshProperty().get().isEmpty()
                ? "" : String.format("last position #%d", model.lastPositionProperty().get()),
                model.lastRefreshProperty(), model.lastPositionProperty()));
        statusRefresh.textProperty().bind(model.lastRefreshProperty().map(time -> time.isEmpty() ? "" : "refreshed " + time));
        statusProjections.textProperty().bind(model.projections().statusLineProperty());
        statusProjections.setOnMouseClicked(event -> showProjections.run());
    }

    /** What a click on the projections' status does (the explorer docks the projections panel). */
    void setOnShowProjections(Runnable action) {
        showProjections = action;
    }
}

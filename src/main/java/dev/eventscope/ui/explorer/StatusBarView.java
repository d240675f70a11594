package dev.eventscope.ui.explorer;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The explorer's status bar (StatusBarView.fxml): file, event count, last position, read-only, projections, refresh. */
public final class StatusBarView {

    private final ExplorerViewModel model;
    private Runnable showProjections = () -> { };

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
        statusFile.setText(model.session().file().toString());
        statusEvents.textProperty().bind(model.eventCountProperty().asString("%,d events"));
        statusPosition.textProperty().bind(model.lastPositionProperty().asString("last position #%d"));
        statusRefresh.textProperty().bind(model.lastRefreshProperty().map(time -> time.isEmpty() ? "" : "refreshed " + time));
        statusProjections.textProperty().bind(model.projections().statusLineProperty());
        statusProjections.setOnMouseClicked(event -> showProjections.run());
    }

    /** What a click on the projections' status does (the explorer docks the projections panel). */
    void setOnShowProjections(Runnable action) {
        showProjections = action;
    }
}

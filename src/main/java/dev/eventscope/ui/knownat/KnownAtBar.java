package dev.eventscope.ui.knownat;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;


/** The knowledge point beside the timeline (KnownAtBar.fxml): the two inputs, "Then / now" and "Clear". */
public final class KnownAtBar extends HBox {

    private final KnownAtViewModel model;

    @FXML private TextField knownAtAsOf;
    @FXML private TextField knownAtPoint;
    @FXML private Label knownAtStatus;
    @FXML private javafx.scene.control.ProgressIndicator knownAtProgress;

    public KnownAtBar(KnownAtViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/knownat/KnownAtBar.fxml", "the knowledge point bar");
    }

    @FXML
    private void initialize() {
        knownAtAsOf.textProperty().bindBidirectional(model.asOfProperty());
        knownAtPoint.textProperty().bindBidirectional(model.knownAtProperty());
        knownAtStatus.textProperty().bind(model.statusProperty());
        javafx.beans.binding.BooleanBinding reading = model.progressProperty().greaterThanOrEqualTo(0);
        knownAtProgress.visibleProperty().bind(reading);
        knownAtProgress.managedProperty().bind(reading);
        knownAtProgress.progressProperty().bind(model.progressProperty());
    }

    @FXML
    private void show() {
        model.show();
    }

    @FXML
    private void clear() {
        model.clear();
    }

    public KnownAtViewModel model() {
        return model;
    }
}

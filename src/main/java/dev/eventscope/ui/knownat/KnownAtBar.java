package dev.eventscope.ui.knownat;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The knowledge point beside the timeline (KnownAtBar.fxml): the two inputs, "Then / now" and "Clear". */
public final class KnownAtBar extends HBox {

    private final KnownAtViewModel model;

    @FXML private TextField knownAtAsOf;
    @FXML private TextField knownAtPoint;
    @FXML private Label knownAtStatus;

    public KnownAtBar(KnownAtViewModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(KnownAtBar.class.getResource("/dev/eventscope/ui/knownat/KnownAtBar.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the knowledge point bar could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        knownAtAsOf.textProperty().bindBidirectional(model.asOfProperty());
        knownAtPoint.textProperty().bindBidirectional(model.knownAtProperty());
        knownAtStatus.textProperty().bind(model.statusProperty());
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

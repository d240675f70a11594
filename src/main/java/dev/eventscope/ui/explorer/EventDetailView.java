package dev.eventscope.ui.explorer;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The explorer's event detail (EventDetailView.fxml): the metadata (whose ids link to related events),
 * the data as JSON and, for an event written in an older schema, the data as read now beside it.
 */
public final class EventDetailView {

    private final EventDetailViewModel detail;
    private final ExplorerViewModel explorer;

    @FXML private SplitPane detailSplit;
    @FXML private Label detailHeading;
    @FXML private GridPane metadataGrid;
    @FXML private javafx.scene.control.ScrollPane metadataScroll;
    @FXML private Label jsonHeading;
    @FXML private TextArea jsonText;
    @FXML private VBox upcastPane;
    @FXML private Label upcastHeading;
    @FXML private TextArea upcastText;

    /** {@code explorer} follows the links in the metadata (correlation, causation). */
    EventDetailView(EventDetailViewModel detail, ExplorerViewModel explorer) {
        this.detail = detail;
        this.explorer = explorer;
    }

    @FXML
    private void initialize() {
        detailHeading.textProperty().bind(detail.headingProperty());
        jsonText.textProperty().bind(detail.jsonProperty());
        // an event written in an older schema shows both shapes side by side: as stored and as read now
        upcastText.textProperty().bind(detail.upcastJsonProperty());
        upcastHeading.textProperty().bind(detail.upcastHeadingProperty());
        detailSplit.getItems().remove(upcastPane);
        detail.upcastJsonProperty().addListener((observable, before, upcast) -> showUpcast(!upcast.isEmpty()));
        new MetadataGrid(metadataGrid, explorer).bind(detail.metadata());
        // the metadata's pane is never narrower than its grid: a value wraps between its words, never inside a number
        // ("09:00:00.00" above "0000 UTC" at 1280 px); the data beside it, which wraps anywhere, gives way
        detail.metadata().addListener((javafx.collections.ListChangeListener<MetadataField>) change ->
                javafx.application.Platform.runLater(this::keepMetadataWhole));
        metadataGrid.sceneProperty().addListener((observable, before, scene) -> javafx.application.Platform.runLater(this::keepMetadataWhole));
    }

    private void keepMetadataWhole() {
        if (metadataGrid.getScene() == null) {
            return;
        }
        metadataGrid.applyCss();
        // beside two JSON panes (an upcast event) the three share the room: the metadata scrolls sideways where it must
        metadataScroll.setMinViewportWidth(detailSplit.getItems().contains(upcastPane) ? 0 : Math.ceil(metadataGrid.minWidth(-1)));
    }

    private void showUpcast(boolean upcast) {
        jsonHeading.setText(upcast ? "As stored (JSON)" : "Data (JSON)");
        if (upcast && !detailSplit.getItems().contains(upcastPane)) {
            detailSplit.getItems().add(upcastPane);
            // three panes of equal width: a new pane would otherwise get the sliver left of the old divider
            detailSplit.setDividerPositions(1 / 3.0, 2 / 3.0);
        } else if (!upcast && detailSplit.getItems().remove(upcastPane)) {
            detailSplit.setDividerPositions(0.5);
        }
        upcastPane.setVisible(upcast);
        upcastPane.setManaged(upcast);
        keepMetadataWhole();
    }
}

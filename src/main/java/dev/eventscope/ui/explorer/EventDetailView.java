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
    private MetadataGrid grid;

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
        grid = new MetadataGrid(metadataGrid, explorer);
        grid.bind(detail.metadata());
        // where the pane is narrower than keys beside their values, each key stands above its value
        metadataScroll.viewportBoundsProperty().addListener((observable, before, bounds) -> {
            if (before == null || before.getWidth() != bounds.getWidth()) {
                javafx.application.Platform.runLater(this::keepMetadataWhole);
            }
        });
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
        double beside = Math.ceil(grid.besideMinWidth());
        // beside two JSON panes (an upcast event) the three share the room: there the metadata may be as narrow as its
        // widest key or value, each key above its value (at 1280 px the pane has ~140 px; keys beside values need ~230,
        // and scrolled sideways); beside one JSON pane it keeps each key beside its value
        boolean upcast = detailSplit.getItems().contains(upcastPane);
        metadataScroll.setMinViewportWidth(upcast ? Math.ceil(grid.stackedMinWidth()) : beside);
        double room = metadataScroll.getViewportBounds() == null ? 0 : metadataScroll.getViewportBounds().getWidth();
        grid.stack(room > 0 && room + 0.5 < beside);
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

package dev.eventscope.ui.explorer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.Set;

/** Lays out an event's metadata as label/value rows; correlation and causation ids become links. */
final class MetadataGrid {

    private static final double META_VALUE_MIN_WIDTH = 140;

    private static final Set<String> MONOSPACED = Set.of("Event id", "Correlation id", "Causation id", "Hash");

    private final GridPane grid;
    private final ExplorerViewModel model;

    MetadataGrid(GridPane grid, ExplorerViewModel model) {
        this.grid = grid;
        this.model = model;
    }

    void bind(ObservableList<MetadataField> fields) {
        fields.addListener((ListChangeListener<MetadataField>) change -> fill(fields));
        fill(fields);
    }

    private void fill(List<MetadataField> fields) {
        grid.getChildren().clear();
        int row = 0;
        for (MetadataField field : fields) {
            Label key = new Label(field.label());
            key.getStyleClass().add("meta-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, key, valueOf(field));
        }
    }

    private Node valueOf(MetadataField field) {
        if (field.link() != MetadataField.Link.NONE) {
            Hyperlink link = new Hyperlink(field.value());
            link.getStyleClass().addAll("meta-value", "monospace", "meta-link");
            link.setTooltip(new Tooltip(field.link() == MetadataField.Link.CORRELATION
                    ? "Show every event with this correlation id" : "Show the event that caused this one"));
            link.setOnAction(event -> {
                if (field.link() == MetadataField.Link.CORRELATION) {
                    model.followCorrelation(field.value());
                } else {
                    model.followCausation(field.value());
                }
            });
            link.setId(field.link() == MetadataField.Link.CORRELATION ? "correlationLink" : "causationLink");
            return link;
        }
        Label value = new Label(field.value());
        value.getStyleClass().add("meta-value");
        if (MONOSPACED.contains(field.label())) {
            value.getStyleClass().add("monospace");
        }
        value.setWrapText(true);
        // a narrow detail pane scrolls rather than wrapping a value one character a line
        value.setMinWidth(META_VALUE_MIN_WIDTH);
        return value;
    }
}

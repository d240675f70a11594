package dev.eventscope.ui.explorer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Set;

/**
 * Lays out an event's metadata as label/value rows; correlation and causation ids become links. The grid is as wide as
 * its pane (no sideways scrolling): a value with spaces wraps between its words; a single word too wide is shortened
 * with an ellipsis; an identifier or hash that is wider than the pane shows its
 * start and end ("8b180279…c3a1e5"). Every value gives its whole text in a tooltip and can be copied (right click, Copy).
 */
final class MetadataGrid {

    /** A value column narrower than this would show too little of an identifier to tell it. */
    private static final double META_VALUE_MIN_WIDTH = 60;

    private static final Set<String> MONOSPACED = Set.of("Event id", "Correlation id", "Causation id", "Hash");

    private final GridPane grid;
    private final ExplorerViewModel model;

    MetadataGrid(GridPane grid, ExplorerViewModel model) {
        this.grid = grid;
        this.model = model;
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        // the column is as narrow as its values allow: 60 px for a value shortened with an ellipsis, the widest word of
        // a value that wraps (a time "09:00:00.000000" broke inside the number in a column of 60 px at 1280 px)
        values.setMinWidth(Region.USE_COMPUTED_SIZE);
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, values);
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
        Labeled value;
        if (field.link() != MetadataField.Link.NONE) {
            Hyperlink link = new Hyperlink(field.value());
            link.getStyleClass().addAll("meta-value", "monospace", "meta-link");
            link.setTooltip(new Tooltip((field.link() == MetadataField.Link.CORRELATION
                    ? "Show every event with this correlation id" : "Show the event that caused this one")
                    + ":\n" + field.value() + "\n(right click to copy it)"));
            link.setOnAction(event -> {
                if (field.link() == MetadataField.Link.CORRELATION) {
                    model.followCorrelation(field.value());
                } else {
                    model.followCausation(field.value());
                }
            });
            link.setId(field.link() == MetadataField.Link.CORRELATION ? "correlationLink" : "causationLink");
            value = link;
        } else {
            value = field.value().strip().contains(" ") && !MONOSPACED.contains(field.label())
                    ? new WordsLabel(field.value()) : new Label(field.value());
            value.getStyleClass().add("meta-value");
            value.setTooltip(new Tooltip(field.value() + "\n(right click to copy it)"));
        }
        if (MONOSPACED.contains(field.label())) {
            // an identifier reads by its start and end: one line, the middle left out where the pane is narrow
            value.getStyleClass().add("monospace");
            value.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            value.setEllipsisString("…");
        } else if (field.value().strip().contains(" ")) {
            value.setWrapText(true);
        } else {
            // one word (a command's name) breaks nowhere: wrapped, "ReverseEntry" read "ReverseEntr" above "y" at 1280 px
            value.setTextOverrun(OverrunStyle.ELLIPSIS);
            value.setEllipsisString("…");
        }
        if (!(value instanceof WordsLabel)) {
            value.setMinWidth(META_VALUE_MIN_WIDTH);
        }
        value.setMaxWidth(Double.MAX_VALUE);
        value.setId(value.getId() == null ? "meta-" + field.label().replaceAll("[^A-Za-z]", "") : value.getId());
        MenuItem copy = new MenuItem("Copy " + field.label().toLowerCase(java.util.Locale.ROOT));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(field.value());
            Clipboard.getSystemClipboard().setContent(content);
        });
        value.setContextMenu(new ContextMenu(copy));
        return value;
    }

    /**
     * A value that wraps between its words and never inside one: it is never narrower than its widest word (the grid,
     * and the pane around it, give way instead; see {@link EventDetailView}).
     */
    static final class WordsLabel extends Label {

        WordsLabel(String text) {
            super(text);
        }

        @Override
        protected double computeMinWidth(double height) {
            javafx.scene.text.Text measure = new javafx.scene.text.Text();
            measure.setFont(getFont());
            double widest = 0;
            for (String word : getText().strip().split("\\s+")) {
                measure.setText(word);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            return Math.max(META_VALUE_MIN_WIDTH, Math.ceil(widest) + 1 + snappedLeftInset() + snappedRightInset());
        }
    }
}

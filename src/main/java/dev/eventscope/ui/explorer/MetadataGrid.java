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
    private final ColumnConstraints keys = new ColumnConstraints();
    private final ColumnConstraints values = new ColumnConstraints();
    /** Each row's key and value, in order. */
    private final List<Node[]> rows = new java.util.ArrayList<>();
    private boolean stacked;

    MetadataGrid(GridPane grid, ExplorerViewModel model) {
        this.grid = grid;
        this.model = model;
        keys.setMinWidth(Region.USE_PREF_SIZE);
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
        rows.clear();
        for (MetadataField field : fields) {
            Label key = new Label(field.label());
            key.getStyleClass().add("meta-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            rows.add(new Node[] {key, valueOf(field)});
        }
        layOut();
    }

    /**
     * Puts each key above its value ({@code true}: one column, for a narrow pane, as beside the two JSON panes of an
     * upcast event at 1280 px) or beside it ({@code false}: two columns).
     */
    void stack(boolean stack) {
        if (stack != stacked) {
            stacked = stack;
            layOut();
        }
    }

    boolean stacked() {
        return stacked;
    }

    /** The narrowest the grid can be with each key beside its value (CSS applied). */
    double besideMinWidth() {
        double key = 0;
        double value = 0;
        for (Node[] row : rows) {
            key = Math.max(key, row[0].minWidth(-1));
            value = Math.max(value, row[1].minWidth(-1));
        }
        return grid.snappedLeftInset() + key + grid.getHgap() + value + grid.snappedRightInset();
    }

    /** The narrowest the grid can be with each key above its value (CSS applied). */
    double stackedMinWidth() {
        double widest = 0;
        for (Node[] row : rows) {
            widest = Math.max(widest, Math.max(row[0].minWidth(-1), row[1].minWidth(-1)));
        }
        return grid.snappedLeftInset() + widest + grid.snappedRightInset();
    }

    private void layOut() {
        grid.getChildren().clear();
        if (stacked) {
            grid.getColumnConstraints().setAll(values);
        } else {
            grid.getColumnConstraints().setAll(keys, values);
        }
        if (stacked != grid.getStyleClass().contains("stacked")) {
            if (stacked) {
                grid.getStyleClass().add("stacked");
            } else {
                grid.getStyleClass().remove("stacked");
            }
        }
        int row = 0;
        for (Node[] pair : rows) {
            if (stacked) {
                grid.add(pair[0], 0, row++);
                grid.add(pair[1], 0, row++);
            } else {
                grid.addRow(row++, pair[0], pair[1]);
            }
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

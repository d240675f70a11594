package dev.eventscope.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A sidebar entry: its name, and a small badge with the number of streams (groups) or events (streams). */
final class StreamTreeCell extends TreeCell<SidebarNode> {

    private final Label name = new Label();
    private final Label count = new Label();
    private final HBox box = new HBox(6, name, count);

    StreamTreeCell() {
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        // a long name is cut with an ellipsis, so the badge stays inside the tree instead of under a scrollbar
        name.setMinWidth(0);
        count.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().add("count-badge");
    }

    @Override
    protected void updateItem(SidebarNode node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().removeAll("group-cell", "stream-cell", "level-cell");
        if (empty || node == null) {
            setTooltip(null);
            box.prefWidthProperty().unbind();
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(node.label());
        int level = getTreeView().getTreeItemLevel(getTreeItem());
        box.prefWidthProperty().bind(getTreeView().widthProperty().subtract(level * 18 + 36));
        count.setText(Long.toString(node.count()));
        count.setVisible(node.count() > 0);
        boolean group = node.key().startsWith("group:");
        setTooltip(node.count() == 0 ? null : new Tooltip(group
                ? node.count() + (node.count() == 1 ? " stream" : " streams")
                : node.count() + (node.count() == 1 ? " event" : " events") + " in " + node.stream()));
        getStyleClass().add(group ? "group-cell" : node.isStream() ? "stream-cell" : "level-cell");
        setText(null);
        setGraphic(box);
    }
}

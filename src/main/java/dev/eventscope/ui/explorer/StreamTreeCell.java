package dev.eventscope.ui.explorer;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Map;

/**
 * A sidebar entry: its name, a parent account's subtotal (its balance rolled up with its sub-accounts'), and a small
 * badge with the number of streams (groups) or events (streams).
 */
final class StreamTreeCell extends TreeCell<SidebarNode> {

    private static final String ACCOUNT_KEY = "account:";

    private final Label name = new Label();
    private final Label subtotal = new Label();
    private final Label count = new Label();
    private final HBox box = new HBox(6, name, subtotal, count);
    private final ObservableValue<Map<String, String>> subtotals;
    /** New subtotals redraw this cell in place (its nodes stay, so a click on them meanwhile still lands). */
    private final javafx.beans.InvalidationListener redraw = observable -> updateItem(getItem(), isEmpty());

    StreamTreeCell(ObservableValue<Map<String, String>> subtotals) {
        this.subtotals = subtotals;
        subtotals.addListener(new javafx.beans.WeakInvalidationListener(redraw));
        subtotal.getStyleClass().add("subtotal");
        subtotal.setMinWidth(0);
        // a number cut short says nothing: a subtotal without the room for it is hidden (its tooltip still says it)
        javafx.beans.InvalidationListener fits = observable -> subtotal.setOpacity(subtotal.getWidth() + 0.5 >= subtotal.prefWidth(-1) ? 1 : 0);
        subtotal.widthProperty().addListener(fits);
        subtotal.textProperty().addListener(fits);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        // a long name is cut with an ellipsis, so the badge stays inside the tree instead of under a scrollbar;
        // a short one (a level of the account tree) is never cut for a subtotal beside it
        name.setMinWidth(0);
        // a name cut at its end read "accumulated-…" at 1280 px: like the crumb below, it shows its end (what tells
        // "suspense-2025h2" from "suspense"); the tooltip names the whole stream
        name.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        name.setEllipsisString("…");
        // but a name that can break is read whole on two lines: "accumulated-" above "depreciation" (it read
        // "…d-depreciation" at 1280 px); the ellipsis is left for a name with no break that fits
        name.widthProperty().addListener(observable -> fitName());
        count.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().add("count-badge");
    }

    /** The entry's name on one line; the label may show it broken onto two. */
    private String wholeName;

    private void fitName() {
        if (wholeName == null) {
            return;
        }
        double room = name.getWidth() - name.snappedLeftInset() - name.snappedRightInset();
        String shown = wholeName;
        if (room > 0) {
            String broken = dev.eventscope.ui.BreakingCell.lines(wholeName, room, name.getFont());
            javafx.scene.text.Text measure = new javafx.scene.text.Text();
            measure.setFont(name.getFont());
            boolean fits = broken.lines().allMatch(line -> {
                measure.setText(line);
                return measure.getLayoutBounds().getWidth() <= room;
            });
            if (fits && broken.lines().count() <= 2) {
                shown = broken;
            }
        }
        if (!shown.equals(name.getText())) {
            name.setText(shown);
        }
    }

    @Override
    protected void updateItem(SidebarNode node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().removeAll("group-cell", "stream-cell", "level-cell");
        if (empty || node == null) {
            setTooltip(null);
            wholeName = null;
            box.prefWidthProperty().unbind();
            setGraphic(null);
            setText(null);
            return;
        }
        wholeName = node.label();
        name.setText(node.label());
        fitName();
        name.setMinWidth(node.label().length() <= 14 ? Region.USE_PREF_SIZE : 0);
        String rolledUp = node.key().startsWith(ACCOUNT_KEY) && !node.children().isEmpty()
                ? subtotals.getValue().get(node.key().substring(ACCOUNT_KEY.length())) : null;
        subtotal.setText(rolledUp == null ? "" : rolledUp);
        subtotal.setVisible(rolledUp != null);
        subtotal.setManaged(rolledUp != null);
        // the subtotal gives way to the name and reads whole on hover
        subtotal.setMinWidth(0);
        int level = getTreeView().getTreeItemLevel(getTreeItem());
        box.prefWidthProperty().bind(getTreeView().widthProperty().subtract(level * 18 + 36));
        count.setText(Long.toString(node.count()));
        count.setVisible(node.count() > 0);
        boolean group = node.key().startsWith("group:");
        String counted = node.count() == 0 ? null : group
                ? node.count() + (node.count() == 1 ? " stream" : " streams")
                : node.count() + (node.count() == 1 ? " event" : " events") + " in " + node.stream();
        String parentLine = rolledUp == null ? null
                : node.key().substring(ACCOUNT_KEY.length()) + " with its sub-accounts: " + rolledUp;
        String tip = parentLine == null ? counted : counted == null ? parentLine : parentLine + "\n" + counted;
        setTooltip(tip == null ? null : new Tooltip(tip));
        getStyleClass().add(group ? "group-cell" : node.isStream() ? "stream-cell" : "level-cell");
        setText(null);
        setGraphic(box);
    }
}

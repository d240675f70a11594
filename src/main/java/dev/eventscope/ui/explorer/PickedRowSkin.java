package dev.eventscope.ui.explorer;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The history table's skin: when the table is made lower (the integrity banner appears above it, the window shrinks)
 * and the picked row was whole, it scrolls as little as keeps that row whole, within the same layout pass. Scrolling
 * from a {@code Platform.runLater} after the height changed (sessions 10–13) left one frame, and every snapshot taken
 * before the runnable ran, showing the row cut under the bottom edge (the Xvfb screenshots after Verify).
 */
final class PickedRowSkin<S> extends TableViewSkin<S> {

    private double laidOutHeight = -1;

    PickedRowSkin(TableView<S> table) {
        super(table);
    }

    @Override
    protected void layoutChildren(double x, double y, double width, double height) {
        int picked = getSkinnable().getSelectionModel().getSelectedIndex();
        // measured before this pass moves anything: the rows still stand as the person last saw them
        boolean pickedWasWhole = picked >= 0 && height < laidOutHeight && overhang(getVirtualFlow(), picked) == 0;
        super.layoutChildren(x, y, width, height);
        laidOutHeight = height;
        if (pickedWasWhole) {
            VirtualFlow<?> flow = getVirtualFlow();
            flow.layout(); // the rows laid out for the new height now, not in the pass after this one
            if (flow.getVisibleCell(picked) == null) {
                flow.scrollTo(picked);
            } else {
                double cut = overhang(flow, picked);
                if (cut != 0) {
                    flow.scrollPixels(cut);
                }
            }
            flow.layout();
        }
    }

    /** Whether the row at {@code index} is shown whole now. */
    boolean showsWhole(int index) {
        return overhang(getVirtualFlow(), index) == 0;
    }

    /**
     * How far the row at {@code index} reaches below the rows' viewport (positive) or above it (negative); 0 when it
     * is whole, and {@code NaN} when it is not among the rows shown.
     */
    static double overhang(VirtualFlow<?> flow, int index) {
        IndexedCell<?> cell = flow.getVisibleCell(index);
        if (cell == null || !cell.isVisible()) {
            return Double.NaN;
        }
        Bounds rows = flow.localToScene(flow.getLayoutBounds());
        double bottom = rows.getMaxY() - horizontalBarHeight(flow);
        Bounds row = cell.localToScene(cell.getLayoutBounds());
        if (row.getMaxY() > bottom + 0.5) {
            return row.getMaxY() - bottom;
        }
        if (row.getMinY() < rows.getMinY() - 0.5) {
            return row.getMinY() - rows.getMinY();
        }
        return 0;
    }

    private static double horizontalBarHeight(VirtualFlow<?> flow) {
        return flow.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible())
                .mapToDouble(node -> node.getLayoutBounds().getHeight()).max().orElse(0);
    }
}

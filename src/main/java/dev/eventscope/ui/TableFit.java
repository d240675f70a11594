package dev.eventscope.ui;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables that read whole: columns sized to their content (the header and the longest of the first rows), the room
 * left given to the columns that want it most, and the whole text of any cell on hover. A table whose columns need
 * more than its width keeps their widths and scrolls sideways rather than cutting every value short.
 */
public final class TableFit {

    /** Rows measured for a column's width: a table of 10,000 balances is sized by its first screenfuls. */
    private static final int MEASURED_ROWS = 400;
    private static final double CELL_PADDING = 22;
    private static final double SCROLL_BAR = 18;
    /** No column is made wider than this for its content alone (a long summary reads whole on hover). */
    private static final double WIDEST_COLUMN = 460;
    /** No fitted column is squeezed below this (or its content, when narrower): the table scrolls instead. */
    private static final double ELASTIC_MINIMUM = 120;
    private static final String HOVER_TIP = "table-fit-tip";

    private TableFit() {
    }

    /**
     * Sizes {@code columns} of {@code table} to their content whenever its items or width change (sharing the room the
     * other columns leave, see {@link #fit}), and shows the whole text of every cell of the table on hover. Columns not named keep their
     * width.
     */
    @SafeVarargs
    public static <S> void install(TableView<S> table, TableColumn<S, ?>... columns) {
        installElastic(table, null, columns);
    }

    /**
     * {@link #install(TableView, TableColumn[])}, where {@code elastic} (one of {@code columns}) always takes the room
     * the others leave, and every other fitted column is as wide as its content and no wider (amounts beside a name).
     */
    @SafeVarargs
    public static <S> void installElastic(TableView<S> table, TableColumn<S, ?> elastic, TableColumn<S, ?>... columns) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<TableColumn<S, ?>> fitted = List.of(columns);
        boolean[] pending = new boolean[1];
        // the texts measured, kept from fit to fit: a slider move shows mostly the same labels again
        TextWidths[] widths = new TextWidths[1];
        Runnable refit = () -> {
            if (!pending[0]) {
                pending[0] = true;
                Platform.runLater(() -> {
                    pending[0] = false;
                    fit(table, fitted, elastic, widths);
                });
            }
        };
        table.getItems().addListener((ListChangeListener<S>) change -> refit.run());
        table.itemsProperty().addListener((observable, before, items) -> {
            items.addListener((ListChangeListener<S>) change -> refit.run());
            refit.run();
        });
        table.widthProperty().addListener((InvalidationListener) observable -> refit.run());
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.visibleProperty().addListener((InvalidationListener) observable -> refit.run());
        }
        refit.run();
        wholeTextOnHover(table);
    }

    /** Every cell of {@code table} shows its whole text in a tooltip (a cell with its own tooltip keeps it). */
    public static void wholeTextOnHover(TableView<?> table) {
        table.addEventFilter(MouseEvent.MOUSE_MOVED, event -> {
            for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != table; node = node.getParent()) {
                if (node instanceof TableCell<?, ?> cell) {
                    String text = cell.getText();
                    Tooltip own = cell.getTooltip();
                    if (own != null && !HOVER_TIP.equals(own.getUserData())) {
                        return;
                    }
                    if (text == null || text.isEmpty()) {
                        cell.setTooltip(null);
                    } else if (own == null) {
                        Tooltip tip = new Tooltip(text);
                        tip.setUserData(HOVER_TIP);
                        tip.setWrapText(true);
                        tip.setMaxWidth(640);
                        cell.setTooltip(tip);
                    } else {
                        own.setText(text);
                    }
                    return;
                }
            }
        });
    }

    /**
     * The fitted columns share the room the others leave by what their content wants, narrowest first: each gets its
     * content's width while its fair share allows, so short values are never cut for a long one; the widest takes what
     * is left (at least {@link #ELASTIC_MINIMUM} or its content), and reads whole on hover when cut. Where even that
     * does not fit, the table scrolls sideways.
     */
    private static <S> void fit(TableView<S> table, List<TableColumn<S, ?>> fitted, TableColumn<S, ?> elastic, TextWidths[] widths) {
        double width = table.getWidth();
        if (width <= 0) {
            return;
        }
        Node cell = table.lookup(".table-cell");
        // measured in a cell's own font the content needs no more; with the default font (before the table's style is
        // applied) a fifth more, as the table's own font may be larger
        Font font = cell instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
        double spare = cell instanceof Labeled ? 1.1 : 1.2;
        if (widths[0] == null || !widths[0].font().equals(font)) {
            widths[0] = new TextWidths(font);
        }
        double fixed = 0;
        List<TableColumn<S, ?>> shown = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column.isVisible() && fitted.contains(column)) {
                shown.add(column);
            } else if (column.isVisible()) {
                fixed += column.getWidth();
            }
        }
        Map<TableColumn<S, ?>, Double> wanted = new HashMap<>();
        for (TableColumn<S, ?> column : shown) {
            // beside an elastic column (a name beside amounts) the others are exactly as wide as their content
            double content = elastic == null || column == elastic ? contentWidth(table, column, widths[0], spare, CELL_PADDING)
                    : contentWidth(table, column, widths[0], 1.02, CELL_PADDING - 8);
            wanted.put(column, Math.max(column.getMinWidth(), content));
        }
        shown.sort(Comparator.comparingDouble(wanted::get));
        if (elastic != null && shown.remove(elastic)) {
            shown.add(elastic);
        }
        double left = width - fixed - SCROLL_BAR;
        for (int index = 0; index < shown.size(); index++) {
            TableColumn<S, ?> column = shown.get(index);
            double want = wanted.get(column);
            boolean widest = index == shown.size() - 1;
            double given = widest ? Math.max(left, Math.min(want, ELASTIC_MINIMUM))
                    : Math.max(Math.min(want, left / (shown.size() - index)), Math.min(want, ELASTIC_MINIMUM));
            widen(column, Math.floor(Math.max(given, column.getMinWidth())));
            left -= given;
        }
    }

    /** Gives {@code column} this width, also when its preferred width already says so but a layout narrowed it. */
    private static void widen(TableColumn<?, ?> column, double width) {
        if (column.getPrefWidth() == width && Math.abs(column.getWidth() - width) > 0.5) {
            column.setPrefWidth(width + 1); // the same preferred width again would not be noticed
        }
        column.setPrefWidth(width);
    }

    private static <S> double contentWidth(TableView<S> table, TableColumn<S, ?> column, TextWidths widths, double spare,
                                           double padding) {
        double widest = widths.width(column.getText() == null ? "" : column.getText()) + 8;
        List<S> items = table.getItems();
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < Math.min(items.size(), MEASURED_ROWS); row++) {
            Object value = column.getCellData(row);
            if (value instanceof String text) {
                texts.add(text);
            } else if (value != null) {
                return column.getPrefWidth(); // drawn by its own cell: the width it was given
            }
        }
        widest = Math.max(widest, widths.widest(texts));
        return Math.min(WIDEST_COLUMN, Math.ceil(widest * spare + padding));
    }
}

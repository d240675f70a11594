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
    /**
     * A column's own floor in place of {@link #ELASTIC_MINIMUM} (a {@code Double} in its properties): names that break
     * at their colons (As known, session 23) may be narrower than 120 px so three amount columns beside them read whole.
     */
    public static final String ELASTIC_FLOOR = "dev.eventscope.ui.TableFit.elasticFloor";
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
        installFitting(new Fitting<>(table, List.of(columns), elastic, false));
    }

    /**
     * {@link #install(TableView, TableColumn[])} for a table whose rows are values (immutable) and whose cells' texts
     * depend on their row alone: a row read before (the same instance at the same place) is not read again, so a
     * change of a few rows (a slider move) reads and measures only those.
     */
    @SafeVarargs
    public static <S> void installByRow(TableView<S> table, TableColumn<S, ?>... columns) {
        installFitting(new Fitting<>(table, List.of(columns), null, true));
    }

    private static <S> void installFitting(Fitting<S> fitting) {
        TableView<S> table = fitting.table;
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ListChangeListener<S> rowsChanged = fitting::changed;
        table.getItems().addListener(rowsChanged);
        table.itemsProperty().addListener((observable, before, items) -> {
            if (before != null) {
                before.removeListener(rowsChanged);
            }
            items.addListener(rowsChanged);
            fitting.refit(true);
        });
        table.widthProperty().addListener((InvalidationListener) observable -> fitting.refit(false));
        // the fit runs before the layout pass of the pulse that follows a change, so no frame shows the table unfitted
        // (session 14: a runLater after the rows changed could come after the layout, and a shot caught a sideways bar)
        Runnable beforeLayout = fitting::beforeLayout;
        table.sceneProperty().addListener((observable, before, scene) -> {
            if (before != null) {
                before.removePreLayoutPulseListener(beforeLayout);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(beforeLayout);
                fitting.refit(false);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPreLayoutPulseListener(beforeLayout);
        }
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.visibleProperty().addListener((InvalidationListener) observable -> fitting.refit(true));
            if (!fitting.fitted.contains(column)) {
                // a column sized elsewhere (the history's numbers widened for six digits) leaves the others less room
                column.widthProperty().addListener((InvalidationListener) observable -> fitting.refit(false));
            }
        }
        fitting.refit(true);
        wholeTextOnHover(table);
    }

    /**
     * One table's fitting: the texts of the measured rows are kept from fit to fit, so a fit that only the table's width
     * asks for reads no row again; any change of the rows reads them all again, except, where rows are values
     * ({@link #installByRow}), the rows that are the same instances at the same places as when read.
     */
    private static final class Fitting<S> {
        private final TableView<S> table;
        private final List<TableColumn<S, ?>> fitted;
        private final TableColumn<S, ?> elastic;
        private final boolean byRow;
        /** The texts read per fitted column, by row (up to {@link #MEASURED_ROWS}); none when a column must be read whole. */
        private final Map<TableColumn<S, ?>, Read<S>> texts = new HashMap<>();
        private boolean readAll = true;
        private boolean pending;
        /** The texts measured, kept from fit to fit: a slider move shows mostly the same labels again. */
        private TextWidths widths;

        Fitting(TableView<S> table, List<TableColumn<S, ?>> fitted, TableColumn<S, ?> elastic, boolean byRow) {
            this.table = table;
            this.fitted = fitted;
            this.elastic = elastic;
            this.byRow = byRow;
        }

        void changed(ListChangeListener.Change<? extends S> change) {
            // every row is read again: reading only the updated ones left a column fitted to stale texts in the
            // screenshots (the state table's item column), not yet understood
            refit(true);
        }

        /**
         * Fits before the next layout pass ({@code readAll}: every row's text may have changed); a table not yet in a
         * scene fits before the first layout of the scene it joins.
         */
        void refit(boolean everyRow) {
            readAll |= everyRow;
            if (!pending) {
                pending = true;
                Platform.requestNextPulse();
            }
        }

        /** Called before every layout pass of the table's scene: fits if asked since the last fit. */
        void beforeLayout() {
            if (pending) {
                pending = false;
                fit(this);
            }
        }

        /** The texts of {@code column}'s measured rows (read again after the rows changed); null when its cells draw no text. */
        Read<S> texts(TableColumn<S, ?> column) {
            List<S> items = table.getItems();
            int rows = Math.min(items.size(), MEASURED_ROWS);
            Read<S> kept = texts.get(column);
            if (!readAll && kept != null && kept.texts.size() == rows) {
                return kept;
            }
            if (!byRow || kept == null) {
                kept = new Read<>(new ArrayList<>(rows), new ArrayList<>(rows));
            }
            boolean changed = kept.texts.size() != rows;
            for (int row = 0; row < rows; row++) {
                S item = items.get(row);
                if (row < kept.rows.size() && kept.rows.get(row) == item) {
                    continue; // the same value at the same place reads as when read
                }
                Object value = column.getCellData(row);
                if (value != null && !(value instanceof String)) {
                    texts.remove(column);
                    return null; // drawn by its own cell
                }
                String text = value == null ? "" : (String) value;
                if (row < kept.rows.size()) {
                    kept.rows.set(row, item);
                    changed |= !text.equals(kept.texts.set(row, text));
                } else {
                    kept.rows.add(byRow ? item : null); // only a table of values reuses what it read by row
                    kept.texts.add(text);
                }
            }
            kept.rows.subList(rows, kept.rows.size()).clear();
            kept.texts.subList(rows, kept.texts.size()).clear();
            if (changed) {
                kept.widest = -1;
            }
            texts.put(column, kept);
            return kept;
        }

        /** Every column has been read: until the rows change, the next fit reuses the texts. */
        void read() {
            readAll = false;
        }
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
     * Keeps {@code column} at least as wide as the widest line of its texts, at most {@code most}: a short label ("Last
     * posted") or an id on a line of its own ("JE-2025-0196") is then never broken, however the others share the room.
     */
    public static <S> void keepLinesWhole(TableView<S> table, TableColumn<S, ?> column, double most) {
        TextWidths[] widths = new TextWidths[1];
        InvalidationListener measure = observable -> {
            Font regular = table.lookup(".table-cell") instanceof Labeled cell ? cell.getFont() : Font.getDefault();
            // measured in bold: a changed line is set in bold, and a line measured in the regular face was broken in
            // bold ("(all" above a cut "commodities)" at 1280 px, session 19's upcast shot)
            Font font = Font.font(regular.getFamily(), javafx.scene.text.FontWeight.BOLD, regular.getSize());
            if (widths[0] == null || !widths[0].font().equals(font)) {
                widths[0] = new TextWidths(font);
            }
            double widest = 0;
            for (int row = 0; row < Math.min(table.getItems().size(), MEASURED_ROWS); row++) {
                Object text = column.getCellData(row);
                if (text != null) {
                    for (String line : text.toString().split("\n")) {
                        widest = Math.max(widest, widths[0].width(line));
                    }
                }
            }
            // a breaking cell lets a line take nine tenths of its room (BreakingCell.spare): the column leaves it that
            column.setMinWidth(Math.min(most, Math.ceil(widest / 0.9 + CELL_PADDING)));
        };
        table.getItems().addListener(measure);
        table.itemsProperty().addListener((observable, before, items) -> {
            if (before != null) {
                before.removeListener(measure);
            }
            if (items != null) {
                items.addListener(measure);
            }
        });
    }

    /**
     * The fitted columns share the room the others leave by what their content wants, narrowest first: each gets its
     * content's width while its fair share allows, so short values are never cut for a long one; the widest takes what
     * is left (at least {@link #ELASTIC_MINIMUM} or its content), and reads whole on hover when cut. Where even that
     * does not fit, the table scrolls sideways.
     */
    private static <S> void fit(Fitting<S> fitting) {
        TableView<S> table = fitting.table;
        double width = table.getWidth();
        if (width <= 0) {
            return;
        }
        Node cell = table.lookup(".table-cell");
        // measured in a cell's own font the content needs no more; with the default font (before the table's style is
        // applied) a fifth more, as the table's own font may be larger
        Font font = cell instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
        double spare = cell instanceof Labeled ? 1.1 : 1.2;
        if (fitting.widths == null || !fitting.widths.font().equals(font)) {
            fitting.widths = new TextWidths(font);
        }
        TableColumn<S, ?> elastic = fitting.elastic;
        double fixed = 0;
        List<TableColumn<S, ?>> shown = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column.isVisible() && fitting.fitted.contains(column)) {
                shown.add(column);
            } else if (column.isVisible()) {
                fixed += column.getWidth();
            }
        }
        Map<TableColumn<S, ?>, Double> wanted = new HashMap<>();
        for (TableColumn<S, ?> column : shown) {
            // beside an elastic column (a name beside amounts) the others are exactly as wide as their content
            double content = elastic == null || column == elastic ? contentWidth(fitting, column, spare, CELL_PADDING)
                    : contentWidth(fitting, column, 1.02, CELL_PADDING - 8);
            wanted.put(column, Math.max(column.getMinWidth(), content));
        }
        fitting.read();
        shown.sort(Comparator.comparingDouble(wanted::get));
        if (elastic != null && shown.remove(elastic)) {
            shown.add(elastic);
        }
        double left = width - fixed - SCROLL_BAR;
        for (int index = 0; index < shown.size(); index++) {
            TableColumn<S, ?> column = shown.get(index);
            double want = wanted.get(column);
            boolean widest = index == shown.size() - 1;
            double floor = column.getProperties().get(ELASTIC_FLOOR) instanceof Double own ? own : ELASTIC_MINIMUM;
            double given = widest ? Math.max(left, Math.min(want, floor))
                    : Math.max(Math.min(want, left / (shown.size() - index)), Math.min(want, floor));
            // a column kept wider than its share (its minimum) leaves the others that much less
            double kept = Math.floor(Math.max(given, column.getMinWidth()));
            widen(column, kept);
            left -= kept;
        }
    }

    /** Gives {@code column} this width, also when its preferred width already says so but a layout narrowed it. */
    private static void widen(TableColumn<?, ?> column, double width) {
        if (column.getPrefWidth() == width && Math.abs(column.getWidth() - width) > 0.5) {
            column.setPrefWidth(width + 1); // the same preferred width again would not be noticed
        }
        column.setPrefWidth(width);
    }

    private static <S> double contentWidth(Fitting<S> fitting, TableColumn<S, ?> column, double spare, double padding) {
        TextWidths widths = fitting.widths;
        double widest = widths.width(column.getText() == null ? "" : column.getText()) + 8;
        Read<S> read = fitting.texts(column);
        if (read == null) {
            return column.getPrefWidth(); // drawn by its own cell: the width it was given
        }
        if (read.widest < 0 || read.font != widths) {
            read.widest = widths.widest(read.texts);
            read.font = widths;
        }
        widest = Math.max(widest, read.widest);
        return Math.min(WIDEST_COLUMN, Math.ceil(widest * spare + padding));
    }

    /**
     * One column's measured rows as read: each row's item (kept only where rows are values) and text, and the width of
     * the widest text in the font measured in (negative: not measured since a text changed).
     */
    private static final class Read<S> {
        private final List<S> rows;
        private final List<String> texts;
        private double widest = -1;
        private TextWidths font;

        Read(List<S> rows, List<String> texts) {
            this.rows = rows;
            this.texts = texts;
        }
    }
}

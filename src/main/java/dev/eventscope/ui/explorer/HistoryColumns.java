package dev.eventscope.ui.explorer;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.List;
import java.util.function.Function;

/** How the history table's columns show an {@link EventRow}. */
final class HistoryColumns {

    private HistoryColumns() {
    }

    static void text(TableColumn<EventRow, String> column, Function<EventRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    static void number(TableColumn<EventRow, Long> column, Function<EventRow, Long> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /**
     * The "#" and "Ver" columns as wide as the most digits their rows hold, never narrower than designed: on the ledger
     * of a 100,000-entry journal every position read "35…" (session 23). Measured as that many of the font's widest
     * digit, in a history cell's font and padding once a cell is there (after the first layout with rows). The other
     * columns make room: {@link dev.eventscope.ui.TableFit} fits again when a column it does not size changes width, and
     * {@link #giveWayWhenNarrow} when a minimum width does, so the history never scrolls sideways for them.
     */
    @SafeVarargs
    static void numbersWhole(TableView<EventRow> table, TableColumn<EventRow, Long>... columns) {
        double[][] designed = new double[columns.length][];
        for (int index = 0; index < columns.length; index++) {
            designed[index] = new double[] {columns[index].getMinWidth(), columns[index].getPrefWidth()};
        }
        InvalidationListener fit = observable -> {
            javafx.scene.Node cell = table.lookup(".table-row-cell .table-cell");
            javafx.scene.text.Font font = cell instanceof TableCell<?, ?> shown ? shown.getFont() : javafx.scene.text.Font.getDefault();
            double padding = cell instanceof TableCell<?, ?> shown ? shown.snappedLeftInset() + shown.snappedRightInset() : NUMBER_PADDING;
            javafx.scene.text.Text measure = new javafx.scene.text.Text();
            measure.setFont(font);
            double digit = 0;
            for (char figure = '0'; figure <= '9'; figure++) {
                measure.setText(String.valueOf(figure).repeat(7));
                digit = Math.max(digit, measure.getLayoutBounds().getWidth() / 7);
            }
            for (int index = 0; index < columns.length; index++) {
                long most = 0;
                for (EventRow row : table.getItems()) {
                    Long value = columns[index].getCellData(row);
                    most = value == null ? most : Math.max(most, value);
                }
                double needed = Math.ceil(Long.toString(most).length() * digit + padding) + NUMBER_SLACK;
                columns[index].setMinWidth(Math.max(designed[index][0], needed));
                columns[index].setPrefWidth(Math.max(designed[index][1], needed));
            }
        };
        table.itemsProperty().addListener((observable, before, items) -> {
            if (before != null) {
                before.removeListener(fit);
            }
            if (items != null) {
                items.addListener(fit);
            }
            fit.invalidated(observable);
        });
        if (table.getItems() != null) {
            table.getItems().addListener(fit);
        }
        // the font and padding are known once the table has cells with rows: measured again then, once
        boolean[] measuredInCells = new boolean[1];
        table.needsLayoutProperty().addListener((observable, before, needs) -> {
            if (!needs && !measuredInCells[0] && !table.getItems().isEmpty() && table.lookup(".table-row-cell .table-cell") != null) {
                measuredInCells[0] = true;
                javafx.application.Platform.runLater(() -> fit.invalidated(null));
            }
        });
        fit.invalidated(null);
    }

    /** A history cell's padding (explorer.css: 8 px a side), before a cell is there to ask. */
    private static final double NUMBER_PADDING = 16;
    /** Room past the digits and padding (the label's rounding, the column's border), so no ellipsis is drawn. */
    private static final double NUMBER_SLACK = 6;

    /** Local time to the second; the tooltip gives the exact UTC time to the microsecond. */
    static void recorded(TableColumn<EventRow, EventRow> column) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator((left, right) -> Long.compare(left.event().recordedAtMicros(), right.event().recordedAtMicros()));
        column.setCellFactory(ignored -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            {
                tooltip.setShowDelay(Duration.millis(300));
            }

            @Override
            protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(row.recordedLocal());
                    tooltip.setText(row.recordedUtc());
                    setTooltip(tooltip);
                }
            }
        });
    }

    /**
     * The hash status, coloured: green verified, red tampered, grey unverified; in a {@code narrow} table its symbol alone
     * (✓, ✗, ⚠, ?), the words in the tooltip and the detail.
     */
    static void hash(TableColumn<EventRow, EventRow> column, ObservableBooleanValue narrow) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator((left, right) -> left.hashStatus().compareTo(right.hashStatus()));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("hash-verified", "hash-tampered", "hash-unverifiable", "hash-unverified");
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                // the long "unverifiable after the break" is shortened in the table; the tooltip and the detail give it in full
                String label = row.hashStatus() == HashStatus.UNVERIFIABLE ? "⚠ unverifiable" : row.hashLabel();
                setText(narrow.get() ? label.substring(0, label.indexOf(' ')) : label);
                setTooltip(new Tooltip(row.hashLabel()));
                getStyleClass().add("hash-" + row.hashStatus().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    /**
     * A table too narrow for every column (the explorer at 1280 px) scrolled sideways with the summary and the hash off to
     * the right. There the hash shows its symbol alone and the columns the event detail repeats ({@code givingWay}: its
     * version, command and user, then its type) give way in that order until the rest and a summary of
     * {@link #SUMMARY_MINIMUM} fit; each comes back as the table widens. Before the hash narrows, the version, command
     * and user give way to a summary of {@link #SUMMARY_COMFORTABLE} (at 1920 px the summary read "-14.90 EUR, Spar…"). {@code narrow} says whether the hash shows
     * its symbol alone.
     */
    @SafeVarargs
    static void giveWayWhenNarrow(TableView<EventRow> table, TableColumn<EventRow, ?> summary, TableColumn<EventRow, ?> hash,
                                  BooleanProperty narrow, TableColumn<EventRow, ?>... givingWay) {
        List<TableColumn<EventRow, ?>> optional = List.of(givingWay);
        double hashWidth = hash.getPrefWidth();
        double hashMinimum = hash.getMinWidth();
        InvalidationListener fit = observable -> {
            double room = table.getWidth() - SCROLL_BAR;
            if (room <= 0) {
                return;
            }
            double others = 0;
            for (TableColumn<EventRow, ?> column : table.getColumns()) {
                boolean shown = optional.contains(column) || column.isVisible();
                if (shown && column != hash && column != summary) {
                    others += column.getMinWidth();
                }
            }
            // first the version, command and user give way to a summary that reads ("-14.90 EUR, Sparkasse account
            // fees, with …" was "-14.90 EUR, Spar…" at 1920 px), the hash keeping its words
            int hidden = 0;
            double comfortable = SUMMARY_COMFORTABLE + others + hashMinimum;
            while (hidden < Math.min(COMFORT_GIVES_WAY, optional.size()) && comfortable > room) {
                comfortable -= optional.get(hidden++).getMinWidth();
            }
            double needed = SUMMARY_MINIMUM + others;
            for (int index = 0; index < hidden; index++) {
                needed -= optional.get(index).getMinWidth();
            }
            // then, narrower still, the hash shows its symbol alone and the rest give way to the least summary
            boolean tight = needed + hashMinimum > room;
            needed += tight ? NARROW_HASH : hashMinimum;
            while (hidden < optional.size() && needed > room) {
                needed -= optional.get(hidden++).getMinWidth();
            }
            for (int index = 0; index < optional.size(); index++) {
                optional.get(index).setVisible(index >= hidden);
            }
            hash.setMinWidth(tight ? NARROW_HASH : hashMinimum);
            hash.setPrefWidth(tight ? NARROW_HASH : hashWidth);
            if (narrow.get() != tight) {
                narrow.set(tight);
                table.refresh();
            }
        };
        table.widthProperty().addListener(fit);
        // a number column widened for its digits (numbersWhole) leaves less room: fitted again
        table.getColumns().stream().filter(column -> column != hash).forEach(column -> column.minWidthProperty().addListener(fit));
        table.getColumns().forEach(column -> column.visibleProperty().addListener((observable, before, shown) -> {
            if (!optional.contains(column)) {
                fit.invalidated(observable);
            }
        }));
    }

    /** The room a summary is given, where the version, command and user columns can make it, before the hash narrows. */
    private static final double SUMMARY_COMFORTABLE = 300;
    /** How many of the columns giving way (the version, command and user) do so for a comfortable summary. */
    private static final int COMFORT_GIVES_WAY = 3;
    /** The least room a summary is left beside the other columns before one of them gives way. */
    private static final double SUMMARY_MINIMUM = 120;
    /** A hash column with its symbol alone, as wide as its header. */
    private static final double NARROW_HASH = 52;
    private static final double SCROLL_BAR = 18;
}

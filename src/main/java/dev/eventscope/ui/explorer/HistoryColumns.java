package dev.eventscope.ui.explorer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

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

    /** The hash status, coloured: green verified, red tampered, grey unverified. */
    static void hash(TableColumn<EventRow, EventRow> column) {
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
                setText(row.hashStatus() == HashStatus.UNVERIFIABLE ? "⚠ unverifiable" : row.hashLabel());
                setTooltip(new Tooltip(row.hashLabel()));
                getStyleClass().add("hash-" + row.hashStatus().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }
}

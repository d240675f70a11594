package dev.eventscope.ui.explorer;

import dev.eventscope.ui.DateFields;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.CheckComboBox;

/** The explorer's history panel (HistoryView.fxml): the filters and the table of the selected stream's events. */
public final class HistoryView {

    private final HistoryViewModel history;
    private boolean syncing;

    @FXML private Label historyTitle;
    @FXML private CheckComboBox<String> eventTypeFilter;
    @FXML private CheckComboBox<String> userFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField textSearch;
    @FXML private TableView<EventRow> historyTable;
    @FXML private TableColumn<EventRow, Long> positionColumn;
    @FXML private TableColumn<EventRow, Long> versionColumn;
    @FXML private TableColumn<EventRow, String> typeColumn;
    @FXML private TableColumn<EventRow, String> streamColumn;
    @FXML private TableColumn<EventRow, EventRow> recordedColumn;
    @FXML private TableColumn<EventRow, String> userColumn;
    @FXML private TableColumn<EventRow, String> commandColumn;
    @FXML private TableColumn<EventRow, String> summaryColumn;
    @FXML private TableColumn<EventRow, EventRow> hashColumn;
    @FXML private ProgressIndicator historyProgress;

    HistoryView(HistoryViewModel history) {
        this.history = history;
    }

    @FXML
    private void initialize() {
        historyTitle.textProperty().bind(history.titleProperty());
        CheckedFilter.bind(eventTypeFilter, history.eventTypeChoices(), history.checkedEventTypes(),
                HistoryViewModel.ALL_EVENT_TYPES);
        CheckedFilter.bind(userFilter, history.userChoices(), history.checkedUsers(), HistoryViewModel.ALL_USERS);
        fromDate.valueProperty().bindBidirectional(history.recordedFromProperty());
        toDate.valueProperty().bindBidirectional(history.recordedToProperty());
        // the pickers themselves turn red and say what to type; the history keeps its last filter meanwhile
        DateFields.install(fromDate, problem -> { });
        DateFields.install(toDate, problem -> { });
        textSearch.textProperty().bindBidirectional(history.textProperty());
        historyProgress.visibleProperty().bind(history.loadingProperty());
        streamColumn.visibleProperty().bind(history.acrossStreamsProperty());

        HistoryColumns.number(positionColumn, EventRow::position);
        HistoryColumns.number(versionColumn, row -> row.event().version());
        HistoryColumns.text(typeColumn, row -> row.event().type());
        HistoryColumns.text(streamColumn, row -> row.event().streamId().value());
        HistoryColumns.recorded(recordedColumn);
        HistoryColumns.text(userColumn, EventRow::user);
        HistoryColumns.text(commandColumn, EventRow::command);
        HistoryColumns.text(summaryColumn, EventRow::summary);
        javafx.beans.property.BooleanProperty narrow = new javafx.beans.property.SimpleBooleanProperty();
        HistoryColumns.hash(hashColumn, narrow);

        SortedList<EventRow> sorted = new SortedList<>(history.rows());
        sorted.comparatorProperty().bind(historyTable.comparatorProperty());
        historyTable.setItems(sorted);
        // sized to what they hold (a user name, a command), so no value is cut while the summary has room
        dev.eventscope.ui.TableFit.install(historyTable, typeColumn, streamColumn, userColumn, commandColumn, summaryColumn);
        HistoryColumns.giveWayWhenNarrow(historyTable, summaryColumn, hashColumn, narrow, versionColumn, commandColumn, userColumn, typeColumn);
        HistoryColumns.numbersWhole(historyTable, positionColumn, versionColumn);
        historyTable.setPlaceholder(new Label("No events to show"));
        historyTable.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (!syncing) {
                history.select(row);
            }
        });
        history.selectedProperty().addListener((observable, before, row) -> selectInTable(row));
        // a banner above (the integrity check's) or the window made lower shrinks the table from below: the picked event,
        // often the last, stays whole (the skin scrolls as little as keeps it so, in the same layout pass)
        historyTable.setSkin(new PickedRowSkin<>(historyTable));
    }

    private void selectInTable(EventRow row) {
        if (historyTable.getSelectionModel().getSelectedItem() == row) {
            return;
        }
        syncing = true;
        try {
            if (row == null) {
                historyTable.getSelectionModel().clearSelection();
            } else {
                historyTable.getSelectionModel().select(row);
                int index = historyTable.getItems().indexOf(row);
                // a row already seen whole stays where it is (Verify re-labels every row and picks the same event again)
                if (index >= 0 && !(historyTable.getSkin() instanceof PickedRowSkin<?> skin && skin.showsWhole(index))) {
                    historyTable.scrollTo(Math.max(0, index - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** Puts the cursor in the full-text search over event data. */
    void focusSearch() {
        textSearch.requestFocus();
        textSearch.selectAll();
    }

    @FXML
    private void clearFilters() {
        history.clearFilters();
    }
}

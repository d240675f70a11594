package dev.eventscope.ui.timeline;

import dev.eventscope.ui.BreakingCell;
import dev.eventscope.ui.TableFit;
import dev.eventscope.ui.state.StateRow;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.function.Consumer;

import static dev.eventscope.ui.timeline.TextColumns.value;

/**
 * The State tab (StateView.fxml, included by the state panel): the state at the slider's point, changed lines tinted
 * with "before → after"; a balance line leads to "why this value?", a line about an entry or event to the history.
 */
public final class StateView {

    private final PointStateViewModel model;
    private Consumer<StateRow> explain = row -> { };

    @FXML private Label stateHeading;
    @FXML private TableView<StateRow> stateTable;
    @FXML private Label statePlaceholder;
    @FXML private TableColumn<StateRow, String> stateGroupColumn;
    @FXML private TableColumn<StateRow, String> stateItemColumn;
    @FXML private TableColumn<StateRow, String> stateValueColumn;
    @FXML private Button whyButton;

    StateView(PointStateViewModel model) {
        this.model = model;
    }

    /** What "Why this value?" does with a balance line (the panel shows its postings on the Why? tab). */
    void setOnExplain(Consumer<StateRow> explain) {
        this.explain = explain;
    }

    /** The view model shown (tests find it through the table's scene). */
    public PointStateViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        stateHeading.textProperty().bind(model.headingProperty());
        // a slider move reports the lines as updated: the table refreshes the rows it shows instead of rebuilding them
        stateTable.setItems(model.rows());
        // with no stream selected and "Selected stream" chosen there is no timeline to move: say what to do instead
        statePlaceholder.textProperty().bind(model.placeholderProperty());
        value(stateGroupColumn, StateRow::section);
        value(stateItemColumn, StateRow::label);
        value(stateValueColumn, StateRow::display);
        // a long account name or "before → after" goes onto two lines in a narrow panel rather than being cut
        BreakingCell.install(stateItemColumn);
        BreakingCell.install(stateValueColumn);
        // the item and the value share the room by what they hold: "Last posting on" is not cut while the value has room;
        // the lines are values, so a move reads and measures only the lines it changed
        TableFit.installByRow(stateTable, stateItemColumn, stateValueColumn);
        // an item is a label, a date or an id: each line whole (the value breaks instead)
        TableFit.keepLinesWhole(stateTable, stateItemColumn, 170);
        // the line at the selected index (an update keeps the index while the line there changes)
        whyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedLine() == null || !selectedLine().explainable(),
                stateTable.getSelectionModel().selectedIndexProperty(), model.rows()));
        stateTable.setRowFactory(ignored -> row());
        // Enter does what a click does: a balance shows its postings (Why?), "Reverses JE-…" opens that entry
        stateTable.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            StateRow line = selectedLine();
            if (key.getCode() != javafx.scene.input.KeyCode.ENTER || line == null) {
                return;
            }
            if (line.linkedEntry() != null) {
                key.consume();
                model.openEntry(line.linkedEntry());
            } else if (line.explainable()) {
                key.consume();
                explain(line);
            }
        });
    }

    private TableRow<StateRow> row() {
        TableRow<StateRow> row = new TableRow<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(StateRow line, boolean empty) {
                super.updateItem(line, empty);
                boolean changed = !empty && line != null && line.changed();
                // style classes change only when they must: each change restyles the row
                styleClass("changed", changed);
                styleClass("entry-link", !empty && line != null && line.linkedEntry() != null);
                styleClass("total", !empty && line != null && (line.key().startsWith("total:")
                        || line.key().startsWith("debits:") || line.key().startsWith("credits:")));
                if (changed) {
                    tooltip.setText("was " + line.before() + ", now " + line.value());
                    setTooltip(tooltip);
                } else {
                    setTooltip(null);
                }
            }

            private void styleClass(String name, boolean wanted) {
                if (wanted != getStyleClass().contains(name)) {
                    if (wanted) {
                        getStyleClass().add(name);
                    } else {
                        getStyleClass().remove(name);
                    }
                }
            }
        };
        MenuItem explainItem = new MenuItem("Why this value?");
        explainItem.setOnAction(event -> explain(row.getItem()));
        MenuItem show = new MenuItem("Show this event in the history");
        show.setOnAction(event -> model.showEvent(row.getItem().position()));
        ContextMenu menu = new ContextMenu(explainItem, show);
        menu.setOnShowing(event -> {
            explainItem.setDisable(row.getItem() == null || !row.getItem().explainable());
            show.setDisable(row.getItem() == null || row.getItem().position() <= 0);
        });
        row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null : menu));
        row.setOnMouseClicked(event -> {
            if (row.getItem() != null && row.getItem().linkedEntry() != null) {
                // "Reverses JE-2025-0026" is a link to that entry
                model.openEntry(row.getItem().linkedEntry());
            } else if (event.getClickCount() == 2 && row.getItem() != null && row.getItem().explainable()) {
                explain(row.getItem());
            }
        });
        return row;
    }

    @FXML
    private void explainSelected() {
        explain(selectedLine());
    }

    private StateRow selectedLine() {
        int index = stateTable.getSelectionModel().getSelectedIndex();
        return index < 0 || index >= model.rows().size() ? null : model.rows().get(index);
    }

    private void explain(StateRow row) {
        if (row != null && row.explainable()) {
            explain.accept(row);
        }
    }
}

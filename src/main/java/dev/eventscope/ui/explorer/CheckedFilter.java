package dev.eventscope.ui.explorer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.IndexedCheckModel;

import java.util.List;

/**
 * Ties a ControlsFX {@link CheckComboBox} to a multi-value filter of a view model: the box offers the model's
 * choices, ticking or unticking a value changes the model's checked list, and a change of the model (Clear, a new
 * stream without a ticked value) re-ticks the box. The box says what is ticked, or {@code nothingTicked}.
 */
final class CheckedFilter {

    private final CheckComboBox<String> box;
    private final ObservableList<String> choices;
    private final ObservableList<String> checked;
    private final String nothingTicked;
    private boolean syncing;

    private CheckedFilter(CheckComboBox<String> box, ObservableList<String> choices, ObservableList<String> checked,
                          String nothingTicked) {
        this.box = box;
        this.choices = choices;
        this.checked = checked;
        this.nothingTicked = nothingTicked;
    }

    static void bind(CheckComboBox<String> box, ObservableList<String> choices, ObservableList<String> checked,
                     String nothingTicked) {
        CheckedFilter filter = new CheckedFilter(box, choices, checked, nothingTicked);
        box.getProperties().put(CheckedFilter.class, filter); // lives as long as the box
        filter.itemsFromModel();
        choices.addListener((ListChangeListener<String>) change -> filter.itemsFromModel());
        checked.addListener((ListChangeListener<String>) change -> filter.checksFromModel());
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> filter.checksFromBox());
    }

    private void itemsFromModel() {
        syncing = true;
        try {
            box.getItems().setAll(choices);
        } finally {
            syncing = false;
        }
        checksFromModel();
    }

    private void checksFromModel() {
        unlessSyncing(() -> {
            IndexedCheckModel<String> model = box.getCheckModel();
            if (!List.copyOf(model.getCheckedItems()).equals(List.copyOf(checked))) {
                model.clearChecks();
                checked.stream().filter(box.getItems()::contains).forEach(model::check);
            }
        });
    }

    private void checksFromBox() {
        // in the order of the choices, so the title reads the same whichever was ticked first
        unlessSyncing(() -> checked.setAll(box.getItems().stream().filter(box.getCheckModel()::isChecked).toList()));
    }

    /** Runs one side's update of the other, unless that update is itself the echo of one; then says what is ticked. */
    private void unlessSyncing(Runnable update) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            update.run();
        } finally {
            syncing = false;
        }
        showTitle();
    }

    private void showTitle() {
        String title = checked.isEmpty() ? nothingTicked : String.join(", ", checked);
        box.setTitle(title);
        box.setTooltip(new Tooltip(checked.isEmpty() ? nothingTicked + " (tick some to show only those)" : title));
    }
}

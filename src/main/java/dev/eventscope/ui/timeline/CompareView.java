package dev.eventscope.ui.timeline;

import dev.eventscope.ui.BreakingCell;
import dev.eventscope.ui.TableFit;
import dev.eventscope.ui.state.CompareRow;
import dev.eventscope.ui.state.Comparison;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.RangeSlider;

import java.util.List;

import static dev.eventscope.ui.timeline.TextColumns.value;

/**
 * The Compare tab (CompareView.fxml, included by the state panel): two points typed in or chosen with the range's
 * thumbs on the timeline's axis, and what differs between them.
 */
public final class CompareView {

    /** Below this width the compare table shows before and after in one column, on two lines. */
    private static final double WIDE_COMPARE = 520;

    private final CompareViewModel model;
    private boolean narrowCompare;

    @FXML private TextField compareFrom;
    @FXML private TextField compareTo;
    @FXML private RangeSlider compareRange;
    @FXML private Label compareRangeLabel;
    @FXML private Label compareStatus;
    @FXML private TableView<CompareRow> compareTable;
    @FXML private TableColumn<CompareRow, String> compareItemColumn;
    @FXML private TableColumn<CompareRow, String> compareBeforeColumn;
    @FXML private TableColumn<CompareRow, String> compareAfterColumn;
    @FXML private TableColumn<CompareRow, String> compareChangeColumn;

    CompareView(CompareViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        compareFrom.textProperty().bindBidirectional(model.fromProperty());
        compareTo.textProperty().bindBidirectional(model.toProperty());
        compareStatus.textProperty().bind(model.statusProperty());
        CompareRange.install(compareRange, compareRangeLabel, model);
        compareTable.setItems(model.rows());
        value(compareItemColumn, CompareRow::item);
        // where the item names its commodity ("assets:bank:checking (EUR)") the amounts beside it are numbers only, and
        // in a narrow panel before and after share a column on two lines: the name keeps the room to read whole
        value(compareBeforeColumn, row -> narrowCompare ? amount(row.before(), row) + "\n→ " + amount(row.after(), row) : amount(row.before(), row));
        value(compareAfterColumn, row -> amount(row.after(), row));
        value(compareChangeColumn, row -> amount(row.change(), row));
        compareTable.widthProperty().addListener((observable, before, width) -> narrowCompare(width.doubleValue() < WIDE_COMPARE));
        for (TableColumn<CompareRow, String> column : List.of(compareBeforeColumn, compareAfterColumn)) {
            // a cut value can always be read whole on hover
            BreakingCell.install(column);
        }
        // a long account name goes onto two lines, at a colon; no compared line is set in bold, so the name takes all the room
        BreakingCell.install(compareItemColumn, () -> new BreakingCell<>() {
            @Override
            protected double spare() {
                return 1;
            }
        });
        TableFit.installElastic(compareTable, compareItemColumn, compareBeforeColumn, compareAfterColumn, compareChangeColumn,
                compareItemColumn);
        BreakingCell.install(compareChangeColumn, () -> new BreakingCell<>() {
            @Override
            protected void decorate(String text, boolean empty) {
                getStyleClass().removeAll("up", "down");
                CompareRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && text != null && row.effect() != Comparison.Effect.NEUTRAL) {
                    // coloured by what the change means (income growing is good news), not by its sign
                    getStyleClass().add(row.effect() == Comparison.Effect.FAVOURABLE ? "up" : "down");
                }
            }
        });
    }

    private void narrowCompare(boolean narrow) {
        if (narrow != narrowCompare) {
            narrowCompare = narrow;
            compareAfterColumn.setVisible(!narrow);
            compareBeforeColumn.setText(narrow ? "Before\n→ after" : "Before");
            compareTable.refresh();
        }
    }

    /** {@code money} without its commodity when the row's item names it ("… (EUR)"); else as it is. */
    private static String amount(String money, CompareRow row) {
        int open = row.item().lastIndexOf(" (");
        if (money == null || open < 0 || !row.item().endsWith(")")) {
            return money;
        }
        String unit = " " + row.item().substring(open + 2, row.item().length() - 1);
        return money.endsWith(unit) ? money.substring(0, money.length() - unit.length()) : money;
    }

    @FXML
    private void compare() {
        model.compare();
    }

    @FXML
    private void compareToSlider() {
        model.compareToSlider();
    }
}

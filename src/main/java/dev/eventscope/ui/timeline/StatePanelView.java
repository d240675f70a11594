package dev.eventscope.ui.timeline;

import dev.eventscope.ui.BreakingCell;
import dev.eventscope.ui.LazyTab;
import dev.eventscope.ui.state.CompareRow;
import dev.eventscope.ui.state.Comparison;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.WhyLine;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.function.Function;

/**
 * The state panel: the state at the slider's point (changes tinted), the balance chart, "why this value?" and compare.
 * Laid out in StatePanelView.fxml (an {@code fx:root} TabPane); rows, cells and menus are made here.
 */
public final class StatePanelView extends TabPane {

    /** Below this width the Why? table shows a posting's date, description, user and command with its entry id. */
    private static final double WIDE_WHY = 720;

    private final TimelineViewModel model;
    private boolean narrowWhy;
    /** Below this width the compare table shows before and after in one column, on two lines. */
    private static final double WIDE_COMPARE = 520;
    private boolean narrowCompare;

    @FXML private Tab chartTab;
    @FXML private Tab whyTab;
    @FXML private Tab compareTab;
    @FXML private Label stateHeading;
    @FXML private TableView<StateRow> stateTable;
    @FXML private javafx.scene.control.Label statePlaceholder;
    @FXML private TableColumn<StateRow, String> stateGroupColumn;
    @FXML private TableColumn<StateRow, String> stateItemColumn;
    @FXML private TableColumn<StateRow, String> stateValueColumn;
    @FXML private Button whyButton;
    @FXML private Label whyTitle;
    @FXML private TableView<WhyLine> whyTable;
    @FXML private TableColumn<WhyLine, String> whyPositionColumn;
    @FXML private TableColumn<WhyLine, String> whyEntryColumn;
    @FXML private TableColumn<WhyLine, String> whyDateColumn;
    @FXML private TableColumn<WhyLine, String> whyAmountColumn;
    @FXML private TableColumn<WhyLine, String> whyBalanceColumn;
    @FXML private TableColumn<WhyLine, String> whyUserColumn;
    @FXML private TableColumn<WhyLine, String> whyCommandColumn;
    @FXML private TableColumn<WhyLine, String> whyDescriptionColumn;
    @FXML private TextField compareFrom;
    @FXML private TextField compareTo;
    @FXML private org.controlsfx.control.RangeSlider compareRange;
    @FXML private Label compareRangeLabel;
    @FXML private Label compareStatus;
    @FXML private TableView<CompareRow> compareTable;
    @FXML private TableColumn<CompareRow, String> compareItemColumn;
    @FXML private TableColumn<CompareRow, String> compareBeforeColumn;
    @FXML private TableColumn<CompareRow, String> compareAfterColumn;
    @FXML private TableColumn<CompareRow, String> compareChangeColumn;

    public StatePanelView(TimelineViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/timeline/StatePanelView.fxml", "the state panel");
    }

    @FXML
    private void initialize() {
        bindStateTab();
        // the other tabs join the scene (styles, skins, layout) when first shown, not before the window's first frame
        LazyTab.whenFirstShown(chartTab, () -> new BalanceChartView(model));
        javafx.scene.Node why = whyTab.getContent();
        LazyTab.whenFirstShown(whyTab, () -> why);
        javafx.scene.Node compare = compareTab.getContent();
        LazyTab.whenFirstShown(compareTab, () -> compare);
        bindWhyTab();
        bindCompareTab();
    }

    private void bindStateTab() {
        stateHeading.textProperty().bind(model.state().headingProperty());
        // a slider move reports the lines as updated: the table refreshes the rows it shows instead of rebuilding them
        stateTable.setItems(model.state().rows());
        // with no stream selected and "Selected stream" chosen there is no timeline to move: say what to do instead
        statePlaceholder.textProperty().bind(Bindings.createStringBinding(() -> model.timelineProperty().get() == null
                        ? "Select a stream in the sidebar, or choose Whole ledger above, to see its state here."
                        : "Move the timeline to see the state at that point.", model.timelineProperty()));
        value(stateGroupColumn, StateRow::section);
        value(stateItemColumn, StateRow::label);
        value(stateValueColumn, StateRow::display);
        // a long account name or "before → after" goes onto two lines in a narrow panel rather than being cut
        BreakingCell.install(stateItemColumn);
        BreakingCell.install(stateValueColumn);
        // the item and the value share the room by what they hold: "Last posting on" is not cut while the value has room
        dev.eventscope.ui.TableFit.install(stateTable, stateItemColumn, stateValueColumn);
        // the line at the selected index (an update keeps the index while the line there changes)
        whyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedLine() == null || !selectedLine().explainable(),
                stateTable.getSelectionModel().selectedIndexProperty(), model.state().rows()));
        stateTable.setRowFactory(ignored -> {
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
            MenuItem explain = new MenuItem("Why this value?");
            explain.setOnAction(event -> explain(row.getItem()));
            MenuItem show = new MenuItem("Show this event in the history");
            show.setOnAction(event -> model.why().open(new WhyLine(row.getItem().position(), "", "", "", "", "", "", "")));
            ContextMenu menu = new ContextMenu(explain, show);
            menu.setOnShowing(event -> {
                explain.setDisable(row.getItem() == null || !row.getItem().explainable());
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
        });
    }

    @FXML
    private void explainSelected() {
        explain(selectedLine());
    }

    private StateRow selectedLine() {
        int index = stateTable.getSelectionModel().getSelectedIndex();
        return index < 0 || index >= model.state().rows().size() ? null : model.state().rows().get(index);
    }

    private void explain(StateRow row) {
        if (row != null && row.explainable()) {
            model.explain(row);
            getSelectionModel().select(whyTab);
        }
    }

    private void bindWhyTab() {
        whyTitle.textProperty().bind(model.why().titleProperty());
        whyTable.setItems(model.why().lines());
        value(whyPositionColumn, line -> Long.toString(line.position()));
        value(whyEntryColumn, line -> narrowWhy ? line.date() + " · " + line.entryId() + "\n" + line.description() + "\n"
                + line.user() + " · " + line.command() : line.entryId());
        value(whyDateColumn, WhyLine::date);
        value(whyAmountColumn, WhyLine::amount);
        value(whyBalanceColumn, WhyLine::runningBalance);
        value(whyUserColumn, WhyLine::user);
        value(whyCommandColumn, WhyLine::command);
        value(whyDescriptionColumn, WhyLine::description);
        // an entry id too long for its share of a narrow panel goes onto a second line (after a hyphen), never "…"
        BreakingCell.install(whyEntryColumn);
        // the entry (with the details in a narrow panel) takes the room the amounts leave
        dev.eventscope.ui.TableFit.installElastic(whyTable, whyEntryColumn, whyEntryColumn, whyDateColumn, whyAmountColumn, whyBalanceColumn, whyUserColumn,
                whyCommandColumn, whyDescriptionColumn);
        // in a panel too narrow for eight columns the date, description, user and command read with the entry id, wrapped,
        // instead of in columns off to the side
        whyTable.widthProperty().addListener((observable, before, width) -> narrowWhy(width.doubleValue() < WIDE_WHY));
        narrowWhy(whyTable.getWidth() > 0 && whyTable.getWidth() < WIDE_WHY);
        whyTable.setOnMouseClicked(event -> model.why().open(whyTable.getSelectionModel().getSelectedItem()));
        whyTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.why().open(whyTable.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void narrowWhy(boolean narrow) {
        if (narrow != narrowWhy) {
            narrowWhy = narrow;
            for (TableColumn<WhyLine, String> column : List.of(whyDateColumn, whyUserColumn, whyCommandColumn, whyDescriptionColumn)) {
                column.setVisible(!narrow);
            }
            whyEntryColumn.setText(narrow ? "Posting" : "Entry");
            whyTable.refresh();
        }
    }

    private void bindCompareTab() {
        compareFrom.textProperty().bindBidirectional(model.comparison().fromProperty());
        compareTo.textProperty().bindBidirectional(model.comparison().toProperty());
        compareStatus.textProperty().bind(model.comparison().statusProperty());
        CompareRange.install(compareRange, compareRangeLabel, model);
        compareTable.setItems(model.comparison().rows());
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
        dev.eventscope.ui.TableFit.installElastic(compareTable, compareItemColumn, compareBeforeColumn, compareAfterColumn, compareChangeColumn,
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
        model.comparison().compare();
    }

    @FXML
    private void compareToSlider() {
        model.compareToSlider();
    }

    private static <S> void value(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
    }
}

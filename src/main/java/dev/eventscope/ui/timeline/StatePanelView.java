package dev.eventscope.ui.timeline;

import dev.eventscope.ui.state.CompareRow;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.WhyLine;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The state panel: the state at the slider's point (changes tinted), the balance chart, "why this value?" and compare. */
public final class StatePanelView extends TabPane {

    private final TimelineViewModel model;
    private final Tab whyTab = new Tab("Why?");

    public StatePanelView(TimelineViewModel model) {
        this.model = model;
        setId("statePanel");
        getStyleClass().add("state-panel");
        getStylesheets().add(StatePanelView.class.getResource("/dev/eventscope/ui/timeline/timeline.css").toExternalForm());
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinWidth(300);
        Tab state = new Tab("State", stateTab());
        state.setId("stateTab");
        Tab chart = new Tab("Balance chart", new BalanceChartView(model));
        chart.setId("chartTab");
        whyTab.setContent(whyTab());
        whyTab.setId("whyTab");
        Tab compare = new Tab("Compare", compareTab());
        compare.setId("compareTab");
        getTabs().addAll(state, chart, whyTab, compare);
    }

    private VBox stateTab() {
        Label heading = new Label();
        heading.setId("stateHeading");
        heading.getStyleClass().add("pane-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        TableView<StateRow> table = new TableView<>(model.rows());
        table.setId("stateTable");
        table.getStyleClass().add("state-table");
        table.setPlaceholder(new Label("Move the timeline to see the state at that point."));
        TableColumn<StateRow, String> section = column("Group", 84, StateRow::section);
        TableColumn<StateRow, String> item = column("Item", 150, StateRow::label);
        TableColumn<StateRow, String> value = column("Value", 240, StateRow::display);
        section.setMinWidth(84);
        section.setMaxWidth(100);
        // a changed value reads "before → after": the full text is in the tooltip when the column is narrow
        value.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        value.getStyleClass().add("number");
        table.getColumns().addAll(java.util.List.of(section, item, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button why = new Button("Why this value?");
        why.setId("whyButton");
        why.disableProperty().bind(table.getSelectionModel().selectedItemProperty().map(StateRow::explainable).map(ok -> !ok)
                .orElse(true));
        why.setOnAction(event -> explain(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(ignored -> {
            TableRow<StateRow> row = new TableRow<>() {
                @Override
                protected void updateItem(StateRow line, boolean empty) {
                    super.updateItem(line, empty);
                    getStyleClass().removeAll("changed", "total");
                    if (!empty && line != null && line.changed()) {
                        getStyleClass().add("changed");
                    }
                    if (!empty && line != null && (line.key().startsWith("total:") || line.key().startsWith("debits:")
                            || line.key().startsWith("credits:"))) {
                        getStyleClass().add("total");
                    }
                    setTooltip(!empty && line != null && line.changed()
                            ? new javafx.scene.control.Tooltip("was " + line.before() + ", now " + line.value()) : null);
                }
            };
            MenuItem explain = new MenuItem("Why this value?");
            explain.setOnAction(event -> explain(row.getItem()));
            MenuItem show = new MenuItem("Show this event in the history");
            show.setOnAction(event -> model.open(new WhyLine(row.getItem().position(), "", "", "", "", "", "", "")));
            ContextMenu menu = new ContextMenu(explain, show);
            menu.setOnShowing(event -> {
                explain.setDisable(row.getItem() == null || !row.getItem().explainable());
                show.setDisable(row.getItem() == null || row.getItem().position() <= 0);
            });
            row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null : menu));
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null && row.getItem().explainable()) {
                    explain(row.getItem());
                }
            });
            return row;
        });
        Label hint = new Label("Tinted: changed since the previous point (before → after). Double-click a balance for its postings.");
        hint.getStyleClass().add("status-muted");
        hint.setWrapText(true);
        why.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, why, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void explain(StateRow row) {
        if (row != null && row.explainable()) {
            model.explain(row);
            getSelectionModel().select(whyTab);
        }
    }

    private VBox whyTab() {
        Label title = new Label();
        title.setId("whyTitle");
        title.getStyleClass().add("pane-heading");
        title.setWrapText(true);
        title.textProperty().bind(model.whyTitleProperty());
        TableView<WhyLine> table = new TableView<>(model.whyLines());
        table.setId("whyTable");
        table.setPlaceholder(new Label("No postings"));
        TableColumn<WhyLine, String> position = column("#", 56, line -> Long.toString(line.position()));
        TableColumn<WhyLine, String> amount = column("Amount", 100, WhyLine::amount);
        TableColumn<WhyLine, String> running = column("Balance", 100, WhyLine::runningBalance);
        amount.getStyleClass().add("number");
        running.getStyleClass().add("number");
        table.getColumns().addAll(java.util.List.of(position, column("Entry", 90, WhyLine::entryId), column("Date", 86, WhyLine::date),
                amount, running, column("User", 60, WhyLine::user), column("Command", 100, WhyLine::command),
                column("Description", 160, WhyLine::description)));
        table.setOnMouseClicked(event -> model.open(table.getSelectionModel().getSelectedItem()));
        table.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label("Click a posting to select its event in the history.");
        hint.getStyleClass().add("status-muted");
        VBox box = new VBox(6, title, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox compareTab() {
        TextField from = new TextField();
        from.setId("compareFrom");
        from.setPrefColumnCount(10);
        from.textProperty().bindBidirectional(model.compareFromProperty());
        TextField to = new TextField();
        to.setId("compareTo");
        to.setPrefColumnCount(10);
        to.textProperty().bindBidirectional(model.compareToProperty());
        Button slider = new Button("← slider");
        slider.setTooltip(new javafx.scene.control.Tooltip("Use the point the timeline stands on"));
        slider.setOnAction(event -> model.compareToSlider());
        slider.getStyleClass().add("flat");
        Button compare = new Button("Compare");
        compare.setId("compareButton");
        compare.getStyleClass().add("primary");
        compare.setOnAction(event -> model.compare());
        from.setOnAction(event -> model.compare());
        to.setOnAction(event -> model.compare());
        Label fromLabel = new Label("From");
        Label toLabel = new Label("to");
        for (javafx.scene.control.Control fixed : java.util.List.of(fromLabel, toLabel, slider, compare)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        from.setMinWidth(70);
        to.setMinWidth(70);
        HBox.setHgrow(from, Priority.ALWAYS);
        HBox.setHgrow(to, Priority.ALWAYS);
        HBox points = new HBox(6, fromLabel, from, toLabel, to, slider, compare);
        points.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label("Points: #position, an entry date (2025-03-31), @recorded time (@2025-04-02T09:00:00Z), v12 (a version of the selected stream), now. "
                + "The selected stream is compared field by field; with \"Whole ledger\" on, every balance.");
        help.getStyleClass().add("status-muted");
        help.setWrapText(true);
        Label status = new Label();
        status.setId("compareStatus");
        status.getStyleClass().add("pane-heading");
        status.setWrapText(true);
        status.textProperty().bind(model.compareStatusProperty());
        TableView<CompareRow> table = new TableView<>(model.compareRows());
        table.setId("compareTable");
        table.setPlaceholder(new Label("No differences to show"));
        TableColumn<CompareRow, String> before = column("Before", 110, CompareRow::before);
        TableColumn<CompareRow, String> after = column("After", 110, CompareRow::after);
        TableColumn<CompareRow, String> change = column("Change", 110, CompareRow::change);
        before.getStyleClass().add("number");
        after.getStyleClass().add("number");
        change.getStyleClass().add("number");
        change.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("up", "down");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add(text.startsWith("-") ? "down" : "up");
                }
            }
        });
        table.getColumns().addAll(java.util.List.of(column("Item", 200, CompareRow::item), before, after, change));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox box = new VBox(6, points, help, status, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    @SuppressWarnings("unused")
    private static <S, T> ReadOnlyObjectWrapper<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }
}

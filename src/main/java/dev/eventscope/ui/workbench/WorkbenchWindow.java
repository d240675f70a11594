package dev.eventscope.ui.workbench;

import dev.eventscope.ui.BaseLook;
import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.audit.tests.BenfordGroup;
import dev.eventscope.audit.tests.FlaggedEntry;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchQuery;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The auditor's workbench: a window with the Tests, Search and Findings tabs. Selecting a flagged entry,
 * a hit or a finding (double-click or Enter) opens its event in the explorer of the main window; a finding about a
 * point in time moves the explorer's timeline to that moment.
 */
public final class WorkbenchWindow {

    private final WorkbenchViewModel model;
    private final LongConsumer openEvent;
    private final java.util.function.Consumer<java.time.Instant> openTime;
    private final TabPane tabs = new TabPane();
    private final Stage stage = new Stage();

    private WorkbenchWindow(WorkbenchViewModel model, LongConsumer openEvent, java.util.function.Consumer<java.time.Instant> openTime,
                            Window owner) {
        this.model = model;
        this.openEvent = openEvent;
        this.openTime = openTime;
        stage.initOwner(owner);
        stage.setTitle("Auditor's workbench — " + model.ledgerName());
        tabs.setId("workbenchTabs");
        tabs.getTabs().addAll(testsTab(), searchTab(), findingsTab());
        tabs.getTabs().forEach(tab -> tab.setClosable(false));
        Scene scene = new Scene(tabs, 1180, 720);
        BaseLook.addTo(scene);
        scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        // the Search tab opens the index in the background, so its first search finds it warm; closing the window closes it
        tabs.getSelectionModel().selectedIndexProperty().addListener((seen, before, now) -> {
            if (now.intValue() == 1) {
                model.search().warmUp();
            }
        });
        stage.setOnHidden(hidden -> model.close());
        // a window of its own over the explorer: Esc leaves it, as it leaves every dialog (a field's completion popup is a
        // window of its own and takes it first); caught on the way down, since the lists and tables consume Esc
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                key.consume();
                stage.close();
            }
        });
    }

    /**
     * Shows the workbench on the given tab (0 tests, 1 search, 2 findings); {@code openEvent} opens an event in the explorer,
     * {@code openTime} moves the explorer's timeline to a point in time (a finding about a moment).
     */
    public static WorkbenchWindow show(WorkbenchViewModel model, LongConsumer openEvent, java.util.function.Consumer<java.time.Instant> openTime,
                                       Window owner, int tab) {
        WorkbenchWindow window = new WorkbenchWindow(model, openEvent, openTime, owner);
        window.tabs.getSelectionModel().select(tab);
        window.stage.show();
        model.findings().load();
        if (tab == 0) {
            model.tests().run();
        }
        return window;
    }

    public Stage stage() {
        return stage;
    }

    private Tab testsTab() {
        TestsViewModel tests = model.tests();
        ListView<TestResult> list = new ListView<>(tests.results());
        list.setId("testList");
        list.setCellFactory(view -> {
            // a long title ("Posted to an account the user never used before") wraps inside the list, which at 1280 px
            // cut it and scrolled sideways
            ListCell<TestResult> cell = new ListCell<>() {
                @Override
                protected void updateItem(TestResult result, boolean empty) {
                    super.updateItem(result, empty);
                    setText(empty || result == null ? null : result.title() + "  (" + result.flagged().size() + ")");
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(view.widthProperty().subtract(24));
            cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, result) -> {
            if (result != null) {
                tests.selectedProperty().set(result);
            }
        });
        tests.selectedProperty().addListener((observable, before, result) -> list.getSelectionModel().select(result));
        Label description = new Label();
        description.setId("testDescription");
        description.setWrapText(true);
        tests.selectedProperty().addListener((observable, before, result) -> description.setText(result == null ? "" : result.description()));
        TableView<FlaggedEntry> flagged = new TableView<>(tests.flagged());
        flagged.setId("flaggedTable");
        flagged.getColumns().add(column("Entry", 120, FlaggedEntry::entryId));
        flagged.getColumns().add(column("Event", 70, flag -> "#" + flag.position()));
        flagged.getColumns().add(column("Reason", 760, FlaggedEntry::reason));
        flagged.setPlaceholder(new Label("Nothing flagged."));
        lastColumnFills(flagged);
        opensOnDoubleClick(flagged, FlaggedEntry::position);
        BenfordChart chart = new BenfordChart();
        ComboBox<BenfordGroup> types = new ComboBox<>(tests.benford());
        types.setId("benfordType");
        types.setCellFactory(view -> groupCell());
        types.setButtonCell(groupCell());
        types.getSelectionModel().selectedItemProperty().addListener((observable, before, group) -> chart.show(group));
        tests.benford().addListener((javafx.collections.ListChangeListener<BenfordGroup>) change -> types.getSelectionModel()
                .select(tests.benford().stream().max(java.util.Comparator.comparingInt(BenfordGroup::count)).orElse(null)));
        // session 21: the list, the flagged table and the Benford chooser had no label and no letter (reached by Tab only)
        Label benfordLabel = MarkAsFinding.lettered("_Benford's law for", types);
        HBox benfordChoice = new HBox(8, benfordLabel, types);
        benfordChoice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox benford = new VBox(6, benfordChoice, chart.node());
        benford.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tests.benford()));
        benford.managedProperty().bind(benford.visibleProperty());
        Button run = new Button("_Run tests again");
        run.setId("runTests");
        run.disableProperty().bind(tests.runningProperty());
        run.setOnAction(event -> tests.run());
        Button mark = markButton(() -> {
            FlaggedEntry flag = flagged.getSelectionModel().getSelectedItem();
            return flag == null ? null : FindingTarget.test(flag.test(), flag.entryId());
        });
        mark.setId("markFlagged");
        mark.disableProperty().bind(flagged.getSelectionModel().selectedItemProperty().isNull());
        Label status = new Label();
        status.textProperty().bind(tests.statusProperty());
        // reached by its letter, the table chooses its first entry, so Enter opens at once (a mouse click chooses anyway)
        flagged.focusedProperty().addListener((observable, before, focused) -> {
            if (focused && flagged.getSelectionModel().isEmpty() && !flagged.getItems().isEmpty()) {
                flagged.getSelectionModel().select(0);
            }
        });
        Label flaggedLabel = MarkAsFinding.lettered("_Flagged entries: double-click one, or press Enter, to open its event in the explorer", flagged);
        flaggedLabel.setWrapText(true);
        flaggedLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox right = new VBox(8, description, flaggedLabel, flagged, benford, new HBox(8, run, mark, status));
        VBox.setVgrow(flagged, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        Label listLabel = MarkAsFinding.lettered("_Tests", list);
        listLabel.setPadding(new Insets(4, 0, 0, 6));
        VBox left = new VBox(4, listLabel, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(0);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.22);
        return new Tab("Journal-entry tests", split);
    }

    private static ListCell<BenfordGroup> groupCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(BenfordGroup group, boolean empty) {
                super.updateItem(group, empty);
                setText(empty || group == null ? null : group.accountType() + " (" + group.count() + " postings, " + group.conformity().text() + ")");
            }
        };
    }

    private Tab searchTab() {
        SearchViewModel search = model.search();
        TextField words = new TextField();
        words.setId("searchField");
        words.setPromptText("Words in descriptions, accounts, entry ids, users, commands, data…");
        words.textProperty().bindBidirectional(search.textProperty());
        words.setOnAction(event -> search.search());
        HBox.setHgrow(words, Priority.ALWAYS);
        TextField user = filter("user", search.userProperty(), 110);
        TextField type = filter("event type", search.typeProperty(), 140);
        TextField account = filter("account", search.accountProperty(), 170);
        TextField from = filter("amount from", search.minAmountProperty(), 100);
        TextField to = filter("amount to", search.maxAmountProperty(), 100);
        TextField command = filter("command", search.commandProperty(), 120);
        TextField dateFrom = filter("date from", search.dateFromProperty(), 100);
        TextField dateTo = filter("date to", search.dateToProperty(), 100);
        TextField recordedFrom = filter("recorded from", search.recordedFromProperty(), 170);
        recordedFrom.setId("recordedFrom");
        TextField recordedTo = filter("recorded to", search.recordedToProperty(), 170);
        ChoiceBox<String> category = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("all streams", "ledger", "account", "entry"));
        category.setValue("all streams");
        category.valueProperty().addListener((observable, before, value) -> search.categoryProperty().set(value.equals("all streams") ? "" : value));
        ChoiceBox<SearchQuery.Order> order = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(SearchQuery.Order.values()));
        order.valueProperty().bindBidirectional(search.orderProperty());
        order.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SearchQuery.Order value) {
                return value == SearchQuery.Order.RELEVANCE ? "best match first" : "in recording order";
            }

            @Override
            public SearchQuery.Order fromString(String text) {
                return text.equals("best match first") ? SearchQuery.Order.RELEVANCE : SearchQuery.Order.POSITION;
            }
        });
        Button go = new Button("Search");
        go.setId("searchButton");
        go.setDefaultButton(false);
        go.setOnAction(event -> search.search());
        TableView<SearchHit> hits = new TableView<>(search.hits());
        hits.setId("hitTable");
        hits.getColumns().add(column("#", 70, hit -> Long.toString(hit.position())));
        hits.getColumns().add(recordedColumn());
        hits.getColumns().add(column("User", 80, SearchHit::user));
        hits.getColumns().add(column("Type", 130, SearchHit::type));
        hits.getColumns().add(column("Stream", 230, SearchHit::streamId));
        hits.getColumns().add(column("Date", 90, hit -> hit.entryDate() == null ? "" : hit.entryDate().toString()));
        hits.getColumns().add(column("Match", 380, hit -> hit.snippet() == null ? "" : hit.snippet()));
        lastColumnFills(hits);
        // while a first search indexes the ledger the empty table says so and how far, not "search…" (session 17's last look)
        Label nothingYet = new Label();
        nothingYet.setId("hitPlaceholder");
        nothingYet.textProperty().bind(search.placeholderProperty());
        nothingYet.setWrapText(true);
        nothingYet.setMaxWidth(560);
        nothingYet.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        hits.setPlaceholder(nothingYet);
        opensOnDoubleClick(hits, SearchHit::position);
        // Down in the words moves to the results (the first hit chosen), as in a search box anywhere: without it a
        // keyboard user tabbed through the Search button and nine filters to reach them
        words.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.DOWN && !hits.getItems().isEmpty()) {
                if (hits.getSelectionModel().getSelectedIndex() < 0) {
                    hits.getSelectionModel().select(0);
                }
                hits.getFocusModel().focus(hits.getSelectionModel().getSelectedIndex());
                hits.requestFocus();
                key.consume();
            }
        });
        Button previous = new Button("◀ Previous");
        previous.setOnAction(event -> search.previousPage());
        Button next = new Button("Next ▶");
        next.setId("nextPage");
        next.setOnAction(event -> search.nextPage());
        Button mark = markButton(() -> {
            SearchHit hit = hits.getSelectionModel().getSelectedItem();
            return hit == null ? null : FindingTarget.event(hit.position());
        });
        mark.setId("markHit");
        mark.disableProperty().bind(hits.getSelectionModel().selectedItemProperty().isNull());
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(search.statusProperty());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(search.statusProperty());
        status.setTooltip(whole);
        // a long status ("Opening the search index: safe to wait …") gives way, never the buttons beside it (cut to "N…")
        status.setMinWidth(0);
        for (Button button : List.of(previous, next, mark)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // a bar: it measures the index's upgrade and indexing ("n of N events"), and moves unmeasured while searching
        javafx.scene.control.ProgressBar working = new javafx.scene.control.ProgressBar();
        working.setId("searchWorking");
        working.setPrefWidth(120);
        working.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        working.progressProperty().bind(search.progressProperty());
        working.visibleProperty().bind(search.busyProperty());
        working.managedProperty().bind(search.busyProperty());
        HBox filters = new HBox(6, new Label("Filters:"), user, command, type, account, from, to, category, order);
        HBox clocks = new HBox(6, new Label("Business date:"), dateFrom, dateTo, new Label("   Recorded:"), recordedFrom, recordedTo);
        clocks.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (TextField field : List.of(user, command, type, account, from, to, dateFrom, dateTo, recordedFrom, recordedTo)) {
            field.setOnAction(event -> search.search());
        }
        VBox box = new VBox(8, new HBox(8, words, go), filters, clocks, hits, new HBox(8, previous, next, mark, working, status));
        VBox.setVgrow(hits, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return new Tab("Search the whole ledger", box);
    }

    private static TextField filter(String prompt, javafx.beans.property.StringProperty property, double width) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** When a finding was made, as the history shows recorded times: local time to the second, not ISO with its "T" and "Z". */
    static String when(Instant createdAt) {
        return WHEN.format(createdAt.atZone(ZoneId.systemDefault()));
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * A hit's recorded time as the history shows it (local, to the second), sorted by the instant; the tooltip gives the
     * exact instant as the Recorded filters take it. Session 17 showed ISO text ("2025-05-06T12:00:00.123456Z").
     */
    static TableColumn<SearchHit, Instant> recordedColumn() {
        TableColumn<SearchHit, Instant> column = new TableColumn<>("Recorded");
        column.setId("hitRecorded");
        column.setPrefWidth(150);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().recordedAt()));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(ignored -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip exact = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(Instant recorded, boolean empty) {
                super.updateItem(recorded, empty);
                if (empty || recorded == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(when(recorded));
                    exact.setText(recorded + " (UTC, as the Recorded filters take it)");
                    setTooltip(exact);
                }
            }
        });
        return column;
    }

    private Tab findingsTab() {
        FindingsViewModel findings = model.findings();
        TableView<Finding> table = new TableView<>(findings.findings());
        table.setId("findingsTable");
        table.getColumns().add(column("Id", 70, Finding::id));
        table.getColumns().add(column("Severity", 80, finding -> finding.severity().text()));
        table.getColumns().add(column("About", 260, finding -> finding.target().describe()));
        table.getColumns().add(column("By", 90, Finding::user));
        table.getColumns().add(column("When", 150, finding -> when(finding.createdAt())));
        // session 17's shot with 40 findings: a long note ran off the right edge under a sideways bar, By and When beyond it
        TableColumn<Finding, String> note = column("Note", 400, Finding::note);
        note.setCellFactory(WrappingCell::new);
        table.getColumns().add(note);
        lastColumnFills(table);
        table.setPlaceholder(new Label("No findings yet: mark a flagged entry or a search hit as a finding."));
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<Finding> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    openFinding(row.getItem());
                }
            });
            return row;
        });
        // Enter opens the chosen finding; Delete removes it, as "Remove finding" (Alt+E) does
        table.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                openFinding(table.getSelectionModel().getSelectedItem());
            } else if (event.getCode() == javafx.scene.input.KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                event.consume();
                findings.remove(table.getSelectionModel().getSelectedItem());
            }
        });
        Button remove = new Button("R_emove finding");
        remove.setId("removeFinding");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> findings.remove(table.getSelectionModel().getSelectedItem()));
        Label where = new Label("Kept for " + findings.user() + " outside the ledger file; included in every report.");
        VBox box = new VBox(8, table, new HBox(8, remove, where));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return new Tab("Findings", box);
    }

    /** A finding about a moment moves the explorer's timeline there; any other opens its event. */
    private void openFinding(Finding finding) {
        java.util.Optional<java.time.Instant> moment = FindingsViewModel.pointInTime(finding.target());
        if (moment.isPresent()) {
            openTime.accept(moment.get());
        } else {
            model.findings().positionOf(finding.target()).ifPresent(openEvent);
        }
    }

    /** A button that asks for a severity and a note and records a finding on what {@code target} gives. */
    private Button markButton(java.util.function.Supplier<FindingTarget> target) {
        return MarkAsFinding.button(stage, model.findings(), target);
    }

    private <T> void opensOnDoubleClick(TableView<T> table, java.util.function.ToLongFunction<T> position) {
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<T> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    openEvent.accept(position.applyAsLong(row.getItem()));
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                openEvent.accept(position.applyAsLong(table.getSelectionModel().getSelectedItem()));
            }
        });
    }

    /** The last column takes the room left, so a reason, match or note is read whole. */
    private static void lastColumnFills(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // a user, a stream or a match quoting a description: printable and shortened (session 23, adversary)
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(dev.eventscope.ui.ShownText.shortened(value.apply(cell.getValue()))));
        return column;
    }
}

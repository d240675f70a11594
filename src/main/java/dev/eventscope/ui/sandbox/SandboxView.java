package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.BaseLook;
import dev.eventscope.ui.DateFields;
import dev.eventscope.ui.sandbox.SandboxViewModel.BalanceRow;
import dev.eventscope.ui.sandbox.SandboxViewModel.ProposalRow;
import dev.eventscope.ui.sandbox.SandboxViewModel.TimelineRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import dev.eventscope.statement.StatementKind;

import java.util.List;
import java.util.function.Function;

/**
 * The "Propose adjustments…" window: the base (moved on the recorded clock, the balances counted to an entry date), the
 * real command forms proposing into the sandbox with a reason, the proposals with their verdicts, export and apply, and
 * as posted beside as adjusted: balances, trial balance, timeline and a statement, where rows a proposal changes are
 * marked, name the proposals, and select the proposal when chosen.
 */
public final class SandboxView {

    /** The width the proposal forms need: the entry form's postings grid (account, amount, commodity, price, ×) whole. */
    private static final double FORMS_WIDTH = 850;

    private final SandboxViewModel model;
    private Function<javafx.stage.Window, java.io.File> journalChooser = window -> {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the proposals as an hledger journal");
        chooser.setInitialFileName("proposals.journal");
        return chooser.showSaveDialog(window);
    };

    public SandboxView(SandboxViewModel model) {
        this.model = model;
    }

    /** Where "Export hledger journal…" asks for the file (a save dialog unless replaced, as tests do). */
    void setJournalChooser(Function<javafx.stage.Window, java.io.File> chooser) {
        journalChooser = chooser;
    }

    /**
     * Shows the window on {@code stage} at most of the screen (the forms, the proposals and as posted beside as adjusted
     * need the room: 1800x1000 at most; the whole of a screen of 1280x720) and loads the sandbox.
     */
    public void showOnScreen(Stage stage) {
        javafx.geometry.Rectangle2D bounds = dev.eventscope.ui.ScreenFit.newWindow(javafx.stage.Screen.getPrimary().getVisualBounds(), 1800, 1000);
        show(stage, bounds.getWidth(), bounds.getHeight());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
    }

    /** Shows the window on {@code stage} and loads the sandbox. */
    public void show(Stage stage, double width, double height) {
        stage.setTitle("Propose adjustments");
        Scene scene = new Scene(build(width), width, height);
        // the real command forms, styled as in their own windows (errors in red, the imbalance coloured)
        for (String sheet : List.of(BaseLook.SHEET, "/dev/eventscope/ui/commands/commands.css",
                "/dev/eventscope/ui/sandbox/sandbox.css")) {
            scene.getStylesheets().add(SandboxView.class.getResource(sheet).toExternalForm());
        }
        stage.setScene(scene);
        // the model follows the ledger while the window is open (session 22); it stops when the window goes
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden -> model.close());
        stage.show();
        model.load();
        SandboxLeaving.byEscape(stage, model.message());
    }


    /** The window's content for a window {@code width} wide (the proposal forms get the width their postings grid needs). */
    VBox build(double width) {
        Label message = new Label();
        message.setId("sandboxMessage");
        message.setWrapText(true);
        message.setStyle("-fx-font-weight: bold;");
        message.textProperty().bind(model.message());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        TextField reason = field("proposalReason", "Why this adjustment is proposed (required), e.g. audit fee not accrued", 520);
        reason.textProperty().bindBidirectional(model.reason());
        // every field has a label naming it with a letter (Alt+letter) of its own in this window
        Label reasonLabel = lettered("_Reason", reason);
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        reasonLabel.setPadding(new Insets(4, 0, 0, 0));
        HBox.setHgrow(reason, Priority.ALWAYS);
        VBox proposing = new VBox(6, new HBox(8, reasonLabel, reason), ProposalForms.build(model));
        proposing.setId(SandboxLeaving.PROPOSING); // what Esc asks about: the reason and the forms, not the statements' choices
        VBox.setVgrow(proposing.getChildren().get(1), Priority.ALWAYS);
        // greyed until the sandbox has opened: a proposal made meanwhile could only be refused ("still opening")
        proposing.disableProperty().bind(model.opened().not());

        TableView<ProposalRow> proposals = ProposalList.table(model.proposals());
        javafx.scene.control.ScrollPane detailPane = ProposalList.detail(proposals, model.proposals());
        Button export = new Button("E_xport hledger journal…");
        export.setId("exportJournalButton");
        export.setOnAction(event -> {
            java.io.File file = journalChooser.apply(export.getScene().getWindow());
            if (file != null) {
                model.exportJournal(file.toPath());
            }
        });
        Button apply = new Button("A_pply to the ledger");
        apply.setId("applyButton");
        apply.setOnAction(event -> model.apply());
        apply.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.proposals()));
        if (!model.canApply()) {
            apply.disableProperty().unbind();
            apply.setDisable(true);
        }
        export.disableProperty().bind(model.opened().not());
        export.setMinWidth(Region.USE_PREF_SIZE);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        Label applyNote = new Label(model.canApply() ? "Apply posts every accepted proposal in one append, as you."
                : "The ledger is open read-only: proposals can be made and exported, not applied.");
        applyNote.setId("applyNote");
        applyNote.setWrapText(true);
        applyNote.setMinHeight(Region.USE_PREF_SIZE);
        // the list above, the chosen proposal under it, with a divider between them: both grow with the window (session
        // 21: the detail was ~104 px at every size, and at 1920 x 1080 the list kept a dozen empty rows above it)
        SplitPane listAndDetail = ProposalList.listAndDetail(proposals, detailPane);
        VBox.setVgrow(listAndDetail, Priority.ALWAYS);
        // the note has a line of its own: beside the buttons it was cut to "Apply posts every accepted proposal in one …"
        VBox proposed = new VBox(6, bold("Proposals, decided against the base"), listAndDetail, new HBox(8, export, apply), applyNote);
        proposed.setMinWidth(0);

        SplitPane top = new SplitPane(proposing, proposed);
        // the forms get the width their postings grid needs (no sideways scrolling, at 1280 px too) and keep it when the
        // window grows; the proposals take the rest
        top.setDividerPositions(FORMS_WIDTH / Math.max(width - 20, FORMS_WIDTH + 1));
        SplitPane.setResizableWithParent(proposing, false);

        TabPane results = new TabPane(new Tab("Balances", balancesTab()),
                new Tab("Statements", statementsTab(proposals)), new Tab("Timeline", timelineTab(proposals)));
        results.setId("sandboxResults");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane body = new SplitPane(top, results);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        // the forms above show an entry's three posting rows on a 720 px screen; the tables below keep about seven rows
        body.setDividerPositions(0.58);
        // session 22: on a short window (720 px) the proposals' list and the chosen proposal under it had ~250 px, so
        // with seven proposals the chosen one's pane was ~60 px (three lines); from five proposals on, the forms and
        // proposals get at least ~420 px (the tables below keep five rows), until the divider is dragged
        placeBody(body, model.proposals());
        VBox.setVgrow(body, Priority.ALWAYS);

        Label profit = new Label();
        profit.setId("sandboxProfit");
        profit.textProperty().bind(model.profit());

        VBox root = new VBox(8, new Label("Proposed entries are decided after the base by the ledger's own rules, but never"
                + " written to it until you apply them."), baseBar(), message, body, profit);
        root.setPadding(new Insets(10));
        root.setId("sandboxView");
        return root;
    }

    /**
     * Places the divider between the forms and proposals and the tables below: {@link #topShare} once there are five
     * proposals or more (fewer leave the chosen one room enough), 0.58 otherwise; never again once a person drags it.
     */
    private static void placeBody(SplitPane body, javafx.collections.ObservableList<ProposalRow> proposals) {
        boolean[] dragged = {false};
        body.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, press -> {
            for (javafx.scene.Node node = press.getPickResult().getIntersectedNode(); node != null && node != body; node = node.getParent()) {
                if (node.getStyleClass().contains("split-pane-divider") && node.getParent() == body) {
                    dragged[0] = true;
                }
            }
        });
        Runnable place = () -> {
            double height = body.getHeight();
            if (height > 0 && !dragged[0]) {
                body.setDividerPositions(proposals.size() >= 5 ? topShare(height) : 0.58);
            }
        };
        body.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> observable, Number before, Number height) {
                if (height.doubleValue() > 0) {
                    body.heightProperty().removeListener(this);
                    place.run();
                }
            }
        });
        proposals.addListener((javafx.collections.ListChangeListener<ProposalRow>) change -> place.run());
    }

    /** The share of the window's body the forms and proposals get above the tables: 0.58, more on a short window (at most 0.68). */
    static double topShare(double bodyHeight) {
        return Math.max(0.58, Math.min(0.68, 420 / bodyHeight));
    }

    /** The base (a point on the recorded clock) with a field to move it, and the entry date the balances are counted to. */
    private FlowPane baseBar() {
        Label baseText = new Label();
        baseText.setId("sandboxBase");
        baseText.textProperty().bind(model.base());
        TextField point = field("sandboxBasePoint", "head, a position or a recorded time", 250);
        Button move = new Button("Move the base");
        Label moveTo = lettered("_Move to", point);
        move.setId("moveBaseButton");
        move.setOnAction(event -> model.moveBase(point.getText()));
        point.setOnAction(event -> model.moveBase(point.getText()));
        Button again = new Button("Decide a_gain");
        again.setId("decideAgainButton");
        again.setTooltip(new javafx.scene.control.Tooltip("Reads the ledger again (it may have moved on) and decides every proposal there."));
        again.setOnAction(event -> model.decideAgain());
        DatePicker asOf = new DatePicker();
        asOf.setId("sandboxAsOf");
        asOf.setPromptText("every date");
        asOf.setPrefWidth(140);
        Label asOfProblem = new Label();
        asOfProblem.setStyle("-fx-text-fill: #b00020;");
        DateFields.install(asOf, asOfProblem::setText);
        asOf.valueProperty().addListener((observable, before, date) -> model.asOf(date));
        // the label stays with its date field when a narrow window wraps the bar
        HBox entryDate = new HBox(8, lettered("Balances as of e_ntry date:", asOf), asOf, asOfProblem);
        entryDate.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        entryDate.setPadding(new Insets(0, 0, 0, 16));
        // the label and its field stay together when a narrow window wraps the bar
        HBox moveField = new HBox(8, moveTo, point);
        // the base moves an opened sandbox; "Decide again" stays, as it opens the sandbox afresh (after a failed opening too)
        moveField.disableProperty().bind(model.opened().not());
        move.disableProperty().bind(model.opened().not());
        moveField.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(8, 6, baseText, moveField, move, again, entryDate);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * One table of the balances as posted beside as adjusted (two tables side by side repeated the account and cut it to
     * "assets:ban…" at 1280 px), and the trial balance either way.
     */
    private VBox balancesTab() {
        TableView<BalanceRow> balances = balanceTable();
        VBox.setVgrow(balances, Priority.ALWAYS);
        Label trial = new Label();
        trial.setId("sandboxTrialBalance");
        trial.setWrapText(true);
        trial.setMinHeight(Region.USE_PREF_SIZE);
        trial.textProperty().bind(model.trialBalance());
        VBox tab = new VBox(6, balances, trial);
        tab.setPadding(new Insets(6, 0, 0, 0));
        return tab;
    }

    /** The timeline as posted beside as adjusted, in a tab of its own: each date a proposal posts on. */
    private VBox timelineTab(TableView<ProposalRow> proposals) {
        VBox tab = titled("As posted beside as adjusted on each entry date an accepted proposal posts on", timelineTable(proposals));
        tab.setPadding(new Insets(6, 0, 0, 0));
        return tab;
    }

    /** A statement as posted beside as adjusted; choosing a changed line selects the (latest) proposal that changes it. */
    private VBox statementsTab(TableView<ProposalRow> proposals) {
        javafx.scene.control.ChoiceBox<StatementKind> kind = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(StatementKind.values()));
        kind.setId("sandboxStatementKind");
        kind.setValue(StatementKind.BALANCE_SHEET);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(StatementKind value) {
                return value == null ? "" : value.title();
            }

            @Override
            public StatementKind fromString(String text) {
                return StatementKind.BALANCE_SHEET;
            }
        });
        TextField period = field("sandboxStatementPeriod", "period, e.g. 2025Q1 or 2025-01..2025-04 (empty: all)", 400);
        Runnable draw = () -> model.showStatement(kind.getValue(), period.getText());
        kind.valueProperty().addListener((observable, before, chosen) -> draw.run());
        period.setOnAction(event -> draw.run());
        Button show = new Button("Show");
        show.setId("sandboxStatementShow");
        show.setOnAction(event -> draw.run());
        Label title = new Label();
        title.setId("sandboxStatementTitle");
        title.setStyle("-fx-font-weight: bold;");
        title.textProperty().bind(model.statementTitle());
        TableView<StatementRow> table = new TableView<>(model.statement());
        table.setId("sandboxStatementTable");
        table.getColumns().add(column("Line", StatementRow::line, 420));
        table.getColumns().add(rightAligned(column("As posted", StatementRow::asPosted, 190)));
        table.getColumns().add(rightAligned(column("As adjusted", StatementRow::asAdjusted, 190)));
        table.getColumns().add(rightAligned(column("Change", StatementRow::change, 160)));
        table.getColumns().add(column("By proposals", StatementRow::changedBy, 160));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No entries in that period."));
        table.setRowFactory(marked(StatementRow::changed, row -> row.kind() != dev.eventscope.statement.StatementLines.Kind.ACCOUNT));
        selectsProposal(table, StatementRow::proposals, proposals);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox controls = new HBox(8, lettered("S_tatement", kind), kind, period, show);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox tab = new VBox(6, controls, title, table);
        tab.setPadding(new Insets(6, 0, 0, 0));
        return tab;
    }

    /** Choosing a row of {@code table} selects the latest of its causing proposals in the proposals table. */
    private static <R> void selectsProposal(TableView<R> table, Function<R, List<Integer>> causes, TableView<ProposalRow> proposals) {
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row == null || causes.apply(row).isEmpty()) {
                return;
            }
            String number = Integer.toString(causes.apply(row).get(causes.apply(row).size() - 1));
            proposals.getItems().stream().filter(proposal -> proposal.number().equals(number)).findFirst().ifPresent(proposal -> {
                proposals.getSelectionModel().select(proposal);
                proposals.scrollTo(proposal);
            });
        });
    }

    /** A label naming {@code field}, its letter marked by an underscore ("_Reason": Alt+R moves to the field). */
    private static Label lettered(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private TableView<BalanceRow> balanceTable() {
        TableView<BalanceRow> table = new TableView<>(model.balances());
        table.setId("asAdjustedTable");
        table.getColumns().add(column("Account", BalanceRow::account, 380));
        TableColumn<BalanceRow, String> commodity = column("Commodity", BalanceRow::commodity, 90);
        commodity.setMinWidth(96);
        table.getColumns().add(commodity);
        // amounts are never cut short in a narrow window: the account column gives way
        for (TableColumn<BalanceRow, String> amount : List.of(column("As posted", BalanceRow::asPosted, 150),
                column("As adjusted", BalanceRow::asAdjusted, 150), column("Change", BalanceRow::change, 130))) {
            amount.setMinWidth(110);
            table.getColumns().add(rightAligned(amount));
        }
        table.getColumns().add(column("By proposals", BalanceRow::changedBy, 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(marked(BalanceRow::changed, row -> false));
        table.setPlaceholder(new Label("No account has a balance at the base."));
        return table;
    }

    /** Each date a proposal posts on, each account's balance then; choosing a row selects the proposal that causes it. */
    private TableView<TimelineRow> timelineTable(TableView<ProposalRow> proposals) {
        TableView<TimelineRow> table = new TableView<>(model.timeline());
        table.setId("adjustedTimelineTable");
        table.getColumns().add(column("Date", TimelineRow::date, 90));
        table.getColumns().add(column("Account", TimelineRow::account, 170));
        TableColumn<TimelineRow, String> commodity = column("Commodity", TimelineRow::commodity, 84);
        commodity.setMinWidth(96);
        table.getColumns().add(commodity);
        table.getColumns().add(rightAligned(column("As posted", TimelineRow::asPosted, 100)));
        table.getColumns().add(rightAligned(column("As adjusted", TimelineRow::asAdjusted, 100)));
        table.getColumns().add(rightAligned(column("Change", TimelineRow::change, 90)));
        table.getColumns().add(column("Proposals", TimelineRow::changedBy, 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No accepted proposal posts anything yet."));
        selectsProposal(table, TimelineRow::proposals, proposals);
        return table;
    }

    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");
    private static final javafx.css.PseudoClass HEADING = javafx.css.PseudoClass.getPseudoClass("heading");

    /** Rows marked (sandbox.css) where a proposal changes them, and in bold where they head or total a section. */
    private static <R> javafx.util.Callback<TableView<R>, TableRow<R>> marked(java.util.function.Predicate<R> changed,
                                                                            java.util.function.Predicate<R> heading) {
        return view -> new TableRow<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(CHANGED, !empty && row != null && changed.test(row));
                pseudoClassStateChanged(HEADING, !empty && row != null && heading.test(row));
            }
        };
    }

    private static <R> TableColumn<R, String> rightAligned(TableColumn<R, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static VBox titled(String title, TableView<?> table) {
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, bold(title), table);
    }

    private static TextField field(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setMinWidth(Math.min(width, 80));
        return field;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        return column;
    }
}

package dev.eventscope.ui.statements;

import dev.eventscope.statement.Interval;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.ui.ChoiceText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Statements view (StatementsView.fxml, an {@code fx:root} VBox): the choices bound to the
 * {@link StatementsViewModel}, the statement as a table with one column per period (made anew for each statement),
 * amounts right-aligned with thousands grouped, section, total and net lines styled apart, the prices used under a
 * valued statement, and Export CSV… through a file chooser.
 */
public final class StatementsView extends VBox {

    private static final Map<Interval, String> INTERVALS = Map.of(Interval.NONE, "One column", Interval.MONTHLY, "Monthly",
            Interval.QUARTERLY, "Quarterly", Interval.YEARLY, "Yearly");

    private final StatementsViewModel model;
    private Function<Window, Optional<Path>> exportTarget = StatementsView::chooseCsvFile;

    @FXML private ChoiceBox<StatementKind> kindChoice;
    @FXML private TextField periodField;
    @FXML private ChoiceBox<Interval> intervalChoice;
    @FXML private Spinner<Integer> depthSpinner;
    @FXML private ChoiceBox<StatementClock> clockChoice;
    @FXML private ChoiceBox<String> valuationChoice;
    @FXML private Label pricesLabel;
    @FXML private javafx.scene.layout.HBox widerBox;
    @FXML private Label widerLabel;
    @FXML private Button windowButton;
    @FXML private Button showButton;
    @FXML private Button exportButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label titleLabel;
    @FXML private Label messageLabel;
    @FXML private Label exportLabel;
    @FXML private TableView<StatementLines.Line> statementTable;

    public StatementsView(StatementsViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/statements/StatementsView.fxml", "the Statements view");
    }

    /** A "Statements" tab whose view is made when the tab is first shown, for the state panel's tab pane. */
    public static Tab tab(java.util.function.Supplier<StatementsViewModel> model) {
        Tab tab = new Tab("Statements");
        tab.setId("statementsTab");
        tab.setClosable(false);
        dev.eventscope.ui.LazyTab.whenFirstShown(tab, () -> new StatementsView(model.get()));
        return tab;
    }

    @FXML
    private void initialize() {
        kindChoice.getItems().setAll(StatementKind.values());
        kindChoice.setConverter(ChoiceText.of(StatementKind::title));
        kindChoice.valueProperty().bindBidirectional(model.kindProperty());
        periodField.textProperty().bindBidirectional(model.periodProperty());
        intervalChoice.getItems().setAll(Interval.NONE, Interval.MONTHLY, Interval.QUARTERLY, Interval.YEARLY);
        intervalChoice.setConverter(ChoiceText.of(INTERVALS::get));
        intervalChoice.valueProperty().bindBidirectional(model.intervalProperty());
        depthSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 12, model.depthProperty().get()));
        depthSpinner.valueProperty().addListener((observable, before, depth) -> model.depthProperty().set(depth == null ? 0 : depth));
        clockChoice.getItems().setAll(StatementClock.values());
        clockChoice.setConverter(ChoiceText.of(clock -> clock == StatementClock.ENTRY_DATE ? "By entry date" : "By recorded time"));
        clockChoice.valueProperty().bindBidirectional(model.clockProperty());
        valuationChoice.setItems(model.valuationChoices());
        valuationChoice.setConverter(ChoiceText.of(StatementsViewModel::describeValuation));
        valuationChoice.valueProperty().bindBidirectional(model.valuationProperty());
        // a ledger without market prices offers no valuation
        valuationChoice.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.valuationChoices()).greaterThan(1));
        valuationChoice.managedProperty().bind(valuationChoice.visibleProperty());
        model.loadValuationChoices();
        for (ChoiceBox<?> choice : java.util.List.of(kindChoice, intervalChoice, clockChoice, valuationChoice)) {
            ChoiceText.stepsByArrows(choice);
        }
        pricesLabel.textProperty().bind(model.pricesUsedProperty());
        pricesLabel.managedProperty().bind(model.pricesUsedProperty().isNotEmpty());
        progress.visibleProperty().bind(model.runningProperty());
        showButton.disableProperty().bind(model.runningProperty());
        exportButton.disableProperty().bind(model.statementProperty().isNull());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.managedProperty().bind(model.messageProperty().isNotEmpty());
        exportLabel.managedProperty().bind(exportLabel.textProperty().isNotEmpty());
        statementTable.setItems(model.lines());
        statementTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(StatementLines.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeIf(style -> style.startsWith("statement-"));
                if (!empty && line != null) {
                    getStyleClass().add("statement-" + line.kind().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        model.statementProperty().addListener((observable, before, statement) -> showColumns(statement));
        statementTable.widthProperty().addListener((observable, before, width) -> sayWhatIsToTheRight());
        // before Show the table has no columns: its header was an empty grey strip above "Choose a statement and a
        // period, then Show." (session 21, ui2)
        statementTable.skinProperty().addListener((observable, before, skin) -> headerOnlyWithColumns());
        statementTable.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<StatementLines.Line, ?>>) change
                -> headerOnlyWithColumns());
    }

    /** Hides the table's header while the table has no columns (nothing shown yet). */
    private void headerOnlyWithColumns() {
        if (!(statementTable.lookup(".column-header-background") instanceof javafx.scene.layout.Region header)) {
            return;
        }
        boolean none = statementTable.getColumns().isEmpty();
        header.setVisible(!none);
        header.setMinHeight(none ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        header.setPrefHeight(none ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        header.setMaxHeight(none ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }

    /**
     * Session 17: a quarterly statement at 1280 px ran off the panel's right edge, the fourth quarter and the total behind a thin
     * scroll bar. Where the columns are wider than the table, a line above it says which are to the right and offers the
     * statement in a window of its own, as wide as the statement.
     */
    private void sayWhatIsToTheRight() {
        java.util.List<String> hidden = new java.util.ArrayList<>();
        double room = statementTable.getWidth() - 18; // the vertical scroll bar
        double right = 0;
        for (TableColumn<StatementLines.Line, ?> column : statementTable.getColumns()) {
            right += column.getWidth();
            if (right > room + 0.5) {
                hidden.add(column.getText());
            }
        }
        boolean wider = !hidden.isEmpty() && statementTable.getWidth() > 0;
        widerBox.setVisible(wider);
        widerBox.setManaged(wider);
        widerLabel.setText(!wider ? "" : "Wider than this panel: " + String.join(", ", hidden) + (hidden.size() == 1 ? " is" : " are")
                + " to the right (scroll sideways).");
    }

    /** The statement shown, in a window of its own as wide as its columns (at most the screen's width). */
    @FXML
    private void openWindow() {
        Statement statement = model.statementProperty().get();
        if (statement == null) {
            return;
        }
        TableView<StatementLines.Line> whole = new TableView<>(model.lines());
        whole.setId("statementWholeTable");
        whole.getStyleClass().add("statement-table");
        whole.setRowFactory(statementTable.getRowFactory());
        fillColumns(whole, statement);
        Label heading = new Label(model.headingProperty().get());
        heading.getStyleClass().add("pane-heading");
        heading.setWrapText(true);
        VBox box = new VBox(6, heading, whole);
        VBox.setVgrow(whole, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(8));
        double columns = whole.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.scene.Scene scene = new javafx.scene.Scene(box, Math.min(screen.getWidth() - 40, columns + 16 + 24 + 4),
                Math.min(screen.getHeight() - 80, 640));
        dev.eventscope.ui.BaseLook.addTo(scene);
        scene.getStylesheets().addAll(getStylesheets());
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle(model.headingProperty().get());
        if (getScene() != null) {
            stage.initOwner(getScene().getWindow());
        }
        stage.setScene(scene);
        // like every other window Eventscope opens over the main one, Escape closes it (it did nothing)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                key.consume();
                stage.close();
            }
        });
        stage.show();
    }

    /** One column for the labels, then one per period of the statement. */
    private void showColumns(Statement statement) {
        titleLabel.setText(statement == null ? "" : model.headingProperty().get());
        statementTable.getColumns().clear();
        if (statement != null) {
            fillColumns(statementTable, statement);
        }
        sayWhatIsToTheRight();
    }

    private void fillColumns(TableView<StatementLines.Line> statementTable, Statement statement) {
        TableColumn<StatementLines.Line, String> account = new TableColumn<>("Account");
        account.setSortable(false);
        account.getStyleClass().add("statement-account");
        account.setPrefWidth(width(model.lines().stream().map(StatementLines.Line::label).toList(), "Account"));
        account.setCellValueFactory(line -> new ReadOnlyStringWrapper(line.getValue().kind() == StatementLines.Kind.NET
                ? line.getValue().label() + ":" : line.getValue().label().strip()));
        // sub-accounts indented by their level (the label's leading spaces alone are too narrow to read as a tree)
        account.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                StatementLines.Line line = empty || getTableRow() == null ? null : getTableRow().getItem();
                int level = line == null || line.account().isEmpty() ? 1 : line.account().split(":", -1).length;
                setStyle("-fx-padding: 0 4 0 " + (4 + (level - 1) * 14) + ";");
            }
        });
        statementTable.getColumns().add(account);
        var headings = statement.columnHeadings();
        for (int index = 0; index < headings.size(); index++) {
            int column = index;
            TableColumn<StatementLines.Line, String> amounts = new TableColumn<>(headings.get(column));
            amounts.setSortable(false);
            amounts.getStyleClass().add("number");
            amounts.setPrefWidth(width(model.lines().stream().filter(line -> !line.cells().isEmpty())
                    .flatMap(line -> line.cells().get(column).stream()).toList(), headings.get(column)));
            amounts.setCellValueFactory(line -> new ReadOnlyStringWrapper(line.getValue().cells().isEmpty() ? ""
                    : String.join("\n", line.getValue().cells().get(column))));
            statementTable.getColumns().add(amounts);
            amounts.widthProperty().addListener((observable, before, width) -> sayWhatIsToTheRight());
        }
    }

    /** A column as wide as its longest text (about 7.8 pixels a character; only the labels of totals are bold), so that more periods fit. */
    private static double width(java.util.List<String> texts, String heading) {
        int longest = heading.length();
        for (String text : texts) {
            longest = Math.max(longest, text.length());
        }
        return Math.min(320, longest * 7.8 + 14);
    }

    @FXML
    private void show() {
        depthSpinner.commitValue();
        model.show();
    }

    @FXML
    private void export() {
        exportTarget.apply(getScene() == null ? null : getScene().getWindow())
                .ifPresent(target -> model.exportCsv(target, exportLabel::setText));
    }

    /** Where Export CSV… asks for the file (a file chooser; tests give a path). */
    public void setExportTarget(Function<Window, Optional<Path>> exportTarget) {
        this.exportTarget = exportTarget;
    }

    public StatementsViewModel model() {
        return model;
    }

    private static Optional<Path> chooseCsvFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export statement as CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        chooser.setInitialFileName("statement.csv");
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}

package dev.eventscope.ui.knownat;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The state panel's "As known" tab (KnownAtPanel.fxml): every balance as of the date as known then and now, the
 * restated ones tinted, and the restating postings; clicking a posting selects its event in the history.
 */
public final class KnownAtPanel extends VBox {

    private final KnownAtViewModel model;

    @FXML private Label knownAtHeading;
    @FXML private javafx.scene.layout.HBox knownAtReading;
    @FXML private javafx.scene.control.ProgressIndicator knownAtReadingProgress;
    @FXML private Label knownAtReadingText;
    @FXML private TableView<KnownFigure> knownAtFigures;
    @FXML private TableColumn<KnownFigure, String> figureAccountColumn;
    @FXML private TableColumn<KnownFigure, String> figureThenColumn;
    @FXML private TableColumn<KnownFigure, String> figureNowColumn;
    @FXML private TableColumn<KnownFigure, String> figureChangeColumn;
    @FXML private TableView<RestatingLine> knownAtLines;
    @FXML private TableColumn<RestatingLine, String> linePositionColumn;
    @FXML private TableColumn<RestatingLine, String> lineEntryColumn;
    @FXML private TableColumn<RestatingLine, String> lineDateColumn;
    @FXML private TableColumn<RestatingLine, String> lineAccountColumn;
    @FXML private TableColumn<RestatingLine, String> lineAmountColumn;
    @FXML private TableColumn<RestatingLine, String> lineRecordedColumn;
    @FXML private TableColumn<RestatingLine, String> lineUserColumn;
    @FXML private TableColumn<RestatingLine, String> lineCommandColumn;

    public KnownAtPanel(KnownAtViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/knownat/KnownAtPanel.fxml", "the \"As known\" panel");
    }

    @FXML
    private void initialize() {
        knownAtHeading.textProperty().bind(model.headingProperty());
        javafx.beans.binding.BooleanBinding reading = model.progressProperty().greaterThanOrEqualTo(0);
        knownAtReading.visibleProperty().bind(reading);
        knownAtReading.managedProperty().bind(reading);
        knownAtReadingProgress.progressProperty().bind(model.progressProperty());
        knownAtReadingText.textProperty().bind(model.readingProperty());
        // session 16: the answer before stayed shown as if current while a new question was read for seconds
        model.staleProperty().addListener((observable, was, stale) -> markStale(stale));
        markStale(model.staleProperty().get());
        knownAtFigures.setItems(model.figures());
        text(figureAccountColumn, KnownFigure::account);
        text(figureThenColumn, KnownFigure::then);
        text(figureNowColumn, KnownFigure::now);
        text(figureChangeColumn, KnownFigure::change);
        // a long account name breaks at its colons rather than being cut ("assets:fixed:accumulated-d…" at 1920 px)
        // no figure is set in bold (a restated one is tinted), so a name may take the column's whole room
        dev.eventscope.ui.BreakingCell.install(figureAccountColumn, () -> new dev.eventscope.ui.BreakingCell<>() {
            @Override
            protected double spare() {
                return 1;
            }
        });
        // session 22: sharing the width by the columns' preferred widths left the names ~240 px at 1920 px, so
        // "assets:fixed:" / "accumulated-depreciation" took two lines while each amount column had room to spare; the
        // amounts are now as wide as their content (and titles) and the names take the rest, breaking only when that is short
        // session 23: at 1280 px, with the Change column, 120 px for the names scrolled the change out of sight ("2,148.60 E")
        figureAccountColumn.getProperties().put(dev.eventscope.ui.TableFit.ELASTIC_FLOOR, 84.0);
        dev.eventscope.ui.TableFit.installElastic(knownAtFigures, figureAccountColumn, figureAccountColumn, figureThenColumn,
                figureNowColumn, figureChangeColumn);
        // an empty Change column took the room the amounts needed at 1280 px ("30,206.52 …"): shown only when a figure changed
        figureChangeColumn.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.figures().stream().anyMatch(figure -> figure.change() != null && !figure.change().isBlank()), model.figures()));
        knownAtFigures.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(KnownFigure figure, boolean empty) {
                super.updateItem(figure, empty);
                getStyleClass().remove("restated");
                if (!empty && figure != null && figure.restated()) {
                    getStyleClass().add("restated");
                }
            }
        });
        // session 23: at 1280 × 720 the figures table shows two or three rows, alphabetically the first accounts, so the
        // restated ones (the answer to the question) were out of sight below; once the table is laid out with the answer
        // (and again when the restating postings below take their room), the first restated figure is put at its top
        // unless it is seen whole already
        model.figures().addListener((javafx.collections.ListChangeListener<KnownFigure>) change -> askToReveal());
        model.lines().addListener((javafx.collections.ListChangeListener<RestatingLine>) change -> askToReveal());
        knownAtFigures.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (!needs && revealChecks > 0) {
                javafx.application.Platform.runLater(this::revealFirstRestated);
            }
        });
        // the person's own scrolling, clicking or typing in the figures is never undone by a check still to come
        for (javafx.event.EventType<? extends javafx.event.Event> input : List.of(javafx.scene.input.ScrollEvent.SCROLL,
                javafx.scene.input.MouseEvent.MOUSE_PRESSED, javafx.scene.input.KeyEvent.KEY_PRESSED)) {
            knownAtFigures.addEventFilter(input, event -> revealChecks = 0);
        }
        knownAtLines.setItems(model.lines());
        text(linePositionColumn, line -> "#" + line.position());
        text(lineEntryColumn, line -> narrowLines ? "#" + line.position() + " · " + line.date() + " · " + line.entry() + "\n"
                + line.account() + "\nrecorded " + line.recorded() + "\n" + line.user() + " · " + line.command() : line.entry());
        text(lineDateColumn, RestatingLine::date);
        text(lineAccountColumn, RestatingLine::account);
        text(lineAmountColumn, RestatingLine::amount);
        text(lineRecordedColumn, RestatingLine::recorded);
        text(lineUserColumn, RestatingLine::user);
        text(lineCommandColumn, RestatingLine::command);
        // session 22: at 1280 px the eight columns (~880 px) scrolled sideways in a panel of ~460 px, the amount and
        // recording time out of sight; in a narrow panel a posting reads on a few lines beside its amount, and the
        // table has room for a few postings (it kept ~50 px, one row, under the figures)
        dev.eventscope.ui.BreakingCell.install(lineEntryColumn);
        dev.eventscope.ui.TableFit.installElastic(knownAtLines, lineEntryColumn, lineEntryColumn, lineAmountColumn);
        knownAtLines.widthProperty().addListener((observable, before, width) -> narrowLines(width.doubleValue() < WIDE_LINES));
        narrowLines(knownAtLines.getWidth() > 0 && knownAtLines.getWidth() < WIDE_LINES);
        knownAtLines.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> model.lines().isEmpty() ? 60.0 : Math.min(2, model.lines().size()) * (narrowLines ? 76.0 : 26.0) + 32, model.lines(),
                knownAtLines.widthProperty()));
        knownAtLines.setRowFactory(table -> {
            TableRow<RestatingLine> row = new TableRow<>();
            row.setOnMouseClicked(click -> {
                if (!row.isEmpty()) {
                    model.select(row.getItem());
                }
            });
            return row;
        });
        // a posting chosen with the keyboard selects its event too
        knownAtLines.getSelectionModel().selectedItemProperty().addListener((observable, before, line) -> {
            if (line != null) {
                model.select(line);
            }
        });
    }

    /**
     * Adds the panel to the state panel as its "As known" tab, after "State", and brings the tab forward whenever
     * figures are shown for a knowledge point; the panel itself is made when the tab is first shown.
     */
    public static void addTo(TabPane statePanel, KnownAtViewModel model) {
        Tab tab = new Tab("As known");
        tab.setId("knownAtTab");
        statePanel.getTabs().add(Math.min(1, statePanel.getTabs().size()), tab);
        // made when first shown: its two tables are a sixth of the explorer's nodes, hidden behind "State" at the first frame
        dev.eventscope.ui.LazyTab.whenFirstShown(tab, () -> new KnownAtPanel(model));
        model.shownProperty().addListener((observable, was, shown) -> {
            if (shown) {
                statePanel.getSelectionModel().select(tab);
            }
        });
        // a question being read comes forward at once, with its progress, rather than the State tab staying as it was
        model.progressProperty().addListener((observable, was, now) -> {
            if (was.doubleValue() < 0 && now.doubleValue() >= 0) {
                statePanel.getSelectionModel().select(tab);
            }
        });
    }

    /** Below this width a restating posting reads in one cell of a few lines beside its amount. */
    private static final double WIDE_LINES = 720;
    private boolean narrowLines;

    private void narrowLines(boolean narrow) {
        if (narrow != narrowLines) {
            narrowLines = narrow;
            for (TableColumn<RestatingLine, String> column : List.of(linePositionColumn, lineUserColumn, lineDateColumn, lineAccountColumn,
                    lineRecordedColumn, lineCommandColumn)) {
                column.setVisible(!narrow);
            }
            lineEntryColumn.setText(narrow ? "Posting" : "Entry");
            lineAmountColumn.setMinWidth(narrow ? 0 : 100);
            knownAtLines.refresh();
        }
    }

    /**
     * Layouts still to check, after the figures or the postings changed, that the first restated figure is seen whole
     * (a later layout, the postings below taking their room or a row measured again, can push it out of sight after it
     * was revealed), and layouts still to wait for the table's rows (a fresh-clone CI once found the reveal asked before
     * the rows were there and never asked again).
     */
    private int revealChecks;
    private int revealWaits;

    private void askToReveal() {
        revealChecks = 3;
        revealWaits = 20;
        knownAtFigures.requestLayout();
    }

    private void revealFirstRestated() {
        int first = firstRestated();
        if (first < 0) {
            revealChecks = 0;
        }
        if (revealChecks <= 0) {
            return;
        }
        if (!(knownAtFigures.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)
                || flow.getCellCount() == 0 || flow.getFirstVisibleCell() == null || knownAtFigures.getHeight() <= 0) {
            // not laid out with its rows yet: asked again after the next layout, which a table with room is asked for
            // (a few times at most); a table with no height yet is laid out again when it gets one
            if (knownAtFigures.getHeight() > 0 && revealWaits-- > 0) {
                knownAtFigures.requestLayout();
            }
            return;
        }
        revealChecks--;
        // the last visible row may be cut by the table's edge: only a row between the first and the last is seen whole
        if (first < flow.getFirstVisibleCell().getIndex() || first >= flow.getLastVisibleCell().getIndex()) {
            knownAtFigures.scrollTo(first);
        }
    }

    private int firstRestated() {
        for (int index = 0; index < model.figures().size(); index++) {
            if (model.figures().get(index).restated()) {
                return index;
            }
        }
        return -1;
    }

    private void markStale(boolean stale) {
        for (javafx.scene.Node node : List.of(knownAtHeading, knownAtFigures, knownAtLines)) {
            node.getStyleClass().remove("known-at-stale");
            if (stale) {
                node.getStyleClass().add("known-at-stale");
            }
        }
        knownAtFigures.setDisable(stale);
        knownAtLines.setDisable(stale);
    }

    private static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public KnownAtViewModel model() {
        return model;
    }
}

package dev.eventscope.ui.projections;

import dev.eventscope.projection.ProjectionFailure;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The projections side panel: a table of the projections (status, checkpoint, lag, last update),
 * Rebuild and Rebuild all, the rebuild's progress with speed, time left and Cancel, the outcome of the
 * last rebuild, and each failure with a link to the event that caused it. Laid out in ProjectionsPanel.fxml;
 * it docks at the right of the explorer's main split and polls the status twice a second.
 */
public final class ProjectionsPanel {

    private final ProjectionsViewModel model;

    @FXML private VBox projectionsPanel;
    @FXML private TableView<ProjectionRow> projectionsTable;
    @FXML private TableColumn<ProjectionRow, String> nameColumn;
    @FXML private TableColumn<ProjectionRow, String> versionColumn;
    @FXML private TableColumn<ProjectionRow, ProjectionRow> statusColumn;
    @FXML private TableColumn<ProjectionRow, String> checkpointColumn;
    @FXML private TableColumn<ProjectionRow, String> lagColumn;
    @FXML private TableColumn<ProjectionRow, String> updatedColumn;
    @FXML private Button rebuildButton;
    @FXML private Button rebuildAllButton;
    @FXML private VBox rebuildBox;
    @FXML private ProgressBar rebuildProgress;
    @FXML private Button cancelRebuildButton;
    @FXML private Label rebuildPositionText;
    @FXML private Label rebuildSpeedText;
    @FXML private Label rebuildMessage;
    @FXML private VBox failures;
    @FXML private VBox failureList;
    @FXML private Label readModelLocation;

    public ProjectionsPanel(ProjectionsViewModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(ProjectionsPanel.class.getResource("/dev/eventscope/ui/projections/ProjectionsPanel.fxml"));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the projections panel could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        projectionsTable.setItems(model.rows());
        value(nameColumn, ProjectionRow::name);
        value(versionColumn, row -> Integer.toString(row.version()));
        bindStatusColumn();
        value(checkpointColumn, row -> String.format(Locale.ROOT, "#%,d", row.checkpoint()));
        value(lagColumn, row -> String.format(Locale.ROOT, "%,d", row.lag()));
        value(updatedColumn, row -> row.lastUpdate() == null ? "—" : row.lastUpdate());
        // every column as wide as what it holds: "Checkpoint" and "Updated" are not cut for a long name
        dev.eventscope.ui.TableFit.install(projectionsTable, nameColumn, versionColumn, checkpointColumn, lagColumn, updatedColumn);
        projectionsTable.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(ProjectionRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.detail()));
            }
        });

        rebuildButton.disableProperty().bind(model.rebuildingProperty().or(model.openingProperty())
                .or(projectionsTable.getSelectionModel().selectedItemProperty().isNull()));
        rebuildAllButton.disableProperty().bind(model.rebuildingProperty().or(model.openingProperty()));

        rebuildProgress.progressProperty().bind(model.progressProperty());
        cancelRebuildButton.disableProperty().bind(model.cancellableProperty().not());
        rebuildPositionText.textProperty().bind(model.progressTextProperty());
        rebuildSpeedText.textProperty().bind(Bindings.createStringBinding(() -> join(model.speedTextProperty().get(),
                model.remainingTextProperty().get()), model.speedTextProperty(), model.remainingTextProperty()));
        showWhen(rebuildBox, model.rebuildingProperty().or(model.progressTextProperty().isNotEmpty()));

        rebuildMessage.textProperty().bind(model.messageProperty());
        showWhen(rebuildMessage, model.messageProperty().isNotEmpty());
        model.messageIsGoodProperty().addListener((observable, before, good) -> {
            rebuildMessage.getStyleClass().remove("rebuild-message-good");
            if (good) {
                rebuildMessage.getStyleClass().add("rebuild-message-good");
            }
        });

        showWhen(failures, Bindings.isNotEmpty(model.failures()));
        model.failures().addListener((ListChangeListener<ProjectionFailure>) change -> fillFailures());
        fillFailures();

        readModelLocation.textProperty().bind(model.locationProperty().map(where -> where.isEmpty() ? "" : "Read models kept in " + where));
    }

    @FXML
    private void rebuild() {
        model.rebuild(projectionsTable.getSelectionModel().getSelectedItem().name());
    }

    @FXML
    private void rebuildAll() {
        model.rebuildAll();
    }

    @FXML
    private void cancelRebuild() {
        model.cancelRebuild();
    }

    private static String join(String speed, String remaining) {
        if (speed.isEmpty()) {
            return remaining;
        }
        return remaining.isEmpty() ? speed : speed + " · " + remaining;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private void fillFailures() {
        failureList.getChildren().clear();
        for (ProjectionFailure failure : model.failures()) {
            Label text = new Label(failure.describe());
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            text.getStyleClass().add("failure-text");
            Hyperlink link = new Hyperlink(String.format(Locale.ROOT, "Show event #%,d (%s)", failure.position(), failure.eventType()));
            link.getStyleClass().add("failure-link");
            link.setOnAction(event -> model.jumpTo(failure));
            VBox item = new VBox(2, text, link);
            item.getStyleClass().add("failure-item");
            failureList.getChildren().add(item);
        }
    }

    private static void value(TableColumn<ProjectionRow, String> column, Function<ProjectionRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private void bindStatusColumn() {
        statusColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        statusColumn.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(ProjectionRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("status-live", "status-catching-up", "status-rebuilding", "status-stopped");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                setText("● " + row.statusLabel());
                getStyleClass().add("status-" + row.health().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });
    }

    /**
     * Starts polling {@code model}'s status twice a second, shown or not (the status bar reads it too); stops by itself
     * when {@code owner} leaves its window. Once per explorer: the panel itself is made when first shown.
     *
     * <p>Not a JavaFX {@code Timeline}: while any animation plays, the toolkit runs a pulse every frame (60 a second) for
     * the whole session, each waking the UI and renderer threads with nothing to draw — CPU that a first open's catch-up
     * needs (docs/cli-speed.md, "Session 21 (appopen)"). A daemon thread asks the UI thread twice a second instead.
     */
    public static void startPolling(ProjectionsViewModel model, Node owner) {
        java.util.concurrent.ScheduledExecutorService ticks = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "eventscope-status-poll");
                    thread.setDaemon(true);
                    return thread;
                });
        ticks.scheduleWithFixedDelay(() -> javafx.application.Platform.runLater(() -> {
            if (!ticks.isShutdown()) {
                model.refreshStatus();
            }
        }), POLL_MILLIS, POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        owner.sceneProperty().addListener((observable, before, scene) -> {
            if (before != null && scene == null) {
                ticks.shutdownNow();
            }
        });
    }

    /** How often the status is polled. */
    private static final long POLL_MILLIS = 500;

    /**
     * The panel docks as a fourth column only where the history keeps at least this much beside it (the sidebar and
     * the state panel keep their widths); otherwise a fourth column would leave the history or the state panel no room
     * to read, so the panel opens as a drawer over the state panel (at 1280 and at 1920 px wide).
     */
    public static final double HISTORY_KEEPS = 560;
    /** The panel's width: room for every column of its table. */
    private static final double PANEL_WIDTH = 600;
    /** The drawer's width at the most, as a share of the window. */
    private static final double DRAWER_SHARE = 0.47;

    /** The split's dividers before the panel was docked, restored when it goes. */
    private double[] dividersBeforeDocking;
    private SplitPane dockedIn;
    private StackPane drawerIn;
    /** The stack whose width decides between docked and drawer (watched from the first toggle on). */
    private StackPane watched;

    /**
     * Shows the panel, or hides it when it is shown: docked at the right of {@code split} in a window wide enough (see
     * {@link #HISTORY_KEEPS}), else as a drawer at the right of {@code overlay} (the stack that holds the split). A
     * window resized while the panel is shown moves it to the other place when the room asks for it.
     */
    public void toggleIn(SplitPane split, StackPane overlay) {
        if (isShown()) {
            hide();
            return;
        }
        place(split, overlay);
        if (watched != overlay) {
            watched = overlay;
            overlay.widthProperty().addListener(observable -> {
                boolean wrongPlace = dockedIn != null ? historyWidth(split) < HISTORY_KEEPS : roomToDock(split);
                if (isShown() && wrongPlace) {
                    remove();
                    place(split, overlay);
                }
                drawerWidth(overlay);
            });
        }
    }

    /** True when the panel is shown as a drawer rather than docked. */
    public boolean isDrawer() {
        return drawerIn != null;
    }

    /** The history's width (the split's second pane) as it stands. */
    private static double historyWidth(SplitPane split) {
        double[] dividers = split.getDividerPositions();
        return dividers.length < 2 ? 0 : split.getWidth() * (dividers[1] - dividers[0]);
    }

    /** Docking takes the panel's width from the history alone: is there that much to spare? */
    private static boolean roomToDock(SplitPane split) {
        return split.getDividerPositions().length == 2 && historyWidth(split) - PANEL_WIDTH >= HISTORY_KEEPS;
    }

    private void place(SplitPane split, StackPane overlay) {
        if (!roomToDock(split)) {
            drawerIn = overlay;
            projectionsPanel.getStyleClass().add("drawer");
            StackPane.setAlignment(projectionsPanel, javafx.geometry.Pos.CENTER_RIGHT);
            projectionsPanel.setMaxWidth(Region.USE_PREF_SIZE);
            drawerWidth(overlay);
            overlay.getChildren().add(projectionsPanel);
        } else {
            dock(split);
        }
    }

    private void drawerWidth(StackPane overlay) {
        if (drawerIn != null) {
            projectionsPanel.setPrefWidth(Math.min(PANEL_WIDTH, Math.max(projectionsPanel.getMinWidth(), overlay.getWidth() * DRAWER_SHARE)));
        }
    }

    private void dock(SplitPane split) {
        // the panel docks at the right with its own width; the sidebar and the state panel keep theirs, the history
        // gives up the room (roomToDock checked it has enough)
        dockedIn = split;
        projectionsPanel.setPrefWidth(PANEL_WIDTH);
        projectionsPanel.setMaxWidth(Double.MAX_VALUE);
        double[] before = split.getDividerPositions();
        dividersBeforeDocking = before;
        double width = split.getWidth();
        double stateShare = 1 - before[1];
        split.getItems().add(projectionsPanel);
        double panelAt = 1 - PANEL_WIDTH / width;
        split.setDividerPositions(before[0], panelAt - stateShare, panelAt);
    }

    /** Takes the panel out of the drawer or the split (restoring the split's dividers). */
    private void remove() {
        if (drawerIn != null) {
            drawerIn.getChildren().remove(projectionsPanel);
            projectionsPanel.getStyleClass().remove("drawer");
            drawerIn = null;
        }
        if (dockedIn != null) {
            dockedIn.getItems().remove(projectionsPanel);
            if (dividersBeforeDocking != null && dividersBeforeDocking.length == dockedIn.getDividers().size()) {
                dockedIn.setDividerPositions(dividersBeforeDocking);
            }
            dividersBeforeDocking = null;
            dockedIn = null;
        }
    }

    @FXML
    private void hide() {
        remove();
    }

    public boolean isShown() {
        return projectionsPanel.getScene() != null;
    }

    public Parent root() {
        return projectionsPanel;
    }

    public ProjectionsViewModel model() {
        return model;
    }
}

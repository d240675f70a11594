package dev.eventscope.ui.projections;

import dev.eventscope.projection.ProjectionFailure;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

import java.util.Locale;
import java.util.function.Function;

/**
 * The projections side panel: a table of the projections (status, checkpoint, lag, last update),
 * Rebuild and Rebuild all, the rebuild's progress with speed, time left and Cancel, the outcome of the
 * last rebuild, and each failure with a link to the event that caused it. Built in code (it is one
 * small panel); it docks at the right of the explorer's main split and polls the status twice a second.
 */
public final class ProjectionsPanel {

    private final ProjectionsViewModel model;
    private final VBox root = new VBox(8);
    private final TableView<ProjectionRow> table = new TableView<>();
    private final VBox failureList = new VBox(6);
    private Timeline polling;

    public ProjectionsPanel(ProjectionsViewModel model) {
        this.model = model;
        build();
    }

    private void build() {
        root.setId("projectionsPanel");
        root.getStyleClass().add("projections-panel");
        root.getStylesheets().add(ProjectionsPanel.class.getResource("/dev/eventscope/ui/projections/projections.css").toExternalForm());
        root.setMinWidth(300);
        root.setPrefWidth(480);

        Label title = new Label("PROJECTIONS");
        title.getStyleClass().add("pane-title");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("closeProjectionsButton");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Hide the projections panel"));
        close.setOnAction(event -> hide());
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("projectionsTable");
        table.getStyleClass().add("projections-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Opening the read models…"));
        table.setPrefHeight(150);
        table.setMinHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Projection", 100, ProjectionRow::name));
        table.getColumns().add(column("Ver", 34, row -> Integer.toString(row.version())));
        table.getColumns().add(statusColumn());
        table.getColumns().add(column("Checkpoint", 92, row -> String.format(Locale.ROOT, "#%,d", row.checkpoint())));
        table.getColumns().add(column("Lag", 44, row -> String.format(Locale.ROOT, "%,d", row.lag())));
        table.getColumns().add(column("Updated", 66, row -> row.lastUpdate() == null ? "—" : row.lastUpdate()));
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(ProjectionRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.detail()));
            }
        });
        table.getColumns().forEach(column -> column.setSortable(false));

        Button rebuild = new Button("Rebuild");
        rebuild.setId("rebuildButton");
        rebuild.setTooltip(new Tooltip("Rebuild the selected projection from the first event; the old read model serves meanwhile"));
        rebuild.disableProperty().bind(model.rebuildingProperty().or(model.openingProperty())
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        rebuild.setOnAction(event -> model.rebuild(table.getSelectionModel().getSelectedItem().name()));
        Button rebuildAll = new Button("Rebuild all");
        rebuildAll.setId("rebuildAllButton");
        rebuildAll.disableProperty().bind(model.rebuildingProperty().or(model.openingProperty()));
        rebuildAll.setOnAction(event -> model.rebuildAll());
        HBox actions = new HBox(8, rebuild, rebuildAll);
        actions.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("rebuildProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelRebuildButton");
        cancel.disableProperty().bind(model.cancellableProperty().not());
        cancel.setOnAction(event -> model.cancelRebuild());
        HBox barLine = new HBox(8, bar, cancel);
        barLine.setAlignment(Pos.CENTER_LEFT);
        Label position = new Label();
        position.setId("rebuildPositionText");
        position.textProperty().bind(model.progressTextProperty());
        position.setWrapText(true);
        Label speed = new Label();
        speed.setId("rebuildSpeedText");
        speed.getStyleClass().add("muted");
        speed.textProperty().bind(Bindings.createStringBinding(() -> join(model.speedTextProperty().get(),
                model.remainingTextProperty().get()), model.speedTextProperty(), model.remainingTextProperty()));
        VBox progressBox = new VBox(4, barLine, position, speed);
        progressBox.setId("rebuildBox");
        progressBox.getStyleClass().add("rebuild-box");
        showWhen(progressBox, model.rebuildingProperty().or(model.progressTextProperty().isNotEmpty()));

        Label message = new Label();
        message.setId("rebuildMessage");
        message.getStyleClass().add("rebuild-message");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        showWhen(message, model.messageProperty().isNotEmpty());

        Label failuresTitle = new Label("STOPPED ON AN EVENT");
        failuresTitle.getStyleClass().add("pane-title");
        failureList.setId("failureList");
        VBox failures = new VBox(6, failuresTitle, failureList);
        showWhen(failures, Bindings.isNotEmpty(model.failures()));
        model.failures().addListener((ListChangeListener<ProjectionFailure>) change -> fillFailures());
        fillFailures();

        Label location = new Label();
        location.getStyleClass().add("muted");
        location.setWrapText(true);
        location.textProperty().bind(model.locationProperty().map(where -> where.isEmpty() ? "" : "Read models kept in " + where));

        Pane filler = new Pane();
        VBox.setVgrow(filler, Priority.ALWAYS);
        root.getChildren().addAll(header, table, actions, progressBox, message, failures, filler, location);
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

    private static TableColumn<ProjectionRow, String> column(String title, double width, Function<ProjectionRow, String> value) {
        TableColumn<ProjectionRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        if (!title.equals("Projection")) {
            column.getStyleClass().add("number");
        }
        return column;
    }

    private static TableColumn<ProjectionRow, ProjectionRow> statusColumn() {
        TableColumn<ProjectionRow, ProjectionRow> column = new TableColumn<>("Status");
        column.setPrefWidth(100);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(ignored -> new TableCell<>() {
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
        return column;
    }

    /** Starts polling the status twice a second; stops by itself when {@code owner} leaves its window. */
    public void startPolling(Node owner) {
        if (polling != null) {
            return;
        }
        polling = new Timeline(new KeyFrame(Duration.millis(500), event -> model.refreshStatus()));
        polling.setCycleCount(Timeline.INDEFINITE);
        polling.play();
        owner.sceneProperty().addListener((observable, before, scene) -> {
            if (before != null && scene == null) {
                polling.stop();
            }
        });
    }

    /** Docks the panel at the right of {@code split}, or removes it when it is there. */
    public void toggleIn(SplitPane split) {
        if (split.getItems().contains(root)) {
            split.getItems().remove(root);
        } else {
            split.getItems().add(root);
            split.setDividerPosition(split.getItems().size() - 2, 0.66);
        }
    }

    private void hide() {
        if (root.getParent() != null) {
            Parent parent = root.getParent();
            while (parent != null && !(parent instanceof SplitPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof SplitPane split) {
                split.getItems().remove(root);
            }
        }
    }

    public boolean isShown() {
        return root.getScene() != null;
    }

    public Parent root() {
        return root;
    }

    public ProjectionsViewModel model() {
        return model;
    }
}

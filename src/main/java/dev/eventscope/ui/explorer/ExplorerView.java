package dev.eventscope.ui.explorer;

import dev.eventscope.ui.knownat.KnownAtBar;
import dev.eventscope.ui.knownat.KnownAtPanel;
import dev.eventscope.ui.projections.ProjectionsPanel;
import dev.eventscope.ui.timeline.StatePanelView;
import dev.eventscope.ui.timeline.TimelineBar;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The explorer screen: the toolbar, the timeline and the state panel around the panels that
 * ExplorerView.fxml includes, each with its own controller bound to its own view model ({@link SidebarView},
 * {@link HistoryView}, {@link EventDetailView}, {@link IntegrityBannerView}, {@link StatusBarView}).
 */
public final class ExplorerView {

    /** This package's own classes the explorer's first frame needs, for the warm-up to load in the background. */
    public static List<Class<?>> helperClasses() {
        return List.of(HistoryColumns.class, MetadataGrid.class, StreamTreeCell.class, SidebarView.class, HistoryView.class,
                EventDetailView.class, IntegrityBannerView.class, StatusBarView.class, SessionWork.class, CheckedFilter.class,
                JobNotifications.class);
    }

    private final ExplorerViewModel model;
    /** Made when first shown ({@link #projectionsPanel()}). */
    private ProjectionsPanel projectionsPanel;
    private Runnable exportReport = () -> { };

    @FXML private Parent explorerRoot;
    @FXML private Button verifyButton;
    @FXML private ProgressIndicator verifyProgress;
    @FXML private Label readOnlyBadge;
    @FXML private HBox commandBar;
    @FXML private VBox timelineHost;
    @FXML private StackPane statePanelHost;
    @FXML private SplitPane mainSplit;
    @FXML private StackPane centreStack;
    @FXML private HistoryView historyController;
    @FXML private StatusBarView statusBarController;

    public ExplorerView(ExplorerViewModel model) {
        this.model = model;
    }

    /** Loads the FXML (this view and one controller per included panel) and returns the screen's root. */
    public Parent load() {
        FXMLLoader loader = new FXMLLoader(ExplorerView.class.getResource("/dev/eventscope/ui/explorer/ExplorerView.fxml"));
        loader.setControllerFactory(this::controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the explorer screen could not be loaded", e);
        }
    }

    private Object controller(Class<?> type) {
        if (type == ExplorerView.class) {
            return this;
        } else if (type == SidebarView.class) {
            return new SidebarView(model.sidebar());
        } else if (type == HistoryView.class) {
            return new HistoryView(model.history());
        } else if (type == EventDetailView.class) {
            return new EventDetailView(model.detail(), model);
        } else if (type == IntegrityBannerView.class) {
            return new IntegrityBannerView(model.integrity(), model::jumpTo);
        } else if (type == StatusBarView.class) {
            return new StatusBarView(model);
        }
        throw new IllegalArgumentException("the explorer has no controller of type " + type.getName());
    }

    @FXML
    private void initialize() {
        IntegrityViewModel integrity = model.integrity();
        show(readOnlyBadge, model.session().readOnly());
        verifyProgress.visibleProperty().bind(integrity.runningProperty());
        verifyProgress.managedProperty().bind(integrity.runningProperty());
        verifyButton.disableProperty().bind(integrity.runningProperty());
        timelineHost.getChildren().add(new TimelineBar(model.timeline()));
        timelineHost.getChildren().add(new KnownAtBar(model.knownAt()));
        StatePanelView statePanel = new StatePanelView(model.statePanel());
        statePanel.getTabs().add(1, dev.eventscope.ui.statements.StatementsView.tab(model::statements));
        KnownAtPanel.addTo(statePanel, model.knownAt());
        statePanelHost.getChildren().add(statePanel);
        // a wider window widens the history and the state panel, not the sidebar
        SplitPane.setResizableWithParent(mainSplit.getItems().get(0), false);
        giveTheStatePanelRoom();
        statusBarController.setOnShowProjections(this::showProjections);
        ProjectionsPanel.startPolling(model.projections(), explorerRoot);
        JobNotifications.install(explorerRoot, integrity, model.projections(), model.foreignAppends());
    }

    /**
     * The state panel's share of the window as the explorer first lays out: 30 %, but at least {@link #STATE_PANEL_WIDTH}
     * (its tabs and a comparison's four columns) up to 40 %, the history taking the rest; a narrow window (1280 px)
     * would otherwise leave it under 400 px.
     */
    private void giveTheStatePanelRoom() {
        mainSplit.widthProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable observable) {
                double width = mainSplit.getWidth();
                if (width > 0 && mainSplit.getDividers().size() == 2) {
                    mainSplit.widthProperty().removeListener(this);
                    double share = Math.max(0.3, Math.min(0.4, STATE_PANEL_WIDTH / width));
                    mainSplit.setDividerPosition(1, 1 - share);
                }
            }
        });
    }

    private static final double STATE_PANEL_WIDTH = 480;

    /** Docks the projections panel at the right, or hides it (View › Projections, the toolbar button). */
    @FXML
    public void toggleProjections() {
        projectionsPanel().toggleIn(mainSplit, centreStack);
    }

    private void showProjections() {
        if (!projectionsPanel().isShown()) {
            toggleProjections();
        }
    }

    /** The projections panel, made when first shown: it is not in the window's first frame. */
    private ProjectionsPanel projectionsPanel() {
        if (projectionsPanel == null) {
            projectionsPanel = new ProjectionsPanel(model.projections());
        }
        return projectionsPanel;
    }

    /** What the toolbar's Export report button does (the window opens the dialog). */
    public void setOnExportReport(Runnable action) {
        exportReport = action;
    }

    @FXML
    private void exportReport() {
        exportReport.run();
    }

    static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    /** Puts the cursor in the full-text search over event data (Ctrl+F). */
    public void focusSearch() {
        historyController.focusSearch();
    }

    @FXML
    private void verify() {
        model.integrity().verify();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    public ExplorerViewModel model() {
        return model;
    }

    /** The toolbar slot for the command buttons (filled by {@code ui.commands.CommandActions}). */
    public HBox commandBar() {
        return commandBar;
    }

    public Parent root() {
        return explorerRoot;
    }
}

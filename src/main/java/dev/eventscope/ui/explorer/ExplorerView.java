package dev.eventscope.ui.explorer;

import dev.eventscope.ui.DateFields;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.explorer.IntegrityViewModel.BannerState;
import dev.eventscope.ui.projections.ProjectionsPanel;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import dev.eventscope.ui.timeline.StatePanelView;
import dev.eventscope.ui.timeline.TimelineBar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The explorer screen: binds {@link ExplorerViewModel} to the sidebar, history table, detail and banner. */
public final class ExplorerView {

    /** This package's own classes the explorer's first frame needs, for the warm-up to load in the background. */
    public static java.util.List<Class<?>> helperClasses() {
        return java.util.List.of(HistoryColumns.class, MetadataGrid.class, StreamTreeCell.class);
    }


    private final ExplorerViewModel model;
    private final Set<String> collapsed = new HashSet<>();
    private final Set<String> opened = new HashSet<>();
    private boolean syncing;
    private ProjectionsPanel projectionsPanel;
    private Runnable exportReport = () -> { };

    @FXML private Parent explorerRoot;
    @FXML private Button verifyButton;
    @FXML private ProgressIndicator verifyProgress;
    @FXML private Label readOnlyBadge;
    @FXML private HBox commandBar;
    @FXML private HBox banner;
    @FXML private Label bannerIcon;
    @FXML private Label bannerText;
    @FXML private Hyperlink bannerLink;
    @FXML private TextField streamSearch;
    @FXML private ChoiceBox<String> streamType;
    @FXML private TreeView<SidebarNode> streamTree;
    @FXML private Label historyTitle;
    @FXML private ChoiceBox<String> eventTypeFilter;
    @FXML private ChoiceBox<String> userFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField textSearch;
    @FXML private TableView<EventRow> historyTable;
    @FXML private TableColumn<EventRow, Long> positionColumn;
    @FXML private TableColumn<EventRow, Long> versionColumn;
    @FXML private TableColumn<EventRow, String> typeColumn;
    @FXML private TableColumn<EventRow, String> streamColumn;
    @FXML private TableColumn<EventRow, EventRow> recordedColumn;
    @FXML private TableColumn<EventRow, String> userColumn;
    @FXML private TableColumn<EventRow, String> commandColumn;
    @FXML private TableColumn<EventRow, String> summaryColumn;
    @FXML private TableColumn<EventRow, EventRow> hashColumn;
    @FXML private ProgressIndicator historyProgress;
    @FXML private Label detailHeading;
    @FXML private GridPane metadataGrid;
    @FXML private TextArea jsonText;
    @FXML private Label jsonHeading;
    @FXML private javafx.scene.layout.VBox upcastPane;
    @FXML private javafx.scene.control.SplitPane detailSplit;
    @FXML private Label upcastHeading;
    @FXML private TextArea upcastText;
    @FXML private Label statusFile;
    @FXML private Label statusEvents;
    @FXML private Label statusPosition;
    @FXML private Label statusReadOnly;
    @FXML private Label statusRefresh;
    @FXML private VBox timelineHost;
    @FXML private StackPane statePanelHost;
    @FXML private SplitPane mainSplit;
    @FXML private Label statusProjections;

    public ExplorerView(ExplorerViewModel model) {
        this.model = model;
    }

    /** Loads the FXML with this view as its controller and returns the screen's root. */
    public Parent load() {
        FXMLLoader loader = new FXMLLoader(ExplorerView.class.getResource("/dev/eventscope/ui/explorer/ExplorerView.fxml"));
        loader.setControllerFactory(type -> this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the explorer screen could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        bindToolbarAndStatus();
        bindSidebar();
        bindHistory();
        bindDetail();
        timelineHost.getChildren().add(new TimelineBar(model.timeline()));
        statePanelHost.getChildren().add(new StatePanelView(model.timeline()));
        // a wider window widens the history and the state panel, not the sidebar
        SplitPane.setResizableWithParent(mainSplit.getItems().get(0), false);
        bindProjections();
    }

    private void bindProjections() {
        projectionsPanel = new ProjectionsPanel(model.projections());
        statusProjections.textProperty().bind(model.projections().statusLineProperty());
        statusProjections.setOnMouseClicked(event -> showProjections());
        projectionsPanel.startPolling(explorerRoot);
    }

    /** Docks the projections panel at the right, or hides it (View › Projections, the toolbar button). */
    public void toggleProjections() {
        projectionsPanel.toggleIn(mainSplit);
    }

    private void showProjections() {
        if (!projectionsPanel.isShown()) {
            toggleProjections();
        }
    }

    /** What the toolbar's Export report button does (the window opens the dialog). */
    public void setOnExportReport(Runnable action) {
        exportReport = action;
    }

    @FXML
    private void exportReport() {
        exportReport.run();
    }

    private void bindToolbarAndStatus() {
        IntegrityViewModel integrity = model.integrity();
        boolean readOnly = model.session().readOnly();
        show(readOnlyBadge, readOnly);
        show(statusReadOnly, readOnly);
        verifyProgress.visibleProperty().bind(integrity.runningProperty());
        verifyProgress.managedProperty().bind(integrity.runningProperty());
        verifyButton.disableProperty().bind(integrity.runningProperty());
        bannerText.textProperty().bind(integrity.bannerTextProperty());
        integrity.bannerStateProperty().addListener((observable, before, state) -> showBanner(state));
        showBanner(integrity.bannerStateProperty().get());
        statusFile.setText(model.session().file().toString());
        statusEvents.textProperty().bind(model.eventCountProperty().asString("%,d events"));
        statusPosition.textProperty().bind(model.lastPositionProperty().asString("last position #%d"));
        statusRefresh.textProperty().bind(model.lastRefreshProperty().map(time -> time.isEmpty() ? "" : "refreshed " + time));
    }

    private void showBanner(BannerState state) {
        banner.getStyleClass().removeAll("banner-ok", "banner-bad");
        show(banner, state != BannerState.HIDDEN);
        if (state == BannerState.INTACT) {
            banner.getStyleClass().add("banner-ok");
            bannerIcon.setText("✓");
        } else if (state == BannerState.TAMPERED) {
            banner.getStyleClass().add("banner-bad");
            bannerIcon.setText("✗");
        }
        long jump = model.integrity().jumpPosition();
        bannerLink.setText(jump > 0 ? "Show event #" + jump : "");
        show(bannerLink, jump > 0);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private void bindSidebar() {
        SidebarViewModel sidebar = model.sidebar();
        streamSearch.textProperty().bindBidirectional(sidebar.searchProperty());
        streamType.setItems(sidebar.typeChoices());
        streamType.valueProperty().bindBidirectional(sidebar.typeProperty());
        streamTree.setRoot(new TreeItem<>());
        streamTree.setCellFactory(ignored -> new StreamTreeCell());
        sidebar.groupsProperty().addListener((observable, before, groups) -> fillTree(groups));
        streamTree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (!syncing && item != null && item.getValue().isStream()) {
                sidebar.select(item.getValue().stream());
            }
        });
        sidebar.selectedStreamProperty().addListener((observable, before, stream) -> selectInTree(stream));
    }

    private void fillTree(List<SidebarNode> groups) {
        syncing = true;
        try {
            TreeItem<SidebarNode> root = new TreeItem<>();
            for (SidebarNode group : groups) {
                root.getChildren().add(treeItem(group));
            }
            streamTree.setRoot(root);
        } finally {
            syncing = false;
        }
        selectInTree(model.sidebar().selectedStreamProperty().get());
    }

    /** A node with many children (a page list, a big account level) starts collapsed unless the user opened it. */
    private static final int EXPANDED_UP_TO = 100;

    private TreeItem<SidebarNode> treeItem(SidebarNode node) {
        TreeItem<SidebarNode> item = new LazyTreeItem(node);
        boolean expandedByDefault = node.children().size() <= EXPANDED_UP_TO;
        item.setExpanded(expandedByDefault ? !collapsed.contains(node.key()) : opened.contains(node.key()));
        item.expandedProperty().addListener((observable, before, expanded) -> {
            if (expanded) {
                collapsed.remove(node.key());
                opened.add(node.key());
            } else {
                collapsed.add(node.key());
                opened.remove(node.key());
            }
        });
        return item;
    }

    /** Creates its children's tree items only when first asked for them (when expanded), so 250,000 streams cost nothing until seen. */
    private final class LazyTreeItem extends TreeItem<SidebarNode> {
        private boolean childrenMade;

        private LazyTreeItem(SidebarNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<SidebarNode>> getChildren() {
            if (!childrenMade) {
                childrenMade = true;
                List<TreeItem<SidebarNode>> made = new java.util.ArrayList<>(getValue().children().size());
                for (SidebarNode child : getValue().children()) {
                    made.add(treeItem(child));
                }
                super.getChildren().setAll(made);
            }
            return super.getChildren();
        }
    }

    private void selectInTree(StreamId stream) {
        syncing = true;
        try {
            TreeItem<SidebarNode> item = stream == null ? null : find(streamTree.getRoot(), stream);
            if (item != null && item == streamTree.getSelectionModel().getSelectedItem()) {
                return; // the user clicked it: leave the scroll position alone
            }
            if (item == null) {
                streamTree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<SidebarNode> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
            }
            streamTree.getSelectionModel().select(item);
            int row = streamTree.getRow(item);
            if (row >= 0) {
                streamTree.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /** Follows the path of nodes down to the stream, making only the tree items along it. */
    private TreeItem<SidebarNode> find(TreeItem<SidebarNode> root, StreamId stream) {
        TreeItem<SidebarNode> item = root;
        for (SidebarNode step : SidebarTree.pathTo(model.sidebar().groupsProperty().get(), stream)) {
            TreeItem<SidebarNode> next = null;
            for (TreeItem<SidebarNode> child : item.getChildren()) {
                if (child.getValue() == step) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            item = next;
        }
        return item == root ? null : item;
    }

    private void bindHistory() {
        HistoryViewModel history = model.history();
        historyTitle.textProperty().bind(history.titleProperty());
        eventTypeFilter.setItems(history.eventTypeChoices());
        eventTypeFilter.valueProperty().bindBidirectional(history.eventTypeProperty());
        userFilter.setItems(history.userChoices());
        userFilter.valueProperty().bindBidirectional(history.userProperty());
        fromDate.valueProperty().bindBidirectional(history.recordedFromProperty());
        toDate.valueProperty().bindBidirectional(history.recordedToProperty());
        // the pickers themselves turn red and say what to type; the history keeps its last filter meanwhile
        DateFields.install(fromDate, problem -> { });
        DateFields.install(toDate, problem -> { });
        textSearch.textProperty().bindBidirectional(history.textProperty());
        historyProgress.visibleProperty().bind(history.loadingProperty());
        streamColumn.visibleProperty().bind(history.acrossStreamsProperty());

        HistoryColumns.number(positionColumn, EventRow::position);
        HistoryColumns.number(versionColumn, row -> row.event().version());
        HistoryColumns.text(typeColumn, row -> row.event().type());
        HistoryColumns.text(streamColumn, row -> row.event().streamId().value());
        HistoryColumns.recorded(recordedColumn);
        HistoryColumns.text(userColumn, EventRow::user);
        HistoryColumns.text(commandColumn, EventRow::command);
        HistoryColumns.text(summaryColumn, EventRow::summary);
        HistoryColumns.hash(hashColumn);

        SortedList<EventRow> sorted = new SortedList<>(history.rows());
        sorted.comparatorProperty().bind(historyTable.comparatorProperty());
        historyTable.setItems(sorted);
        historyTable.setPlaceholder(new Label("No events to show"));
        historyTable.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (!syncing) {
                history.select(row);
            }
        });
        history.selectedProperty().addListener((observable, before, row) -> selectInTable(row));
    }

    private void selectInTable(EventRow row) {
        if (historyTable.getSelectionModel().getSelectedItem() == row) {
            return;
        }
        syncing = true;
        try {
            if (row == null) {
                historyTable.getSelectionModel().clearSelection();
            } else {
                historyTable.getSelectionModel().select(row);
                int index = historyTable.getItems().indexOf(row);
                if (index >= 0) {
                    historyTable.scrollTo(Math.max(0, index - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void bindDetail() {
        EventDetailViewModel detail = model.detail();
        detailHeading.textProperty().bind(detail.headingProperty());
        jsonText.textProperty().bind(detail.jsonProperty());
        // an event written in an older schema shows both shapes side by side: as stored and as read now
        upcastText.textProperty().bind(detail.upcastJsonProperty());
        upcastHeading.textProperty().bind(detail.upcastHeadingProperty());
        detailSplit.getItems().remove(upcastPane);
        detail.upcastJsonProperty().addListener((observable, before, upcast) -> showUpcast(!upcast.isEmpty()));
        new MetadataGrid(metadataGrid, model).bind(detail.metadata());
    }

    /** Puts the cursor in the full-text search over event data (Ctrl+F). */
    public void focusSearch() {
        textSearch.requestFocus();
        textSearch.selectAll();
    }

    @FXML
    private void verify() {
        model.integrity().verify();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void clearFilters() {
        model.history().clearFilters();
    }

    @FXML
    private void jumpToBreak() {
        long position = model.integrity().jumpPosition();
        if (position > 0) {
            model.jumpTo(position);
        }
    }

    @FXML
    private void dismissBanner() {
        model.integrity().dismissBanner();
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

    private void showUpcast(boolean upcast) {
        jsonHeading.setText(upcast ? "As stored (JSON)" : "Data (JSON)");
        if (upcast && !detailSplit.getItems().contains(upcastPane)) {
            detailSplit.getItems().add(upcastPane);
            // three panes of equal width: a new pane would otherwise get the sliver left of the old divider
            detailSplit.setDividerPositions(1 / 3.0, 2 / 3.0);
        } else if (!upcast && detailSplit.getItems().remove(upcastPane)) {
            detailSplit.setDividerPositions(0.5);
        }
        upcastPane.setVisible(upcast);
        upcastPane.setManaged(upcast);
    }
}

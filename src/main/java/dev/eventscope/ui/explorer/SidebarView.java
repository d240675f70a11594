package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The explorer's sidebar (SidebarView.fxml): the stream search, the type filter and the tree of streams. */
public final class SidebarView {

    /** A node with many children (a page list, a big account level) starts collapsed unless the user opened it. */
    private static final int EXPANDED_UP_TO = 100;

    private final SidebarViewModel sidebar;
    private final Set<String> collapsed = new HashSet<>();
    private final Set<String> opened = new HashSet<>();
    private boolean syncing;

    @FXML private TextField streamSearch;
    @FXML private ChoiceBox<String> streamType;
    @FXML private TreeView<SidebarNode> streamTree;
    @FXML private org.controlsfx.control.BreadCrumbBar<String> accountPath;
    @FXML private javafx.scene.layout.StackPane accountPathBox;
    /** The whole account path, for a path cut to its end; one tooltip, its text set with each selection. */
    private final javafx.scene.control.Tooltip accountPathTip = new javafx.scene.control.Tooltip();

    SidebarView(SidebarViewModel sidebar) {
        this.sidebar = sidebar;
    }

    @FXML
    private void initialize() {
        streamSearch.textProperty().bindBidirectional(sidebar.searchProperty());
        streamType.setItems(sidebar.typeChoices());
        streamType.valueProperty().bindBidirectional(sidebar.typeProperty());
        streamTree.setRoot(new TreeItem<>());
        streamTree.setCellFactory(ignored -> new StreamTreeCell(sidebar.subtotalsProperty()));
        sidebar.groupsProperty().addListener((observable, before, groups) -> fillTree(groups));
        streamTree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (!syncing && item != null && item.getValue().isStream()) {
                sidebar.select(item.getValue().stream());
            }
        });
        sidebar.selectedStreamProperty().addListener((observable, before, stream) -> selectInTree(stream));
        sidebar.selectedStreamProperty().addListener((observable, before, stream) -> showPath(stream));
        javafx.scene.control.Tooltip.install(accountPathBox, accountPathTip);
        showPath(sidebar.selectedStreamProperty().get());
        // the path keeps its start in view when it fits, else its end (the selected account); nothing outside is drawn
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(accountPathBox.widthProperty());
        clip.heightProperty().bind(accountPathBox.heightProperty());
        accountPathBox.setClip(clip);
        accountPathBox.widthProperty().addListener(observable -> fitPath());
        accountPath.widthProperty().addListener(observable -> alignPath());
        accountPath.setOnCrumbAction(event -> {
            // a parent's crumb filters the tree to the accounts beneath it ("assets:bank"); the first one clears it
            // ("…", standing for the levels left out, filters to the last of them)
            sidebar.searchProperty().set(filterOf(event.getSelectedCrumb()));
        });
    }

    private static final String ACCOUNT_PREFIX = "account-";
    /** The crumb standing for the levels left out at the start of a path too wide for the sidebar. */
    private static final String LEFT_OUT = "…";

    /** The selected account's path: Accounts, then its levels ("assets", "bank", "checking"); empty for other streams. */
    private List<String> wholePath = List.of();
    /** How many crumbs at the start of {@link #wholePath} the "…" crumb stands for (0: the whole path is shown). */
    private int leftOut;

    private void alignPath() {
        accountPathBox.setAlignment(crumbsWidth() > accountPathBox.getWidth()
                ? javafx.geometry.Pos.CENTER_RIGHT : javafx.geometry.Pos.CENTER_LEFT);
    }

    /** The selected account's path as crumbs: Accounts › assets › bank › checking (hidden for other streams). */
    private void showPath(StreamId stream) {
        boolean account = stream != null && stream.value().startsWith(ACCOUNT_PREFIX);
        accountPathBox.setVisible(account);
        accountPathBox.setManaged(account);
        if (!account) {
            wholePath = List.of();
            return;
        }
        List<String> crumbs = new ArrayList<>();
        crumbs.add(SidebarTree.ACCOUNTS);
        crumbs.addAll(List.of(stream.value().substring(ACCOUNT_PREFIX.length()).split(":", -1)));
        wholePath = List.copyOf(crumbs);
        accountPathTip.setText(String.join(" › ", crumbs));
        fitPath();
        javafx.application.Platform.runLater(this::fitPath);
    }

    /**
     * Shows as much of the path as the sidebar holds, always its end (the selected account): where the whole path is
     * wider, its first crumbs give way to one "…" crumb (the whole path on hover). Cut by the sidebar's edge, it read
     * "ounts › assets › bank › checking" at 1280 px.
     */
    private void fitPath() {
        if (wholePath.isEmpty()) {
            return;
        }
        double room = accountPathBox.getWidth() - accountPathBox.snappedLeftInset() - accountPathBox.snappedRightInset();
        for (int each = 0; each < wholePath.size(); each = each == 0 ? 2 : each + 1) {
            showCrumbs(each);
            if (room <= 0 || accountPath.getSkin() == null) {
                break;
            }
            accountPath.applyCss();
            if (crumbsWidth() <= room) {
                break;
            }
        }
        alignPath();
    }

    /**
     * The width the crumbs take as the bar lays them out (each overlaps the one before by its arrow). The bar's own
     * preferred width is the span of its crumbs where they were last laid out, not where new crumbs will go.
     */
    private double crumbsWidth() {
        double width = accountPath.snappedLeftInset() + accountPath.snappedRightInset();
        boolean first = true;
        for (javafx.scene.Node crumb : accountPath.getChildrenUnmodifiable()) {
            width += accountPath.snapSizeX(crumb.prefWidth(-1));
            if (!first && crumb instanceof org.controlsfx.control.BreadCrumbBar.BreadCrumbButton button) {
                width -= button.getArrowWidth();
            }
            first = false;
        }
        return width;
    }

    private void showCrumbs(int leaveOut) {
        List<String> shown = new ArrayList<>();
        if (leaveOut > 0) {
            shown.add(LEFT_OUT);
        }
        shown.addAll(wholePath.subList(leaveOut, wholePath.size()));
        if (leaveOut != leftOut || accountPath.getSelectedCrumb() == null
                || !shown.equals(crumbsOf(accountPath.getSelectedCrumb()))) {
            leftOut = leaveOut;
            accountPath.setSelectedCrumb(org.controlsfx.control.BreadCrumbBar.buildTreeModel(shown.toArray(new String[0])));
        }
    }

    private static List<String> crumbsOf(TreeItem<String> last) {
        List<String> crumbs = new ArrayList<>();
        for (TreeItem<String> item = last; item != null; item = item.getParent()) {
            crumbs.add(0, item.getValue());
        }
        return crumbs;
    }

    /**
     * The stream search a crumb sets: "" for Accounts, "account-assets:bank" for the crumb bank under assets; the "…"
     * crumb stands for the levels it left out ("" when it left out only Accounts).
     */
    private String filterOf(TreeItem<String> crumb) {
        List<String> segments = new ArrayList<>();
        for (TreeItem<String> item = crumb; item != null && item.getParent() != null; item = item.getParent()) {
            segments.add(0, item.getValue());
        }
        if (leftOut > 0) {
            segments.addAll(0, wholePath.subList(1, leftOut));
        }
        return segments.isEmpty() ? "" : ACCOUNT_PREFIX + String.join(":", segments);
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
        selectInTree(sidebar.selectedStreamProperty().get());
    }

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
        public ObservableList<TreeItem<SidebarNode>> getChildren() {
            if (!childrenMade) {
                childrenMade = true;
                List<TreeItem<SidebarNode>> made = new ArrayList<>(getValue().children().size());
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
        for (SidebarNode step : SidebarTree.pathTo(sidebar.groupsProperty().get(), stream)) {
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
}

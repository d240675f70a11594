package dev.eventscope.ui.welcome;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The welcome screen: open or create a ledger, or pick a recent or sample ledger with one click. */
public final class WelcomeView {

    private final WelcomeViewModel model;
    private final Consumer<Path> forgetRecent;
    private Runnable importJournal = () -> { };
    private Runnable openTeamLedger = () -> { };

    @FXML private Button openButton;
    @FXML private CheckBox auditorCheck;
    @FXML private ListView<Path> recentList;
    @FXML private Label recentEmpty;
    @FXML private ListView<Path> sampleList;
    @FXML private Label samplesEmpty;

    public WelcomeView(WelcomeViewModel model, Consumer<Path> forgetRecent) {
        this.model = model;
        this.forgetRecent = forgetRecent;
    }

    /** What the "Import a journal…" button does (the main window imports into a new ledger). */
    public void setOnImportJournal(Runnable action) {
        importJournal = action;
    }

    @FXML
    private void importJournal() {
        importJournal.run();
    }

    /** What the "Open team ledger…" button does (the main window shows its dialog). */
    public void setOnOpenTeamLedger(Runnable action) {
        openTeamLedger = action;
    }

    @FXML
    private void openTeamLedger() {
        openTeamLedger.run();
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(WelcomeView.class.getResource("/dev/eventscope/ui/welcome/WelcomeView.fxml"));
        loader.setControllerFactory(type -> this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the welcome screen could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        auditorCheck.selectedProperty().bindBidirectional(model.auditorModeProperty());
        recentList.setItems(model.recentLedgers());
        recentList.setCellFactory(ignored -> new LedgerCell(model::openRecent, true));
        recentEmpty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.recentLedgers()));
        recentList.visibleProperty().bind(recentEmpty.visibleProperty().not());
        sampleList.setItems(model.sampleLedgers());
        sampleList.setCellFactory(ignored -> new LedgerCell(model::openSample, false));
        sampleList.setContextMenu(sampleMenu());
        samplesEmpty.setText(model.samplesHint());
        samplesEmpty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.sampleLedgers()));
        sampleList.visibleProperty().bind(samplesEmpty.visibleProperty().not());
        recentList.setOnKeyPressed(key -> openSelectedOnEnter(key.getCode(), recentList, model::openRecent));
        sampleList.setOnKeyPressed(key -> openSelectedOnEnter(key.getCode(), sampleList, model::openSample));
    }

    private static void openSelectedOnEnter(KeyCode code, ListView<Path> list, Consumer<Path> open) {
        Path selected = list.getSelectionModel().getSelectedItem();
        if (code == KeyCode.ENTER && selected != null) {
            open.accept(selected);
        }
    }

    @FXML
    private void openLedger() {
        File chosen = ledgerChooser("Open a ledger").showOpenDialog(window());
        if (chosen != null) {
            model.openChosen(chosen.toPath());
        }
    }

    @FXML
    private void newLedger() {
        FileChooser chooser = ledgerChooser("Create a new empty ledger");
        chooser.setInitialFileName("new.ledger");
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            model.createNew(chosen.toPath());
        }
    }

    /** The file dialog for ledgers, shared with the main window's menu. */
    public static FileChooser ledgerChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Eventscope ledgers (*.ledger)", "*.ledger"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private Window window() {
        return openButton.getScene().getWindow();
    }

    /** A ledger in a list: file name above its folder; one click opens it. */
    /** Right-click on a sample: put the bundled original back in place of a changed copy. */
    private ContextMenu sampleMenu() {
        MenuItem reset = new MenuItem("Reset this sample to the bundled original");
        reset.setOnAction(event -> {
            Path sample = sampleList.getSelectionModel().getSelectedItem();
            if (sample != null) {
                try {
                    model.resetSample(sample);
                } catch (RuntimeException failed) {
                    samplesEmpty.setText(failed.getMessage());
                }
            }
        });
        ContextMenu menu = new ContextMenu(reset);
        menu.setOnShowing(event -> {
            Path sample = sampleList.getSelectionModel().getSelectedItem();
            reset.setDisable(sample == null || !model.sampleHasCopy(sample));
        });
        return menu;
    }

    private final class LedgerCell extends ListCell<Path> {
        private final Label name = new Label();
        private final Label folder = new Label();
        private final VBox box = new VBox(2, name, folder);

        private final boolean recent;

        private LedgerCell(Consumer<Path> open, boolean recent) {
            this.recent = recent;
            name.getStyleClass().add("ledger-name");
            folder.getStyleClass().add("ledger-folder");
            setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    open.accept(getItem());
                }
            });
            if (recent) {
                MenuItem forget = new MenuItem("Remove from recent ledgers");
                forget.setOnAction(event -> {
                    if (getItem() != null) {
                        forgetRecent.accept(getItem());
                    }
                });
                setContextMenu(new ContextMenu(forget));
            }
        }

        @Override
        protected void updateItem(Path file, boolean empty) {
            super.updateItem(file, empty);
            setText(null);
            if (empty || file == null) {
                setGraphic(null);
                return;
            }
            if (dev.eventscope.session.LedgerSessions.isServerLedger(file)) {
                // a team ledger: its schema, then the whole URL (which never holds a password)
                String url = dev.eventscope.session.LedgerSessions.displayName(file);
                name.setText(url.contains("schema=") ? url.substring(url.indexOf("schema=") + 7) + " (team ledger)" : url);
                folder.setText(url);
                folder.setWrapText(false);
                setGraphic(box);
                return;
            }
            name.setText(dev.eventscope.ui.ShownText.of(file.getFileName()));
            if (recent) {
                folder.setText(file.getParent() == null ? "" : dev.eventscope.ui.ShownText.of(file.getParent()));
            } else {
                // a sample says what it shows, not where the bundled file lies
                folder.setText(model.sampleDescription(file));
            }
            folder.setWrapText(!recent);
            if (!recent && getListView() != null && !folder.maxWidthProperty().isBound()) {
                // the line wraps inside the list instead of running under a horizontal scroll bar
                setPrefWidth(0);
                folder.maxWidthProperty().bind(getListView().widthProperty().subtract(36));
                name.maxWidthProperty().bind(getListView().widthProperty().subtract(36));
            }
            setGraphic(box);
        }
    }
}

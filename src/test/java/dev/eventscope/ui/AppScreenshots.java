package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;
import static dev.eventscope.testing.FxShots.waitFor;

import dev.eventscope.audit.SigningKeys;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes the screenshots of every screen in docs/screenshots at one window size (run on demand under Xvfb, never in
 * CI): {@code xvfb-run -a -s "-screen 0 1920x1080x24" java -cp ... dev.eventscope.ui.AppScreenshots SAMPLES OUT WIDTH HEIGHT}.
 * Each picture is named after the screen and the size ({@code explorer-small-business-1280x720.png}).
 */
public final class AppScreenshots {

    private static final List<String> FORMS = List.of("postEntryItem", "reverseEntryItem", "openAccountItem", "freezeAccountItem",
            "unfreezeAccountItem", "closeAccountItem", "closePeriodItem", "reopenPeriodItem");

    private static Path out;
    /** Only the explorer's own screens of the small-business sample (a sixth argument "explorer"), for a quick look. */
    private static boolean explorerOnly;
    private static String size;
    private static Stage stage;
    private static MainWindowViewModel model;

    private AppScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        size = width + "x" + height;
        String only = args.length > 4 ? args[4] : "";
        explorerOnly = args.length > 5 && args[5].equals("explorer");
        Path settings = Files.createTempDirectory("shots");
        FxTaskExecutor executor = new FxTaskExecutor();
        openWindow(samples, settings, executor, width, height);
        Thread.sleep(1500);
        shoot(stage.getScene(), "welcome");
        try (var listing = Files.list(samples)) {
            for (Path sample : listing.filter(file -> file.toString().endsWith(".ledger")
                    && file.getFileName().toString().startsWith(only)).sorted().toList()) {
                explore(settings, sample);
            }
        }
        executor.close();
        System.exit(0);
    }

    /** Starts JavaFX and shows the main window on the samples at the top left, {@code width} by {@code height}; see {@link #model()}. */
    static Stage openWindow(Path samples, Path settings, FxTaskExecutor executor, int width, int height) throws Exception {
        return openWindow(TestSessions.SQLITE, samples, settings, executor, width, height);
    }

    /** {@link #openWindow(Path, Path, FxTaskExecutor, int, int)} on {@code sessions} (the desktop's own reach servers too). */
    static Stage openWindow(dev.eventscope.session.LedgerSessions sessions, Path samples, Path settings, FxTaskExecutor executor,
                            int width, int height) throws Exception {
        Platform.startup(() -> { });
        stage = onFx(() -> {
            Stage window = new Stage();
            model = new MainWindowViewModel(sessions, executor, new SettingsStore(settings.resolve("config")),
                    new SampleLedgers(samples, settings.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault());
            model.setSigningKeys(new SigningKeys(settings.resolve("keys")));
            MainWindowView.show(window, model);
            window.setX(0);
            window.setY(0);
            window.setWidth(width);
            window.setHeight(height);
            return window;
        });
        return stage;
    }

    /**
     * What the seal and sandbox screenshot programs (Session20Ui2Screenshots, Session21Screenshots) start from, given
     * their arguments {@code SAMPLES OUTDIR WIDTH HEIGHT}: the output folder made, settings in a new temporary folder
     * ({@code prefix}…), the main window at that size, with the machine verifier the desktop's bootstrap gives it
     * ({@code EventscopeApp}: {@code LedgerVerifier.forCurrentUser()}), so that Tools › Seal is not greyed.
     */
    static Shots openWithMachineVerifier(String[] args, String prefix) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        Path outdir = Files.createDirectories(Path.of(args[1]));
        Path settings = Files.createTempDirectory(prefix);
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage window = openWindow(samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        onFx(() -> {
            model.setMachineVerifier(dev.eventscope.audit.LedgerVerifier.forCurrentUser());
            return null;
        });
        return new Shots(samples, outdir, args[2] + "x" + args[3], settings, executor, window);
    }

    /** A screenshot program's samples, output folder, size ("1280x720"), settings folder, executor and main window. */
    record Shots(Path samples, Path out, String size, Path settings, FxTaskExecutor executor, Stage stage) {

        /** A copy of the sample {@code NAME.ledger} in the settings folder, to open (and write to). */
        Path copyOfSample(String name) throws java.io.IOException {
            return Files.copy(samples.resolve(name + ".ledger"), settings.resolve(name + ".ledger"));
        }
    }

    /** The main window's view model, once {@link #openWindow} showed it. */
    static MainWindowViewModel model() {
        return model;
    }

    private static void explore(Path settings, Path sample) throws Exception {
        String name = sample.getFileName().toString().replace(".ledger", "");
        Path copy = Files.copy(sample, settings.resolve(sample.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Object before = model.explorerProperty().get();
        onFx(() -> {
            model.open(copy, false);
            return null;
        });
        // the sample before stays shown until this one is open: wait for this one's explorer, not any
        waitFor(() -> model.explorerProperty().get() != null && model.explorerProperty().get() != before
                && stage.getScene().lookup("#streamTree") != null && stage.getScene().lookup("#statusProjections") != null);
        waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#statusProjections")).getText().startsWith("Projections live"));
        var explorer = model.explorerProperty().get();
        StreamInfo busiest = explorer.session().streams(StreamFilter.category("account")).stream()
                .max(Comparator.comparingLong(StreamInfo::version)).orElseThrow();
        onFx(() -> {
            explorer.sidebar().select(busiest.streamId());
            return null;
        });
        Thread.sleep(2500);
        onFx(() -> {
            TableView<?> history = (TableView<?>) stage.getScene().lookup("#historyTable");
            history.getSelectionModel().select(history.getItems().size() - 1);
            history.scrollTo(history.getItems().size() - 1); // as a user's End key does: the picked event in view
            return null;
        });
        Thread.sleep(1200);
        shoot(stage.getScene(), "explorer-" + name);
        if (name.equals("legacy-schema")) {
            // the account's first event is in an older schema: three detail panes, the metadata stacked (session 19, ui2)
            onFx(() -> {
                TableView<?> history = (TableView<?>) stage.getScene().lookup("#historyTable");
                history.getSelectionModel().select(0);
                history.scrollTo(0);
                return null;
            });
            Thread.sleep(1200);
            shoot(stage.getScene(), "explorer-upcast");
        }
        if (name.equals("tampered")) {
            fire("#verifyButton");
            Thread.sleep(3000);
            shoot(stage.getScene(), "verify-tampered");
        }
        if (!name.equals("small-business")) {
            return;
        }
        fire("#verifyButton");
        Thread.sleep(2500);
        shoot(stage.getScene(), "verify");
        onFx(() -> {
            TableView<?> state = (TableView<?>) stage.getScene().lookup("#stateTable");
            for (int index = 0; index < state.getItems().size(); index++) {
                if (((dev.eventscope.ui.state.StateRow) state.getItems().get(index)).explainable()) {
                    state.getSelectionModel().select(index);
                    break;
                }
            }
            ((Button) stage.getScene().lookup("#whyButton")).fire();
            return null;
        });
        Thread.sleep(1500);
        shoot(stage.getScene(), "why");
        onFx(() -> {
            TabPane tabs = statePanel();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "Balance chart".equals(tab.getText())).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(1500);
        shoot(stage.getScene(), "balance-chart");
        onFx(() -> {
            ((ButtonBase) stage.getScene().lookup("#scopeLedger")).fire();
            TabPane tabs = statePanel();
            tabs.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(2500);
        shoot(stage.getScene(), "state-whole-ledger");
        onFx(() -> {
            TabPane tabs = statePanel();
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
            return null;
        });
        Thread.sleep(800);
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#compareFrom")).setText("2024-03-31");
            ((TextField) stage.getScene().lookup("#compareTo")).setText("now");
            ((Button) stage.getScene().lookup("#compareButton")).fire();
            return null;
        });
        Thread.sleep(2500);
        shoot(stage.getScene(), "compare");
        fire("#projectionsButton");
        Thread.sleep(2500);
        shoot(stage.getScene(), "projections");
        fire("#projectionsButton");
        if (explorerOnly) {
            return;
        }
        for (String form : FORMS) {
            windowShot(() -> menuItem(form).fire(), "form-" + form.replace("Item", "").replaceAll("([A-Z])", "-$1")
                    .toLowerCase(java.util.Locale.ROOT), 1500, false);
        }
        windowShot(() -> ((ButtonBase) stage.getScene().lookup("#exportReportButton")).fire(), "report-dialog", 1500, false);
        windowShot(() -> menuItem("workbenchTestsItem").fire(), "workbench", 4000, true);
        windowShot(() -> menuItem("proposeAdjustmentsItem").fire(), "sandbox", 3000, true);
    }

    /** Opens a window with {@code open}, waits, shoots it (at the main window's size when {@code fullSize}) and closes it. */
    private static void windowShot(Runnable open, String name, long wait, boolean fullSize) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            open.run();
            return null;
        });
        Thread.sleep(wait);
        Scene window = newWindow(before);
        if (window.lookup("#sandboxBase") instanceof javafx.scene.control.Label base) {
            waitFor(() -> !base.getText().isEmpty()); // the sandbox read (a busy machine outlasts any fixed wait)
        }
        if (fullSize) {
            onFx(() -> sized((Stage) window.getWindow()));
            Thread.sleep(2000);
        }
        shoot(window, name);
        onFx(() -> {
            window.getWindow().hide();
            return null;
        });
    }

    private static TabPane statePanel() {
        return stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                .filter(tabs -> tabs.getTabs().stream().anyMatch(tab -> "stateTab".equals(tab.getId()))).findFirst().orElseThrow();
    }

    private static Void sized(Stage window) {
        window.setX(0);
        window.setY(0);
        window.setWidth(stage.getWidth());
        window.setHeight(stage.getHeight());
        return null;
    }

    private static MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(menu -> items(menu).stream()).filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no menu item " + id));
    }

    private static List<MenuItem> items(Menu menu) {
        return menu.getItems().stream().flatMap(item -> item instanceof Menu sub ? items(sub).stream() : java.util.stream.Stream.of(item))
                .collect(Collectors.toList());
    }

    private static Scene newWindow(Set<Window> before) throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(window -> !before.contains(window) && window instanceof Stage)
                .findFirst().orElseThrow(() -> new IllegalStateException("no new window")).getScene());
    }

    private static void fire(String id) throws Exception {
        onFx(() -> {
            Node node = stage.getScene().lookup(id);
            ((ButtonBase) node).fire();
            return null;
        });
    }

    private static void shoot(Scene scene, String name) throws Exception {
        save(scene, out.resolve(name + "-" + size + ".png"));
    }
}

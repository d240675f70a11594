package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Set;

/**
 * The screens session 14's trial never walked (docs/ui.md, "Session 15"), shot under Xvfb as a stranger meets them: the
 * error a corrupt file and a foreign SQLite file give, File › Open team ledger… with a bad URL and an unreachable
 * server, and the As known and Statements tabs on a sample. Run as AppScreenshots is:
 * {@code TrialScreenshots sample-data/ledgers <outdir> 1920 1080}.
 */
public final class TrialScreenshots {

    private static Path out;
    private static String size;

    private TrialScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        size = args[2] + "x" + args[3];
        Path settings = Files.createTempDirectory("trial");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage stage = AppScreenshots.openWindow(new dev.eventscope.session.LedgerSessions(new dev.eventscope.bootstrap.LedgerStores(),
                new dev.eventscope.bootstrap.ReadModelStores(), new dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory()), samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Thread.sleep(1500);

        Path corrupt = settings.resolve("books.ledger");
        byte[] noise = new byte[40_000];
        new java.util.Random(7).nextBytes(noise);
        System.arraycopy("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, noise, 0, 16);
        Files.write(corrupt, noise);
        shotOf(() -> AppScreenshots.model().welcome().openChosen(corrupt), "error-corrupt-file", 3000);
        Path foreign = settings.resolve("photos.ledger");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             var statement = connection.createStatement()) {
            statement.execute("create table photos (id integer primary key, name text)");
            statement.execute("insert into photos (name) values ('beach.jpg')");
        }
        shotOf(() -> AppScreenshots.model().welcome().openChosen(foreign), "error-foreign-sqlite", 3000);

        Scene team = shotOf(() -> menuItem(stage, "openTeamItem").fire(), null, 1500);
        onFx(() -> {
            ((TextField) team.lookup("#teamUrl")).setText("https://example.com/books");
            ((Button) team.getRoot().lookupAll(".button").stream().filter(node -> node instanceof Button button
                    && button.getText().replace("_", "").startsWith("Open")).findFirst().orElseThrow()).fire();
            return null;
        });
        Thread.sleep(1500);
        save(team, out.resolve("team-bad-url-" + size + ".png"));
        onFx(() -> {
            ((TextField) team.lookup("#teamUrl")).setText("postgresql://127.0.0.1:1/books?schema=team");
            ((TextField) team.lookup("#teamUser")).setText("anna");
            ((PasswordField) team.lookup("#teamPassword")).setText("not-my-password");
            ((Button) team.lookup("#testConnectionButton")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(team, out.resolve("team-unreachable-" + size + ".png"));
        onFx(() -> {
            team.getWindow().hide();
            return null;
        });

        onFx(() -> {
            AppScreenshots.model().welcome().openSample(samples.resolve("small-business.ledger"));
            return null;
        });
        Thread.sleep(6000);
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#knownAtAsOf")).setText("2025-03-31");
            ((TextField) stage.getScene().lookup("#knownAtPoint")).setText("2025-04-15");
            ((ButtonBase) stage.getScene().lookup("#knownAtShow")).fire();
            return null;
        });
        // session 22: a fixed 4 s shot the tab while it was still reading at load 20; wait for the answer (at most 300 s)
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!onFx(() -> stage.getScene().lookup("#knownAtFigures") instanceof javafx.scene.control.TableView<?> figures
                && !figures.getItems().isEmpty() && stage.getScene().lookup("#knownAtReading") != null
                && !stage.getScene().lookup("#knownAtReading").isVisible()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        save(stage.getScene(), out.resolve("known-at-" + size + ".png"));
        onFx(() -> {
            TabPane tabs = stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                    .filter(pane -> pane.getTabs().stream().anyMatch(tab -> "Statements".equals(tab.getText()))).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "Statements".equals(tab.getText())).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(4000);
        save(stage.getScene(), out.resolve("statements-" + size + ".png"));
        // session 18: a quarterly income statement wider than the panel says what is to the right, and opens whole in a window
        onFx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<Object> kind = (javafx.scene.control.ChoiceBox<Object>) scene.lookup("#statementKind");
            kind.getItems().stream().filter(item -> kind.getConverter() == null ? item.toString().contains("INCOME")
                    : kind.getConverter().toString(item).equals("Income Statement")).findFirst().ifPresent(kind::setValue);
            ((TextField) scene.lookup("#statementPeriod")).setText("2025");
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<Object> columns = (javafx.scene.control.ChoiceBox<Object>) scene.lookup("#statementColumns");
            columns.getItems().stream().filter(item -> columns.getConverter() == null ? item.toString().contains("QUARTER")
                    : columns.getConverter().toString(item).equals("Quarterly")).findFirst().ifPresent(columns::setValue);
            ((ButtonBase) scene.lookup("#showStatement")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(stage.getScene(), out.resolve("statements-quarterly-" + size + ".png"));
        if (stage.getScene().lookup("#statementWindow").isVisible()) {
            shotOf(() -> ((ButtonBase) stage.getScene().lookup("#statementWindow")).fire(), "statements-window", 2000);
        }
        executor.close();
        System.exit(0);
    }

    /** Runs {@code open}, waits, and shoots the window it opened as {@code name} (then closes it), or returns it when no name. */
    private static Scene shotOf(Runnable open, String name, long wait) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            open.run();
            return null;
        });
        Thread.sleep(wait);
        Scene window = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no new window for " + name)).getScene());
        if (name != null) {
            save(window, out.resolve(name + "-" + size + ".png"));
            onFx(() -> {
                window.getWindow().hide();
                return null;
            });
        }
        return window;
    }

    /** The main window's menu item of this id. */
    static MenuItem menuItem(Stage stage, String id) {
        MenuBar bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream()).filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow();
    }
}

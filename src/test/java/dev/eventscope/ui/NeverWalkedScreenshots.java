package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import dev.eventscope.ui.importer.ImportLauncher;
import dev.eventscope.ui.importer.ImportTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The screens no trial had walked before session 16 (docs/ui.md, "Session 16"), shot under Xvfb as a stranger meets
 * them: a ledger of a newer schema, a read-only ledger file and a ledger in a folder one may not write (run it as a user
 * who is not root, as root may write anything: {@code setpriv --reuid=65534 …}), the same file opened read-only (as an
 * auditor) with what the Books menu then offers, a journal with an error imported into a new ledger, and the
 * projections panel during a rebuild of a large ledger (what it shows and what stays clickable). Run as AppScreenshots is,
 * with a large ledger as a fifth argument: {@code NeverWalkedScreenshots sample-data/ledgers <outdir> 1920 1080 big.ledger}.
 */
public final class NeverWalkedScreenshots {

    private static Path out;
    private static String size;

    private NeverWalkedScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        size = args[2] + "x" + args[3];
        Path big = Path.of(args[4]).toAbsolutePath();
        Path settings = Files.createTempDirectory("never-walked");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage stage = AppScreenshots.openWindow(samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Thread.sleep(1500);
        Path sample = samples.resolve("small-business.ledger");

        Path newer = Files.copy(sample, settings.resolve("from-the-future.ledger"));
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + newer); var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        shotOf(() -> AppScreenshots.model().welcome().openChosen(newer), "error-newer-schema", 3000);

        Path readOnly = Files.copy(sample, settings.resolve("locked.ledger"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        shotOf(() -> AppScreenshots.model().welcome().openChosen(readOnly), "error-read-only-file", 3000);

        Path lockedFolder = Files.createDirectories(settings.resolve("locked-folder"));
        Path inLockedFolder = Files.copy(sample, lockedFolder.resolve("books.ledger"));
        Files.setPosixFilePermissions(lockedFolder, PosixFilePermissions.fromString("r-xr-xr-x"));
        shotOf(() -> AppScreenshots.model().welcome().openChosen(inLockedFolder), "error-read-only-folder", 3000);

        onFx(() -> {
            AppScreenshots.model().open(readOnly, true);
            return null;
        });
        Thread.sleep(6000);
        save(stage.getScene(), out.resolve("read-only-auditor-" + size + ".png"));
        System.out.println("auditor: " + onFx(() -> enabledItems(stage)));
        onFx(() -> {
            stage.getScene().getWindow().requestFocus();
            return null;
        });

        Path journal = Files.writeString(settings.resolve("shop.journal"), """
                2025-01-02 Opening balance
                    assets:bank:checking      1000.00 EUR
                    equity:opening

                2025-01-05 Printer paper
                    expenses:office            24.90 EUR
                    assets:bank:checking      -20.00 EUR

                2025-01-09 Rent
                    expenses:rent             800.00 EUR
                    assets:bank:checking
                """);
        ImportLauncher launcher = onFx(() -> new ImportLauncher(AppScreenshots.model().sessions(), AppScreenshots.model().executor(),
                stage, path -> { }));
        shotOf(() -> launcher.start(journal, ImportTarget.newLedger(settings.resolve("shop.ledger"))), "import-error", 5000);

        Path copy = settings.resolve("big.ledger");
        Files.copy(big, copy, StandardCopyOption.REPLACE_EXISTING);
        onFx(() -> {
            AppScreenshots.model().open(copy, false);
            return null;
        });
        long deadline = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() < deadline && !onFx(() -> AppScreenshots.model().explorerProperty().get() != null
                && AppScreenshots.model().explorerProperty().get().session().fileName().equals("big.ledger")
                && stage.getScene().lookup("#statusProjections") instanceof Labeled live && live.getText().startsWith("Projections live"))) {
            Thread.sleep(1000);
        }
        System.out.println("big ledger live after " + (900_000 - (deadline - System.currentTimeMillis())) / 1000 + " s");
        fire(stage, "#projectionsButton");
        Thread.sleep(2500);
        fire(stage, "#rebuildAllButton");
        Thread.sleep(3000);
        save(stage.getScene(), out.resolve("projections-rebuilding-" + size + ".png"));
        System.out.println("during the rebuild: " + onFx(() -> enabledItems(stage)));
        System.out.println("rebuild buttons: rebuild " + onFx(() -> !stage.getScene().lookup("#rebuildButton").isDisabled())
                + ", rebuild all " + onFx(() -> !stage.getScene().lookup("#rebuildAllButton").isDisabled())
                + ", cancel " + onFx(() -> !stage.getScene().lookup("#cancelRebuildButton").isDisabled()));
        Thread.sleep(8000);
        save(stage.getScene(), out.resolve("projections-rebuilding-later-" + size + ".png"));
        fire(stage, "#cancelRebuildButton");
        Thread.sleep(3000);
        save(stage.getScene(), out.resolve("projections-rebuild-cancelled-" + size + ".png"));
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "workbenchSearchItem").fire();
            return null;
        });
        Thread.sleep(3000);
        Scene workbench = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst().orElseThrow().getScene());
        onFx(() -> {
            ((javafx.scene.control.TextField) workbench.lookup("#searchField")).setText("rent");
            ((ButtonBase) workbench.lookup("#searchButton")).fire();
            return null;
        });
        Thread.sleep(4000);
        save(workbench, out.resolve("search-indexing-" + size + ".png"));
        System.out.println("search: " + onFx(() -> ((Labeled) workbench.lookup("#searchStatus")).getText()));
        executor.close();
        System.exit(0);
    }

    /** The menu items a person may choose now, by id, menu by menu. */
    private static String enabledItems(Stage stage) {
        MenuBar bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        return bar.getMenus().stream().map(menu -> menu.getText() + ": " + menu.getItems().stream()
                .filter(item -> item.getText() != null && !item.isDisable()).map(MenuItem::getText).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
    }

    private static void fire(Stage stage, String id) throws Exception {
        onFx(() -> {
            Node node = stage.getScene().lookup(id);
            ((ButtonBase) node).fire();
            return null;
        });
    }

    /** Runs {@code open}, waits, and shoots the window it opened as {@code name}, then closes it. */
    private static void shotOf(Runnable open, String name, long wait) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            open.run();
            return null;
        });
        Thread.sleep(wait);
        Scene window = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst()
                .map(Window::getScene).orElse(null));
        if (window == null) {
            System.out.println(name + ": no window opened");
            return;
        }
        save(window, out.resolve(name + "-" + size + ".png"));
        System.out.println(name + ": " + onFx(() -> window.getRoot().lookupAll(".label").stream()
                .map(node -> ((Labeled) node).getText()).filter(text -> text != null && !text.isBlank()).collect(Collectors.joining(" / "))));
        onFx(() -> {
            window.getWindow().hide();
            return null;
        });
    }
}

package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import dev.eventscope.ui.importer.ImportLauncher;
import dev.eventscope.ui.importer.ImportTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The screens no trial had shot before session 20 (docs/ui.md, "Session 20 (ui)"), under Xvfb as a stranger meets them:
 * the timeline on the recorded clock and with the As known bar answering (both clocks at once), Tools › Seal, the
 * workbench's search with results and with nothing found, the sandbox with a proposal the moved base refuses, a ledger
 * another program holds locked, a malformed journal's import, and Help › About. Run as AppScreenshots is:
 * {@code Session20Screenshots sample-data/ledgers <outdir> 1920 1080}.
 */
public final class Session20Screenshots {

    private static Path out;
    private static String size;

    private Session20Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        size = args[2] + "x" + args[3];
        Path settings = Files.createTempDirectory("session20");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage stage = AppScreenshots.openWindow(samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Thread.sleep(1500);

        // a ledger another program holds (an exclusive transaction open on it)
        Path locked = Files.copy(samples.resolve("small-business.ledger"), settings.resolve("locked.ledger"));
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + locked); var statement = holder.createStatement()) {
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            // SQLite waits up to 15 s for the lock (SqliteConnections), then the open fails with a sentence
            shotOf(() -> AppScreenshots.model().welcome().openChosen(locked), "error-locked-ledger", 22000);
            statement.execute("ROLLBACK");
        }

        Path journal = Files.writeString(settings.resolve("shop.journal"), """
                2025-01-02 Opening balance
                    assets:bank:checking      1000.00 EUR
                    equity:opening

                2025-01-05 Printer paper
                    expenses:office            24.90 EUR
                    assets:bank:checking      -20.00 EUR
                """);
        ImportLauncher launcher = onFx(() -> new ImportLauncher(AppScreenshots.model().sessions(), AppScreenshots.model().executor(),
                stage, path -> { }));
        shotOf(() -> launcher.start(journal, ImportTarget.newLedger(settings.resolve("shop.ledger"))), "import-error", 6000);

        Path sample = Files.copy(samples.resolve("small-business.ledger"), settings.resolve("small-business.ledger"));
        onFx(() -> {
            AppScreenshots.model().open(sample, false);
            return null;
        });
        Thread.sleep(7000);
        // the timeline on the recorded clock, over the whole ledger
        onFx(() -> {
            ((ToggleButton) stage.getScene().lookup("#scopeLedger")).fire();
            ((ToggleButton) stage.getScene().lookup("#axis-recorded_time")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(stage.getScene(), out.resolve("timeline-recorded-" + size + ".png"));
        System.out.println("recorded clock: " + text(stage.getScene(), "#timelinePoint") + " / " + text(stage.getScene(), "#timelineStatus"));
        // both clocks at once: the slider on the recorded clock, the As known bar as of an entry date and known at a day
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#knownAtAsOf")).setText("2025-03-31");
            ((TextField) stage.getScene().lookup("#knownAtPoint")).setText("2025-04-15");
            ((ButtonBase) stage.getScene().lookup("#knownAtShow")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(stage.getScene(), out.resolve("timeline-both-clocks-" + size + ".png"));
        System.out.println("both clocks: " + text(stage.getScene(), "#knownAtStatus"));

        // Tools › Seal the ledger
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "sealItem").fire();
            return null;
        });
        Thread.sleep(6000);
        save(stage.getScene(), out.resolve("seal-" + size + ".png"));
        System.out.println("seal: " + onFx(() -> stage.getScene().getRoot().lookupAll("#banner .label").stream()
                .map(node -> ((Labeled) node).getText()).filter(t -> t != null && !t.isBlank()).collect(Collectors.joining(" / "))));

        // the workbench's search: results, then nothing found
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "workbenchSearchItem").fire();
            return null;
        });
        Thread.sleep(3000);
        Scene workbench = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst().orElseThrow().getScene());
        search(workbench, "rent");
        Thread.sleep(6000);
        save(workbench, out.resolve("search-results-" + size + ".png"));
        System.out.println("search: " + text(workbench, "#searchStatus"));
        search(workbench, "zebra crossing");
        Thread.sleep(4000);
        save(workbench, out.resolve("search-nothing-" + size + ".png"));
        System.out.println("nothing: " + text(workbench, "#searchStatus"));
        onFx(() -> {
            workbench.getWindow().hide();
            return null;
        });

        // the sandbox: a reversal proposed at the head, then the base moved before the entry it reverses (refused)
        Set<Window> beforeSandbox = Set.copyOf(Window.getWindows());
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "proposeAdjustmentsItem").fire();
            return null;
        });
        Thread.sleep(5000);
        Scene sandbox = onFx(() -> Window.getWindows().stream().filter(each -> !beforeSandbox.contains(each)).findFirst().orElseThrow().getScene());
        onFx(() -> {
            ((TextField) sandbox.lookup("#proposalReason")).setText("The February rent was booked twice");
            javafx.scene.control.TabPane forms = (javafx.scene.control.TabPane) sandbox.lookup("#proposalForms");
            forms.getSelectionModel().select(1);
            Node reverse = sandbox.lookup("#proposeReverseForm");
            ((TextField) reverse.lookupAll(".text-field").iterator().next()).setText("BILL-2025-001");
            return null;
        });
        Thread.sleep(1000);
        onFx(() -> {
            ((ButtonBase) sandbox.lookup("#proposeReverseForm").lookup("#submitButton")).fire();
            return null;
        });
        Thread.sleep(4000);
        save(sandbox, out.resolve("sandbox-proposed-" + size + ".png"));
        onFx(() -> {
            ((TextField) sandbox.lookup("#sandboxBasePoint")).setText("#3");
            ((ButtonBase) sandbox.lookup("#moveBaseButton")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(sandbox, out.resolve("sandbox-refused-" + size + ".png"));
        System.out.println("sandbox: " + text(sandbox, "#sandboxMessage"));
        onFx(() -> {
            sandbox.getWindow().hide();
            return null;
        });

        // Help › About
        shotOf(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                    .filter(item -> item.getText() != null && item.getText().contains("About")).findFirst().orElseThrow().fire();
        }, "about", 2000);
        executor.close();
        System.exit(0);
    }

    private static void search(Scene workbench, String words) throws Exception {
        onFx(() -> {
            ((TextField) workbench.lookup("#searchField")).setText(words);
            ((ButtonBase) workbench.lookup("#searchButton")).fire();
            return null;
        });
    }

    private static String text(Scene scene, String id) throws Exception {
        return onFx(() -> scene.lookup(id) instanceof Labeled labeled ? labeled.getText() : "(no " + id + ")");
    }

    /** Runs {@code open}, waits, and shoots the window it opened as {@code name}, then closes it. */
    private static void shotOf(Runnable open, String name, long wait) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            open.run();
            return null;
        });
        Thread.sleep(wait);
        Scene window = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each) && each.isShowing()).findFirst()
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

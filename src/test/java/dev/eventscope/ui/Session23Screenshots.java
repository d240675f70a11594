package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.ui.importer.ImportLauncher;
import dev.eventscope.ui.importer.ImportTarget;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The screens no screenshot program shot before session 23 (docs/ui.md, "Session 23 (ui)"), under Xvfb: the As known
 * tab with restating entries (audit-case, as of 2025-03-31 as known at 2025-04-15), and a mid-size journal's import with
 * its progress, then the explorer and the timeline on each clock over the ledger it made. Run as AppScreenshots is, with
 * the journal as a fifth argument: {@code Session23Screenshots sample-data/ledgers <outdir> 1280 720 bench100k.journal}.
 */
public final class Session23Screenshots {

    private static Path out;
    private static String size;

    private Session23Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        size = args[2] + "x" + args[3];
        Path settings = Files.createTempDirectory("session23");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage stage = AppScreenshots.openWindow(samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Thread.sleep(1500);

        // As known with restating entries
        Path audit = Files.copy(samples.resolve("audit-case.ledger"), settings.resolve("audit-case.ledger"));
        open(stage, audit);
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#knownAtAsOf")).setText("2025-03-31");
            ((TextField) stage.getScene().lookup("#knownAtPoint")).setText("2025-04-15");
            ((ButtonBase) stage.getScene().lookup("#knownAtShow")).fire();
            return null;
        });
        until(() -> stage.getScene().lookup("#knownAtLines") instanceof TableView<?> lines && lines.getItems().size() == 2
                && stage.getScene().lookup("#knownAtReading") != null && !stage.getScene().lookup("#knownAtReading").isVisible());
        Thread.sleep(1500);
        save(stage.getScene(), out.resolve("known-at-restating-" + size + ".png"));
        System.out.println("restating: " + text(stage.getScene(), "#knownAtStatus"));

        if (args.length < 5) {
            executor.close();
            System.exit(0);
        }
        // a mid-size journal's import into a new ledger: the progress, then the ledger it made
        Path journal = Path.of(args[4]).toAbsolutePath();
        Path ledger = settings.resolve("bench100k.ledger");
        Set<Window> before = Set.copyOf(Window.getWindows());
        ImportLauncher launcher = onFx(() -> new ImportLauncher(AppScreenshots.model().sessions(), AppScreenshots.model().executor(),
                stage, path -> AppScreenshots.model().open(path, false)));
        onFx(() -> launcher.start(journal, ImportTarget.newLedger(ledger)));
        until(() -> Window.getWindows().stream().anyMatch(each -> !before.contains(each) && each.isShowing()));
        Scene dialog = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each) && each.isShowing()).findFirst()
                .orElseThrow().getScene());
        Thread.sleep(4000);
        save(dialog, out.resolve("import-progress-" + size + ".png"));
        until(() -> launcher.running().isEmpty());
        Thread.sleep(1500);
        if (onFx(() -> dialog.getWindow().isShowing())) {
            save(dialog, out.resolve("import-done-" + size + ".png"));
            System.out.println("import: " + onFx(() -> dialog.getRoot().lookupAll(".label").stream().map(node -> ((Labeled) node).getText())
                    .filter(text -> text != null && !text.isBlank()).toList()));
            onFx(() -> {
                dialog.getRoot().lookupAll(".button").stream().map(ButtonBase.class::cast)
                        .filter(button -> button.getText().replace("_", "").startsWith("Open")).findFirst()
                        .ifPresentOrElse(ButtonBase::fire, () -> dialog.getWindow().hide());
                return null;
            });
        }
        until(() -> AppScreenshots.model().explorerProperty().get() != null
                && ledger.equals(AppScreenshots.model().explorerProperty().get().session().file())
                && stage.getScene().lookup("#statusProjections") instanceof Labeled status && status.getText().startsWith("Projections live"));
        var explorer = AppScreenshots.model().explorerProperty().get();
        StreamInfo busiest = explorer.session().streams(StreamFilter.category("account")).stream()
                .max(Comparator.comparingLong(StreamInfo::version)).orElseThrow();
        onFx(() -> {
            explorer.sidebar().select(busiest.streamId());
            return null;
        });
        Thread.sleep(5000);
        save(stage.getScene(), out.resolve("explorer-bench100k-" + size + ".png"));
        for (String axis : new String[] {"position", "entry_date", "recorded_time"}) {
            onFx(() -> {
                ((ToggleButton) stage.getScene().lookup("#scopeLedger")).fire();
                if (stage.getScene().lookup("#axis-" + axis) instanceof ToggleButton toggle) {
                    toggle.fire();
                }
                return null;
            });
            Thread.sleep(6000);
            save(stage.getScene(), out.resolve("timeline-bench100k-" + axis + "-" + size + ".png"));
            System.out.println(axis + ": " + text(stage.getScene(), "#timelinePoint") + " / " + text(stage.getScene(), "#timelineStatus"));
        }
        executor.close();
        System.exit(0);
    }

    private static void open(Stage stage, Path ledger) throws Exception {
        onFx(() -> {
            AppScreenshots.model().open(ledger, false);
            return null;
        });
        until(() -> AppScreenshots.model().explorerProperty().get() != null && stage.getScene().lookup("#statusProjections") instanceof Labeled status
                && status.getText().startsWith("Projections live"));
    }

    /** Waits (at most ten minutes: a loaded machine) until the condition, checked on the FX thread, holds. */
    private static void until(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited ten minutes");
            }
            Thread.sleep(200);
        }
    }

    private static String text(Scene scene, String id) throws Exception {
        return onFx(() -> scene.lookup(id) instanceof Labeled labeled ? labeled.getText() : "(no " + id + ")");
    }
}

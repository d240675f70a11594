package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import dev.eventscope.statement.StatementKind;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Session 17's trial (docs/ui.md, "Session 17"): a large ledger's first open (what is built, how far), the projections panel
 * as a rebuilt table is put in place, a first search's indexing (n of N events on a bar), the Statements tab through every
 * statement with a period, quarterly columns and a depth, and Help › About. Run as AppScreenshots is, with a large ledger
 * as a fifth argument: {@code Session17Screenshots sample-data/ledgers <outdir> 1920 1080 big.ledger}.
 */
public final class Session17Screenshots {

    private static Path out;
    private static String size;

    private Session17Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args[0]).toAbsolutePath();
        out = Files.createDirectories(Path.of(args[1]));
        size = args[2] + "x" + args[3];
        Path settings = Files.createTempDirectory("session17");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage stage = AppScreenshots.openWindow(samples, settings, executor, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Thread.sleep(1500);

        Path big = Files.copy(Path.of(args[4]).toAbsolutePath(), settings.resolve("big.ledger"), StandardCopyOption.REPLACE_EXISTING);
        onFx(() -> {
            AppScreenshots.model().open(big, false);
            return null;
        });
        Thread.sleep(5000);
        save(stage.getScene(), out.resolve("first-open-preparing-" + size + ".png"));
        say(stage, "first open at 5 s");
        waitFor(stage, "#timelineStatus", text -> text.startsWith("Building the read models for time travel:"), 600);
        save(stage.getScene(), out.resolve("first-open-catching-up-" + size + ".png"));
        say(stage, "first open catching up");
        waitFor(stage, "#statusProjections", text -> text.startsWith("Projections live"), 900);

        fire(stage, "#projectionsButton");
        Thread.sleep(1500);
        fire(stage, "#rebuildAllButton");
        waitFor(stage, "#rebuildPositionText", text -> text.startsWith("Putting the rebuilt"), 600);
        save(stage.getScene(), out.resolve("projections-placing-" + size + ".png"));
        System.out.println("placing: cancel " + onFx(() -> stage.getScene().lookup("#cancelRebuildButton").isDisabled() ? "greyed" : "live"));
        waitFor(stage, "#rebuildMessage", text -> !text.isBlank(), 600);

        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "workbenchSearchItem").fire();
            return null;
        });
        Thread.sleep(3000);
        Scene workbench = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst().orElseThrow().getScene());
        onFx(() -> {
            ((TextField) workbench.lookup("#searchField")).setText("rent");
            ((ButtonBase) workbench.lookup("#searchButton")).fire();
            return null;
        });
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline
                && !onFx(() -> ((Labeled) workbench.lookup("#searchStatus")).getText()).matches("Indexing the events .*: [1-9].*")) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
        save(workbench, out.resolve("search-indexing-progress-" + size + ".png"));
        System.out.println("search: " + onFx(() -> ((Labeled) workbench.lookup("#searchStatus")).getText()));
        onFx(() -> {
            workbench.getWindow().hide();
            return null;
        });

        onFx(() -> {
            AppScreenshots.model().welcome().openSample(samples.resolve("small-business.ledger"));
            return null;
        });
        Thread.sleep(6000);
        onFx(() -> {
            TabPane tabs = stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                    .filter(pane -> pane.getTabs().stream().anyMatch(tab -> "Statements".equals(tab.getText()))).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "Statements".equals(tab.getText())).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(2000);
        for (StatementKind kind : StatementKind.values()) {
            onFx(() -> {
                @SuppressWarnings("unchecked")
                ChoiceBox<StatementKind> kinds = (ChoiceBox<StatementKind>) stage.getScene().lookup("#statementKind");
                kinds.setValue(kind);
                ((TextField) stage.getScene().lookup("#statementPeriod")).setText("2025");
                @SuppressWarnings("unchecked")
                ChoiceBox<Object> columns = (ChoiceBox<Object>) stage.getScene().lookup("#statementColumns");
                columns.getSelectionModel().select(2);
                ((javafx.scene.control.Spinner<?>) stage.getScene().lookup("#statementDepth")).getEditor().setText("2");
                ((ButtonBase) stage.getScene().lookup("#showStatement")).fire();
                return null;
            });
            Thread.sleep(3000);
            save(stage.getScene(), out.resolve("statements-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + size + ".png"));
            say(stage, "statement " + kind);
        }

        Set<Window> beforeAbout = Set.copyOf(Window.getWindows());
        onFx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(menu -> menu.getItems().stream()).filter(item -> "_About Eventscope".equals(item.getText()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        Thread.sleep(2000);
        Scene about = onFx(() -> Window.getWindows().stream().filter(each -> !beforeAbout.contains(each)).findFirst().map(Window::getScene).orElse(null));
        if (about != null) {
            save(about, out.resolve("about-" + size + ".png"));
        }
        executor.close();
        System.exit(0);
    }

    private static void waitFor(Stage stage, String id, Predicate<String> reached, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline && !onFx(() -> stage.getScene().lookup(id) instanceof Labeled label
                && label.getText() != null && reached.test(label.getText()))) {
            Thread.sleep(100);
        }
        System.out.println(id + " after " + (seconds * 1000L - (deadline - System.currentTimeMillis())) / 1000 + " s: "
                + onFx(() -> stage.getScene().lookup(id) instanceof Labeled label ? label.getText() : "(none)"));
    }

    private static void say(Stage stage, String when) throws Exception {
        System.out.println(when + ": timeline \"" + text(stage, "#timelineStatus") + "\", status bar \"" + text(stage, "#statusProjections")
                + "\", events \"" + text(stage, "#statusEvents") + "\"");
    }

    private static String text(Stage stage, String id) throws Exception {
        return onFx(() -> stage.getScene().lookup(id) instanceof Labeled label ? label.getText() : "(none)");
    }

    private static void fire(Stage stage, String id) throws Exception {
        onFx(() -> {
            Node node = stage.getScene().lookup(id);
            ((ButtonBase) node).fire();
            return null;
        });
    }
}

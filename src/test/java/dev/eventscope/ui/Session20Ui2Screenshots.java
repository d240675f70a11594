package dev.eventscope.ui;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The screens session 20's first pass left (docs/ui.md, "Session 20 (ui2)"), under Xvfb: Tools › Seal with the machine
 * verifier the desktop's bootstrap gives the main window ({@code EventscopeApp}: {@code LedgerVerifier.forCurrentUser()},
 * so run it with its own {@code XDG_*} folders and {@code -Duser.home}): before, sealed, and refused on the tampered
 * sample; and the sandbox while it opens, with two proposals, and with the base moved so one is refused. Run as
 * AppScreenshots is: {@code Session20Ui2Screenshots sample-data/ledgers <outdir> 1280 720}.
 */
public final class Session20Ui2Screenshots {

    private static Path out;
    private static String size;

    private Session20Ui2Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        // what bootstrap gives the window (EventscopeApp), so that Tools › Seal is not greyed
        AppScreenshots.Shots shots = AppScreenshots.openWithMachineVerifier(args, "session20ui2");
        out = shots.out();
        size = shots.size();
        Stage stage = shots.stage();
        Thread.sleep(1500);

        Path sample = shots.copyOfSample("small-business");
        open(sample);
        Thread.sleep(7000);
        save(stage.getScene(), out.resolve("seal-before-" + size + ".png"));
        System.out.println("before: seal item disabled = " + onFx(() -> TrialScreenshots.menuItem(stage, "sealItem").isDisable())
                + "; banner: " + banner(stage));
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "sealItem").fire();
            return null;
        });
        Thread.sleep(8000);
        save(stage.getScene(), out.resolve("seal-sealed-" + size + ".png"));
        System.out.println("sealed: " + banner(stage) + openWindows());

        sandbox(stage);

        Path tampered = shots.copyOfSample("tampered");
        open(tampered);
        Thread.sleep(7000);
        shootOthers(stage, "seal-tampered-open");
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "sealItem").fire();
            return null;
        });
        Thread.sleep(8000);
        save(stage.getScene(), out.resolve("seal-refused-" + size + ".png"));
        System.out.println("refused: seal item disabled = " + onFx(() -> TrialScreenshots.menuItem(stage, "sealItem").isDisable())
                + "; banner: " + banner(stage) + openWindows());
        shootOthers(stage, "seal-refused-dialog");
        shots.executor().close();
        System.exit(0);
    }

    /** The sandbox as it opens (greyed), then with a reversal and an entry proposed, then with the base moved to #3. */
    private static void sandbox(Stage stage) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        onFx(() -> {
            TrialScreenshots.menuItem(stage, "proposeAdjustmentsItem").fire();
            return null;
        });
        Scene sandbox = null;
        while (sandbox == null) {
            sandbox = onFx(() -> Window.getWindows().stream().filter(each -> !before.contains(each)).findFirst().map(Window::getScene).orElse(null));
        }
        Scene window = sandbox;
        save(window, out.resolve("sandbox-opening-" + size + ".png"));
        System.out.println("sandbox opening: reason greyed = " + onFx(() -> window.lookup("#proposalReason").isDisabled()));
        Thread.sleep(5000);
        onFx(() -> {
            ((TextField) window.lookup("#proposalReason")).setText("The February rent was booked twice");
            javafx.scene.control.TabPane forms = (javafx.scene.control.TabPane) window.lookup("#proposalForms");
            forms.getSelectionModel().select(1);
            Node reverse = window.lookup("#proposeReverseForm");
            ((TextField) reverse.lookupAll(".text-field").iterator().next()).setText("BILL-2025-001");
            return null;
        });
        Thread.sleep(1000);
        onFx(() -> {
            ((ButtonBase) window.lookup("#proposeReverseForm").lookup("#submitButton")).fire();
            return null;
        });
        Thread.sleep(4000);
        save(window, out.resolve("sandbox-proposed-" + size + ".png"));
        onFx(() -> {
            ((TextField) window.lookup("#sandboxBasePoint")).setText("#3");
            ((ButtonBase) window.lookup("#moveBaseButton")).fire();
            return null;
        });
        Thread.sleep(5000);
        save(window, out.resolve("sandbox-refused-" + size + ".png"));
        System.out.println("sandbox: " + onFx(() -> ((Labeled) window.lookup("#sandboxMessage")).getText()));
        onFx(() -> {
            window.getWindow().hide();
            return null;
        });
    }

    private static void open(Path ledger) throws Exception {
        onFx(() -> {
            AppScreenshots.model().open(ledger, false);
            return null;
        });
    }

    private static String banner(Stage stage) throws Exception {
        return onFx(() -> stage.getScene().getRoot().lookupAll("#banner .label").stream().map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && !text.isBlank()).collect(Collectors.joining(" / ")));
    }

    private static String openWindows() throws Exception {
        return onFx(() -> "; windows: " + Window.getWindows().stream().filter(Window::isShowing).count());
    }

    /** Shoots (and closes) every showing window other than the main one: a dialog the last step opened. */
    private static void shootOthers(Stage stage, String name) throws Exception {
        java.util.List<Scene> others = onFx(() -> Window.getWindows().stream().filter(each -> each != stage && each.isShowing()
                && each.getScene() != null).map(Window::getScene).toList());
        int index = 0;
        for (Scene other : others) {
            save(other, out.resolve(name + (index++ == 0 ? "" : "-" + index) + "-" + size + ".png"));
            System.out.println(name + ": " + onFx(() -> other.getRoot().lookupAll(".label").stream().map(node -> ((Labeled) node).getText())
                    .filter(text -> text != null && !text.isBlank()).collect(Collectors.joining(" / "))));
            onFx(() -> {
                other.getWindow().hide();
                return null;
            });
        }
    }
}

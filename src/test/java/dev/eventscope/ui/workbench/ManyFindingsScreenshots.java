package dev.eventscope.ui.workbench;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;
import static dev.eventscope.testing.FxShots.waitFor;

import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Session 17's trial: the Findings tab with many findings (40, every severity, short and long notes, entries, events and
 * tests), the workbench window at the given size. {@code ManyFindingsScreenshots LEDGER OUT-FOLDER WIDTH HEIGHT}; run with
 * XDG_DATA_HOME pointing at a scratch folder (the findings file is written there).
 */
public final class ManyFindingsScreenshots {

    private ManyFindingsScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]));
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        String ledgerId;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            ledgerId = store.readAt(1).orElseThrow().eventId();
        }
        FindingsFile findings = new FindingsFile(FindingsFile.defaultDirectory(), ledgerId, dev.eventscope.application.CommandContext.osUser().user());
        Severity[] severities = Severity.values();
        for (int number = findings.list().size(); number < 40; number++) {
            FindingTarget target = switch (number % 3) {
                case 0 -> FindingTarget.entry(String.format("JE-2025-%04d", number * 5 + 1));
                case 1 -> FindingTarget.event(number * 17 + 3);
                default -> FindingTarget.test("duplicates", String.format("JE-2025-%04d", number * 3 + 2));
            };
            String note = number % 4 == 0 ? "Booked twice; reversed three weeks later by a correcting entry that the controller approved"
                    + " after the period was closed and reopened, without a second signature" : "Round amount, posted at 23:40";
            findings.add(target, severities[number % severities.length], note + " (" + (number + 1) + ")", Clock.systemUTC());
        }
        Platform.startup(() -> { });
        Path settings = Files.createTempDirectory("findings-shots");
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage main = onFx(() -> {
            Stage window = new Stage();
            MainWindowViewModel model = new MainWindowViewModel(dev.eventscope.session.TestSessions.SQLITE, executor, new SettingsStore(settings),
                    new SampleLedgers(settings.resolve("none"), settings.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault());
            MainWindowView.show(window, model);
            window.setWidth(width);
            window.setHeight(height);
            model.open(ledger, true);
            return window;
        });
        waitFor(() -> main.getScene().lookup("#streamTree") != null);
        Thread.sleep(2000);
        onFx(() -> {
            MenuBar bar = (MenuBar) main.getScene().lookup(".menu-bar");
            Menu audit = bar.getMenus().stream().filter(menu -> menu.getText().equals("_Audit")).findFirst().orElseThrow();
            audit.getItems().get(0).fire();
            return null;
        });
        Thread.sleep(1500);
        Scene workbench = onFx(() -> Window.getWindows().stream().filter(window -> window instanceof Stage stage
                && stage.getTitle() != null && stage.getTitle().startsWith("Auditor's workbench")).findFirst().orElseThrow().getScene());
        onFx(() -> {
            ((TabPane) workbench.lookup("#workbenchTabs")).getSelectionModel().select(2);
            return null;
        });
        Thread.sleep(1500);
        save(workbench, out.resolve("workbench-many-findings-" + width + "x" + height + ".png"));
        executor.close();
        System.exit(0);
    }
}

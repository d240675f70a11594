package dev.eventscope.ui.workbench;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;
import static dev.eventscope.testing.FxShots.waitFor;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Takes the workbench screenshots in docs/screenshots at 1920×1080 (run on demand under Xvfb, never in CI):
 * {@code XDG_STATE_HOME=/tmp/shots xvfb-run -a -s "-screen 0 1920x1080x24" java -cp ... dev.eventscope.ui.workbench.WorkbenchScreenshots
 * LEDGER OUT-FOLDER}. Records two findings, opens the workbench on the ledger and shoots the Tests tab (a test
 * with flags, then Benford with its chart), the Search tab and the Findings tab.
 */
public final class WorkbenchScreenshots {

    private WorkbenchScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]));
        String ledgerId;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            ledgerId = store.readAt(1).orElseThrow().eventId();
        }
        FindingsFile findingsFile = new FindingsFile(FindingsFile.defaultDirectory(), ledgerId,
                dev.eventscope.application.CommandContext.osUser().user());
        if (findingsFile.list().isEmpty()) {
            findingsFile.add(FindingTarget.entry("JE-2025-0100"), Severity.HIGH, "Late correction into the closed Q1, approved by the controller"
                    + " who also reopened and closed the period", Clock.systemUTC());
            findingsFile.add(FindingTarget.test("duplicates", "JE-2025-0026"), Severity.MEDIUM, "Thyssen bill booked twice; reversed three"
                    + " weeks later by JE-2025-0045", Clock.systemUTC());
        }
        Platform.startup(() -> { });
        Path settings = Files.createTempDirectory("shots");
        FxTaskExecutor executor = new FxTaskExecutor();
        LedgerStoreFactory sqlite = new SqliteLedgerStoreFactory();
        Stage main = onFx(() -> {
            Stage window = new Stage();
            MainWindowViewModel model = new MainWindowViewModel(dev.eventscope.session.TestSessions.SQLITE, executor, new SettingsStore(settings),
                    new SampleLedgers(settings.resolve("none"), settings.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault());
            MainWindowView.show(window, model);
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
        Scene workbench = onFx(() -> Window.getWindows().stream().filter(window -> window instanceof Stage stage
                && stage.getTitle() != null && stage.getTitle().startsWith("Auditor's workbench")).findFirst().orElseThrow().getScene());
        onFx(() -> {
            Stage stage = (Stage) workbench.getWindow();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1920);
            stage.setHeight(1080);
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<TestResult> tests = (ListView<TestResult>) workbench.lookup("#testList");
        waitFor(() -> tests.getItems().size() == 12);
        select(tests, "duplicates");
        Thread.sleep(800);
        save(workbench, out.resolve("workbench-tests.png"));
        select(tests, "benford");
        Thread.sleep(1200);
        save(workbench, out.resolve("workbench-benford.png"));
        onFx(() -> {
            ((TabPane) workbench.lookup("#workbenchTabs")).getSelectionModel().select(1);
            ((TextField) workbench.lookup("#searchField")).setText("Kanzlei Brandt");
            ((javafx.scene.control.Button) workbench.lookup("#searchButton")).fire();
            return null;
        });
        waitFor(() -> !((javafx.scene.control.TableView<?>) workbench.lookup("#hitTable")).getItems().isEmpty());
        Thread.sleep(800);
        save(workbench, out.resolve("workbench-search.png"));
        onFx(() -> {
            ((TabPane) workbench.lookup("#workbenchTabs")).getSelectionModel().select(2);
            return null;
        });
        Thread.sleep(800);
        save(workbench, out.resolve("workbench-findings.png"));
        executor.close();
        System.exit(0);
    }

    private static void select(ListView<TestResult> tests, String name) throws Exception {
        onFx(() -> {
            tests.getItems().stream().filter(result -> result.name().equals(name)).findFirst().ifPresent(tests.getSelectionModel()::select);
            return null;
        });
    }
}

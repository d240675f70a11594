package dev.eventscope.ui.projections;

import static dev.eventscope.testing.FxShots.onFx;
import static dev.eventscope.testing.FxShots.save;
import static dev.eventscope.testing.FxShots.waitFor;

import dev.eventscope.session.TestSessions;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Takes the screenshots in docs/screenshots (run on demand under Xvfb, never in CI):
 * {@code java -cp ... dev.eventscope.ui.projections.PanelScreenshots LEDGER OUT-FOLDER}. Opens the
 * ledger, docks the projections panel, starts Rebuild all and shoots the window during the rebuild;
 * then opens the export dialog, ticks Account and shoots it.
 */
public final class PanelScreenshots {

    private PanelScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]));
        Platform.startup(() -> { });
        Path settings = Files.createTempDirectory("shots");
        FxTaskExecutor executor = new FxTaskExecutor();
        
        Stage stage = onFx(() -> {
            Stage window = new Stage();
            MainWindowViewModel model = new MainWindowViewModel(TestSessions.SQLITE, executor, new SettingsStore(settings),
                    new SampleLedgers(settings.resolve("none"), settings.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault());
            model.setSigningKeys(new SigningKeys(settings.resolve("keys")));
            MainWindowView.show(window, model);
            window.setWidth(1440);
            window.setHeight(860);
            model.open(ledger, false);
            return window;
        });
        waitFor(() -> stage.getScene().lookup("#projectionsButton") != null);
        waitFor(() -> "Projections live".equals(((javafx.scene.control.Label) stage.getScene().lookup("#statusProjections")).getText()));
        onFx(() -> {
            ((Button) stage.getScene().lookup("#projectionsButton")).fire();
            return null;
        });
        waitFor(() -> !((TableView<?>) stage.getScene().lookup("#projectionsTable")).getItems().isEmpty());
        onFx(() -> {
            ((TableView<?>) stage.getScene().lookup("#projectionsTable")).getSelectionModel().select(0);
            ((Button) stage.getScene().lookup("#rebuildAllButton")).fire();
            return null;
        });
        Thread.sleep(Long.parseLong(System.getProperty("shot.delay", "2500")));
        save(stage.getScene(), out.resolve("projections.png"));
        onFx(() -> {
            ((Button) stage.getScene().lookup("#cancelRebuildButton")).fire();
            return null;
        });
        Thread.sleep(1500);
        save(stage.getScene(), out.resolve("projections-cancelled.png"));
        if (Boolean.getBoolean("shot.projectionsOnly")) {
            executor.close();
            System.exit(0);
        }
        onFx(() -> {
            ((Button) stage.getScene().lookup("#exportReportButton")).fire();
            return null;
        });
        Thread.sleep(1500);
        Scene dialog = onFx(() -> Window.getWindows().stream().filter(window -> window != stage)
                .map(Window::getScene).filter(scene -> scene.lookup("#reportDialog") != null).findFirst().orElseThrow());
        onFx(() -> {
            ((javafx.scene.control.CheckBox) dialog.lookup("#reportPeriodOn")).setSelected(true);
            ((javafx.scene.control.DatePicker) dialog.lookup("#reportFrom")).setValue(java.time.LocalDate.of(2024, 1, 1));
            ((javafx.scene.control.DatePicker) dialog.lookup("#reportTo")).setValue(java.time.LocalDate.of(2024, 12, 31));
            ((javafx.scene.control.RadioButton) dialog.lookup("#formatHTML")).fire();
            ((Button) dialog.lookup("#exportReport")).fire();
            return null;
        });
        waitFor(() -> !((javafx.scene.control.Label) dialog.lookup("#reportResult")).getText().isEmpty()
                || !((javafx.scene.control.Label) dialog.lookup("#reportValidation")).getText().isEmpty());
        Thread.sleep(500);
        save(dialog, out.resolve("report-dialog.png"));
        executor.close();
        System.exit(0);
    }
}

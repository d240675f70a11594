package dev.eventscope.ui;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 16's trial: a ledger one may read but not write (its file 0444, or a folder one may not write) was refused with
 * "… Open it read-only (as an auditor) to look at it." beside a lone OK, leaving the person to find File › Open read-only
 * and the file again. The refusal now offers Open read-only, which opens the same file as an auditor. The store's refusal
 * is made here by a store factory that refuses writing as the opener does for a user who may not write (the tests run as
 * root on the build machine, who may write any file).
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyLedgerWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Path ledger;

    @Start
    void start(Stage stage) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        ledger = java.nio.file.Files.copy(WindowTests.samples(run).resolve("small-business.ledger"), run.resolve("locked.ledger"));
        LedgerStoreFactory sqlite = new SqliteLedgerStoreFactory();
        LedgerStoreFactory mayNotWrite = new LedgerStoreFactory() {
            @Override
            public EventStore open(Path file) {
                throw new EventStoreException(EventStoreException.Problem.READ_ONLY, "You may not change the ledger '" + file
                        + "': its file is read-only for you. Open it read-only (as an auditor) to look at it.", "", null);
            }

            @Override
            public EventStore openReadOnly(Path file) {
                return sqlite.openReadOnly(file);
            }
        };
        executor = new FxTaskExecutor();
        model = WindowTests.show(stage, new MainWindowViewModel(new LedgerSessions(mayNotWrite, new SqliteReadModelStoreFactory(),
                new SqliteSearchIndexFactory()), executor, new SettingsStore(run.resolve("config")),
                new SampleLedgers(WindowTests.samples(run), run.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    void a_ledger_one_may_not_write_is_offered_read_only_and_opens_so(FxRobot robot) {
        robot.interact(() -> model.open(ledger, false));
        WindowTests.waitUntil(() -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        assertTrue(pane.getContentText().contains("its file is read-only for you"), pane.getContentText());
        Button readOnly = (Button) pane.lookupButton(pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonType.OK.getButtonData()).findFirst().orElseThrow());
        assertTrue(readOnly.getText().replace("_", "").equals("Open read-only") && readOnly.isDefaultButton(), readOnly.getText());
        robot.clickOn(readOnly);
        WindowTests.waitUntil(() -> model.explorerProperty().get() != null);
        assertTrue(model.explorerProperty().get().session().readOnly(), "opened as an auditor");
        assertTrue(model.titleProperty().get().contains("read-only (auditor)"), model.titleProperty().get());
    }

    private static Optional<DialogPane> dialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(window -> window.getScene().getRoot())
                .filter(root -> root instanceof DialogPane pane && "readOnlyOfferDialog".equals(pane.getId()))
                .map(DialogPane.class::cast).findFirst();
    }
}

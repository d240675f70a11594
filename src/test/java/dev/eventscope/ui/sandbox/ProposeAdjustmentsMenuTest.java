package dev.eventscope.ui.sandbox;

import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Books › Propose adjustments… is off without a ledger, and on a ledger opened read-only opens the side-by-side window. */
@ExtendWith(ApplicationExtension.class)
class ProposeAdjustmentsMenuTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path ledger;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        ledger = run.resolve("books.ledger");
        SandboxFixture.write(ledger);
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.show(stage, WindowTests.model(executor, run, Files.createDirectories(run.resolve("samples"))));
    }

    @AfterEach
    void closeWindows() throws Exception {
        WindowTests.close(executor);
    }

    private MenuItem proposeItem() {
        MenuBar menuBar = (MenuBar) stage.getScene().lookup(".menu-bar");
        return menuBar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> "proposeAdjustmentsItem".equals(item.getId())).findFirst().orElseThrow();
    }

    private Optional<Scene> sandboxWindow() {
        return Window.getWindows().stream().map(Window::getScene).filter(scene -> scene != null && scene.lookup("#sandboxView") != null)
                .findFirst();
    }

    @Test
    void opens_the_sandbox_of_the_open_ledger(FxRobot robot) {
        assertTrue(proposeItem().isDisable());
        robot.interact(() -> model.open(ledger, true));
        WindowTests.waitUntil(() -> !proposeItem().isDisable());
        robot.interact(() -> proposeItem().fire());
        WindowTests.waitUntil(() -> sandboxWindow().isPresent());
        TableView<?> asPosted = (TableView<?>) sandboxWindow().orElseThrow().lookup("#asAdjustedTable");
        javafx.scene.control.Label message = (javafx.scene.control.Label) sandboxWindow().orElseThrow().lookup("#sandboxMessage");
        WindowTests.waitUntil(() -> !asPosted.getItems().isEmpty() || !message.getText().isEmpty());
        assertEquals("", message.getText());
        assertEquals(3, WindowTests.items(asPosted).size()); // bank, rent and sales: the fees account has no postings yet
    }
}

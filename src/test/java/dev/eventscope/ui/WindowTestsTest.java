package dev.eventscope.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the window tests rely on to read what the FX thread changes (docs/testing.md, "Session 22 (mend)"): a wait's
 * condition runs on the FX thread, and items are a copy taken there.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTestsTest {

    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        stage.setScene(new Scene(table, 200, 100));
        stage.show();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void a_wait_s_condition_is_evaluated_on_the_fx_thread() {
        List<Boolean> onTheFxThread = new CopyOnWriteArrayList<>();
        WindowTests.waitUntil(() -> {
            onTheFxThread.add(Platform.isFxApplicationThread());
            return true;
        });
        assertEquals(List.of(true), onTheFxThread);
    }

    @Test
    void items_are_a_copy_taken_on_the_fx_thread(FxRobot robot) {
        robot.interact(() -> table.getItems().setAll("a", "b"));

        List<String> items = WindowTests.items(table);
        robot.interact(() -> table.getItems().add("c"));

        assertEquals(List.of("a", "b"), items, "a copy: what the FX thread changes later is not in it");
        assertThrows(UnsupportedOperationException.class, () -> items.add("x"));
        assertEquals(List.of("a", "b", "c"), WindowTests.items(table));
    }

    @Test
    void what_a_read_throws_reaches_the_test_and_on_the_fx_thread_a_read_runs_at_once(FxRobot robot) {
        assertThrows(IndexOutOfBoundsException.class, () -> WindowTests.onFx(() -> table.getItems().get(5)));
        List<Integer> read = new CopyOnWriteArrayList<>();
        robot.interact(() -> read.add(WindowTests.onFx(() -> 1)));
        assertEquals(List.of(1), read);
    }
}

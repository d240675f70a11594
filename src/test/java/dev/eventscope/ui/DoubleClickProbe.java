package dev.eventscope.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * On demand, never in CI (not a test by name): why a robot's double click became two single clicks on a loaded
 * machine, reproduced without load. The first click's handler keeps the FX thread busy for 700 ms, as a busy machine
 * does; the scene's multi-click timer (Monocle: 500 ms) then expires at the pulse TestFX's {@code doubleClickOn} lets
 * run between its clicks, and the second click arrives with a count of 1. {@link WindowTests#doubleClick} queues the
 * four mouse events in one FX task, so the second press is handled before any pulse and its click counts 2.
 * <pre>
 * mvn -B -ntp -o surefire:test -Dtest=DoubleClickProbe
 * </pre>
 * It prints the click counts each way, e.g. "TestFX doubleClickOn: [1, 1]" and "WindowTests.doubleClick: [1, 2]".
 */
@ExtendWith(ApplicationExtension.class)
class DoubleClickProbe {

    private static final long BUSY_FIRST_CLICK_MILLIS = 700;

    private final List<Integer> counts = new CopyOnWriteArrayList<>();
    private Label target;

    @Start
    void start(Stage stage) {
        target = new Label("double-click me");
        target.setMinSize(200, 80);
        target.addEventHandler(MouseEvent.MOUSE_CLICKED, click -> {
            counts.add(click.getClickCount());
            if (click.getClickCount() == 1) {
                busy(BUSY_FIRST_CLICK_MILLIS);
            }
        });
        stage.setScene(new Scene(new StackPane(target), 400, 200));
        stage.show();
    }

    private static void busy(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void testfx_double_click_against_one_fx_task(FxRobot robot) {
        robot.doubleClickOn(target);
        System.out.println("TestFX doubleClickOn with a 700 ms first click: " + counts);
        counts.clear();
        robot.moveTo(target).moveBy(0, 30);
        WindowTests.doubleClick(robot, target);
        System.out.println("WindowTests.doubleClick with a 700 ms first click: " + counts);
    }
}

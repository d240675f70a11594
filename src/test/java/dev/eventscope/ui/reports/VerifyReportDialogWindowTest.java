package dev.eventscope.ui.reports;

import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16.11: the verify-a-report dialog keeps its buttons when its text grows. A report named by a long path gives a
 * long explanation; Verify and Close stay inside the window (and the window on the screen), Close still closes it, and
 * the whole explanation can be read (it scrolls inside the dialog).
 */
@ExtendWith(ApplicationExtension.class)
class VerifyReportDialogWindowTest {

    private FxTaskExecutor executor;
    private VerifyReportDialog dialog;

    @Start
    void start(Stage owner) {
        executor = new FxTaskExecutor();
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 720));
        owner.show();
        dialog = VerifyReportDialog.show(new VerifyReportViewModel(Optional.empty(), executor), owner);
    }

    @AfterEach
    void closeWindows() throws Exception {
        WindowTests.close(executor);
    }

    @Test
    void the_dialog_has_the_look_every_screen_shares() {
        // the base style sheet first (palette, type, buttons), as the explorer and the command forms have it; without it
        // the dialog came up in JavaFX's own grey look beside the app's (a new user's trial, session 10)
        assertTrue(dialog.stage().getScene().getStylesheets().get(0).endsWith("/dev/eventscope/ui/shell/main-window.css"),
                "style sheets: " + dialog.stage().getScene().getStylesheets());
    }

    @Test
    void a_long_explanation_leaves_verify_and_close_in_view_and_working(FxRobot robot) {
        StringBuilder path = new StringBuilder("/home/auditor");
        for (int folder = 0; folder < 40; folder++) {
            path.append("/Quarterly audit reports ").append(folder).append(" of the year with their signatures");
        }
        String file = path + "/report.pdf";
        robot.interact(() -> robot.lookup("#verifyReportFile").queryAs(TextField.class).setText(file));
        robot.clickOn("#verifyReportButton");
        Label detail = robot.lookup("#verifyDetail").queryAs(Label.class);
        WindowTests.waitUntil(() -> detail.getText().contains("report.pdf"));
        assertTrue(detail.getText().length() > 2000, "a long explanation: " + detail.getText().length() + " characters");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        Stage stage = dialog.stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getY() + stage.getHeight() <= screen.getMaxY() + 1 && stage.getHeight() <= screen.getHeight(),
                "the dialog fits on the screen: " + stage.getY() + "+" + stage.getHeight() + " of " + screen.getMaxY());
        for (Node button : robot.from(stage.getScene().getRoot()).lookup(".button").queryAll()) {
            Bounds shown = button.localToScene(button.getBoundsInLocal());
            assertTrue(button.isVisible() && shown.getMinY() >= 0 && shown.getMaxY() <= stage.getScene().getHeight() + 0.5
                            && shown.getMaxX() <= stage.getScene().getWidth() + 0.5,
                    ((Button) button).getText() + " inside the dialog: " + shown + " in " + stage.getScene().getWidth() + "x"
                            + stage.getScene().getHeight());
        }
        // the whole explanation is there to read: the label is as tall as its lines, in a pane that scrolls
        Node scroll = robot.lookup(".verify-detail-scroll").query();
        assertTrue(detail.getHeight() > scroll.getLayoutBounds().getHeight(), "the explanation scrolls inside the dialog");
        Button close = robot.from(stage.getScene().getRoot()).lookup(".button").match(node -> "Close".equals(((Button) node).getText()))
                .queryAs(Button.class);
        robot.clickOn(close);
        WindowTests.waitUntil(() -> !stage.isShowing());
        assertFalse(stage.isShowing());
        assertEquals("No report there", robot.lookup("#verifyHeadline").tryQuery().map(node -> ((Label) node).getText()).orElse("No report there"));
    }
}

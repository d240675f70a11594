package dev.eventscope.ui;

import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16.4: a date picker accepts ISO and the user's own form, shows ISO, and says when typed text is not a date. */
@ExtendWith(ApplicationExtension.class)
class DateFieldsTest {

    private final AtomicReference<String> problem = new AtomicReference<>("");
    private DatePicker picker;

    @Start
    void start(Stage stage) {
        picker = new DatePicker();
        picker.setId("picker");
        DateFields.install(picker, problem::set);
        TextField elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        stage.setScene(new Scene(new VBox(picker, elsewhere), 300, 120));
        stage.show();
    }

    @Test
    void typing_an_iso_date_sets_it_and_it_is_shown_as_iso(FxRobot robot) {
        robot.clickOn(picker.getEditor()).write("2025-06-30");
        robot.clickOn("#elsewhere");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LocalDate.of(2025, 6, 30), picker.getValue());
        assertEquals("2025-06-30", picker.getEditor().getText());
        assertEquals("", problem.get());
        assertFalse(picker.getStyleClass().contains(DateFields.UNREADABLE));
    }

    @Test
    void text_that_is_not_a_date_is_said_and_marked_not_dropped_in_silence(FxRobot robot) {
        robot.clickOn(picker.getEditor()).write("30th of June");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("'30th of June' is not a date; type it like 2025-06-30.", problem.get());
        assertTrue(picker.getStyleClass().contains(DateFields.UNREADABLE));
        assertEquals(problem.get(), picker.getTooltip().getText());
    }

    @Test
    void the_users_own_short_form_is_read_too() {
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), DateFields.parse("6/30/25", Locale.US));
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), DateFields.parse("30.06.25", Locale.GERMANY));
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), DateFields.parse(" 2025-06-30 ", Locale.GERMANY));
        assertEquals(Optional.empty(), DateFields.parse("2025-13-01", Locale.US));
    }
}

package dev.eventscope.ui;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a new window goes, and remembered bounds kept on the screen (ScreenFit). */
class ScreenFitTest {

    @Test
    void a_new_window_fills_a_screen_of_1280_by_720() {
        assertEquals(new Rectangle2D(0, 0, 1280, 720), ScreenFit.newWindow(new Rectangle2D(0, 0, 1280, 720), 1680, 1050));
    }

    @Test
    void a_new_window_on_a_small_screen_with_a_panel_stays_inside_its_usable_area() {
        // 1366 × 768 with a top panel of 27 px: at least 1280 × 720, below the panel
        Rectangle2D usable = new Rectangle2D(0, 27, 1366, 741);
        Rectangle2D placed = ScreenFit.newWindow(usable, 1680, 1050);
        assertEquals(new Rectangle2D(41, 37, 1284, 720), placed);
    }

    @Test
    void a_new_window_on_a_large_screen_takes_most_of_it_centred_up_to_its_widest() {
        Rectangle2D placed = ScreenFit.newWindow(new Rectangle2D(0, 0, 1920, 1080), 1680, 1050);
        assertEquals(new Rectangle2D(120, 32, 1680, 1015), placed);
    }

    @Test
    void remembered_bounds_larger_than_the_screen_are_made_to_fit_and_moved_onto_it() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 720);
        assertEquals(screen, ScreenFit.inside(new Rectangle2D(300, 200, 1920, 1080), screen));
        assertEquals(new Rectangle2D(280, 20, 1000, 700), ScreenFit.inside(new Rectangle2D(600, 20, 1000, 700), screen));
    }

    @Test
    void remembered_bounds_inside_the_screen_stay_as_they_were() {
        Rectangle2D saved = new Rectangle2D(1930, 40, 1200, 800);
        assertEquals(saved, ScreenFit.inside(saved, new Rectangle2D(1920, 0, 1920, 1080)));
    }
}

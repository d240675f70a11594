package dev.eventscope.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * Where a window goes on the screen: a window without remembered bounds takes most of a large screen and the whole of
 * a small one (the explorer is laid out for 1280 × 720 and more), and remembered bounds are kept inside the screen they
 * lie on. Only the window's first placement is decided here; whoever sizes the window afterwards (the user, a test) is
 * never overruled.
 */
public final class ScreenFit {

    /** The smallest window the screens are laid out for; a smaller screen is filled. */
    public static final double SMALLEST_WIDTH = 1280;
    public static final double SMALLEST_HEIGHT = 720;
    /** The share of a large screen a new window takes (the rest shows what lies behind it). */
    private static final double SHARE = 0.94;

    private ScreenFit() {
    }

    /**
     * A new window's bounds on a screen whose usable area is {@code screen}: 94 % of it, at least
     * 1280 × 720 and at most {@code widest} × {@code tallest}, never larger than the screen, centred on it.
     */
    public static Rectangle2D newWindow(Rectangle2D screen, double widest, double tallest) {
        double width = Math.floor(Math.min(screen.getWidth(), Math.max(SMALLEST_WIDTH, Math.min(widest, screen.getWidth() * SHARE))));
        double height = Math.floor(Math.min(screen.getHeight(), Math.max(SMALLEST_HEIGHT, Math.min(tallest, screen.getHeight() * SHARE))));
        return new Rectangle2D(screen.getMinX() + Math.floor((screen.getWidth() - width) / 2),
                screen.getMinY() + Math.floor((screen.getHeight() - height) / 2), width, height);
    }

    /** {@code wanted} made no larger than {@code screen} and moved (as little as it takes) to lie inside it. */
    public static Rectangle2D inside(Rectangle2D wanted, Rectangle2D screen) {
        double width = Math.min(wanted.getWidth(), screen.getWidth());
        double height = Math.min(wanted.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /** The usable area of the screen {@code bounds} lie on most (the primary screen's when they lie on none). */
    public static Rectangle2D screenOf(Rectangle2D bounds) {
        List<Screen> screens = Screen.getScreensForRectangle(bounds);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /** Places {@code stage} as a new window on the primary screen (see {@link #newWindow}). */
    public static void placeNew(Stage stage, double widest, double tallest) {
        place(stage, newWindow(Screen.getPrimary().getVisualBounds(), widest, tallest));
    }

    /** Places {@code stage} at {@code bounds}. */
    public static void place(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }
}

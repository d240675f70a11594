package dev.eventscope.ui;

import javafx.scene.Scene;

/**
 * The look every window shares: {@code main-window.css} (palette, type, buttons, fields). A window adds it before its
 * own style sheet, so the explorer, the forms, the workbench and the dialogs look like one application.
 */
public final class BaseLook {

    /** The shared style sheet, as a resource path. */
    public static final String SHEET = "/dev/eventscope/ui/shell/main-window.css";

    private BaseLook() {
    }

    /** Adds the shared style sheet to the scene (before the window's own, which the caller adds next). */
    public static void addTo(Scene scene) {
        scene.getStylesheets().add(BaseLook.class.getResource(SHEET).toExternalForm());
    }
}

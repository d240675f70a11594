package dev.eventscope.ui.settings;

/** Where the main window was and how big it was, remembered between runs. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
}

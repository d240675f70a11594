package dev.eventscope.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** A histogram of events over the slider's axis, drawn on a canvas that follows the slider's width. */
final class DensityStrip extends Region {

    /** Roughly where the slider's track starts and ends inside the control (half a thumb). */
    static final double TRACK_INSET = 8;

    private final Canvas canvas = new Canvas();
    private double[] density = new double[0];
    private double cursor = -1;

    DensityStrip() {
        getStyleClass().add("density-strip");
        getChildren().add(canvas);
        setMinHeight(26);
        setPrefHeight(26);
        widthProperty().addListener((observable, before, width) -> draw());
        heightProperty().addListener((observable, before, height) -> draw());
    }

    void setDensity(double[] density) {
        this.density = density == null ? new double[0] : density;
        draw();
    }

    /** Marks the slider's position, as a fraction of the axis (negative: none). */
    void setCursor(double fraction) {
        this.cursor = fraction;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double width = getWidth();
        double height = getHeight();
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (density.length == 0 || width <= 2 * TRACK_INSET) {
            return;
        }
        double maximum = 0;
        for (double value : density) {
            maximum = Math.max(maximum, value);
        }
        double track = width - 2 * TRACK_INSET;
        double bar = track / density.length;
        graphics.setFill(Color.web("#5b7db1", 0.75));
        for (int bucket = 0; bucket < density.length; bucket++) {
            if (density[bucket] <= 0 || maximum <= 0) {
                continue;
            }
            // square root keeps a quiet day visible next to a busy one
            double barHeight = Math.max(1.5, Math.sqrt(density[bucket] / maximum) * (height - 3));
            graphics.fillRect(TRACK_INSET + bucket * bar, height - barHeight, Math.max(1, bar - 0.5), barHeight);
        }
        graphics.setStroke(Color.web("#c8d0dc"));
        graphics.strokeLine(TRACK_INSET, height - 0.5, width - TRACK_INSET, height - 0.5);
        if (cursor >= 0) {
            graphics.setStroke(Color.web("#d9480f"));
            graphics.setLineWidth(2);
            double x = TRACK_INSET + cursor * track;
            graphics.strokeLine(x, 0, x, height);
            graphics.setLineWidth(1);
        }
    }
}

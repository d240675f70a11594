package dev.eventscope.ui.timeline;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import org.controlsfx.control.RangeSlider;

import java.util.List;

/**
 * The Compare tab's ControlsFX {@link RangeSlider}: its two thumbs stand on the timeline's axis (the same steps as the
 * timeline's slider) and choose the comparison's "from" and "to"; letting a thumb go (or moving one with the keys)
 * fills in both points and compares. It works the other way too: a point typed into "from" or "to" moves its thumb to
 * the step it stands on when it is a point of the current axis (a position on the position axis, a date on the
 * entry-date axis, "now" on any); the label says which steps the thumbs stand on, or which typed point is not on this
 * axis. A new stream or axis puts the thumbs on the typed points where they are on it, else at the ends; new events
 * only lengthen the axis.
 */
final class CompareRange {

    private final RangeSlider slider;
    private final Label label;
    private final CompareViewModel model;
    private Timeline shown;
    private boolean syncing;
    private boolean filling;
    private final javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));

    private CompareRange(RangeSlider slider, Label label, CompareViewModel model) {
        this.slider = slider;
        this.label = label;
        this.model = model;
        typing.setOnFinished(event -> {
            if (shown != null && shown.size() >= 2) {
                placeFromFields();
            }
        });
    }

    static void install(RangeSlider slider, Label label, CompareViewModel model) {
        CompareRange range = new CompareRange(slider, label, model);
        range.follow(model.timelineProperty().get());
        model.timelineProperty().addListener((observable, before, timeline) -> range.follow(timeline));
        ChangeListener<Number> moved = (observable, before, value) -> range.moved();
        slider.lowValueProperty().addListener(moved);
        slider.highValueProperty().addListener(moved);
        ChangeListener<Boolean> letGo = (observable, was, changing) -> {
            if (!changing) {
                range.compare();
            }
        };
        slider.lowValueChangingProperty().addListener(letGo);
        slider.highValueChangingProperty().addListener(letGo);
        ChangeListener<String> typed = (observable, before, text) -> range.typed();
        model.fromProperty().addListener(typed);
        model.toProperty().addListener(typed);
    }

    /**
     * A point typed into "from" or "to" (not filled in by the thumbs): its thumb moves to it when it is on this axis,
     * once the typing pauses, so the passing texts of an edit ("#12" on the way from "#123" to "#") move nothing.
     */
    private void typed() {
        if (!filling && shown != null && shown.size() >= 2) {
            typing.playFromStart();
        }
    }

    /**
     * Puts each thumb on the step its typed point stands on (the fields are not changed); a point not on this axis
     * leaves its thumb where it is, and the label says so.
     */
    private void placeFromFields() {
        java.util.OptionalInt from = stepOf(model.fromProperty().get());
        java.util.OptionalInt to = stepOf(model.toProperty().get());
        double low = from.isPresent() ? shown.coordinateAt(from.getAsInt()) : slider.getLowValue();
        double high = to.isPresent() ? shown.coordinateAt(to.getAsInt()) : slider.getHighValue();
        place(Math.min(low, high), Math.max(low, high));
        showLabel();
        List<String> off = new java.util.ArrayList<>();
        if (from.isEmpty()) {
            off.add("\"" + model.fromProperty().get().strip() + "\"");
        }
        if (to.isEmpty()) {
            off.add("\"" + model.toProperty().get().strip() + "\"");
        }
        if (!off.isEmpty()) {
            label.setText(String.join(" and ", off) + (off.size() == 1 ? " is not a point" : " are not points") + " of the "
                    + shown.axis().label().toLowerCase(java.util.Locale.ROOT) + " axis; "
                    + label.getText().replace("Thumbs on", "the thumbs stay on"));
        }
    }

    /** The step of the current axis a typed point stands on; empty when it is no point, or not one of this axis. */
    private java.util.OptionalInt stepOf(String typed) {
        try {
            return shown.indexOf(dev.eventscope.timetravel.Point.parse(typed == null ? "" : typed));
        } catch (RuntimeException unreadable) {
            return java.util.OptionalInt.empty();
        }
    }

    /** Moves the thumbs without comparing (the fields already say the points). */
    private void place(double low, double high) {
        syncing = true;
        try {
            if (low > slider.getHighValue()) {
                slider.setHighValue(high);
                slider.setLowValue(low);
            } else {
                slider.setLowValue(low);
                slider.setHighValue(high);
            }
        } finally {
            syncing = false;
        }
    }

    private void follow(Timeline timeline) {
        boolean same = shown != null && timeline != null && java.util.Objects.equals(shown.stream(), timeline.stream())
                && shown.axis() == timeline.axis();
        shown = timeline;
        slider.setDisable(timeline == null || timeline.size() < 2);
        if (timeline == null || timeline.size() < 2) {
            label.setText("");
            return;
        }
        syncing = true;
        try {
            double low = same ? slider.getLowValue() : timeline.minimum();
            double high = same && slider.getHighValue() < slider.getMax() ? slider.getHighValue() : timeline.maximum();
            slider.setMax(Math.max(timeline.maximum(), timeline.minimum() + 1));
            slider.setMin(timeline.minimum());
            slider.setHighValue(high);
            slider.setLowValue(low);
        } finally {
            syncing = false;
        }
        if (same) {
            showLabel();
        } else {
            // a new stream or axis: the thumbs go to the typed points where they are points of it
            placeFromFields();
        }
    }

    private void moved() {
        showLabel();
        if (!syncing && !slider.isLowValueChanging() && !slider.isHighValueChanging()) {
            compare();
        }
    }

    private void compare() {
        if (!syncing && shown != null) {
            filling = true;
            try {
                model.compareBetween(slider.getLowValue(), slider.getHighValue());
            } finally {
                filling = false;
            }
            showLabel();
        }
    }

    private void showLabel() {
        if (shown != null && shown.size() >= 2) {
            label.setText("Thumbs on " + shown.labelAt(shown.indexAt(slider.getLowValue())) + " and "
                    + shown.labelAt(shown.indexAt(slider.getHighValue())));
        }
    }
}

package dev.eventscope.ui.timeline;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import org.controlsfx.control.RangeSlider;

/**
 * The Compare tab's ControlsFX {@link RangeSlider}: its two thumbs stand on the timeline's axis (the same steps as the
 * timeline's slider) and choose the comparison's "from" and "to"; letting a thumb go (or moving one with the keys)
 * fills in both points and compares. A new stream or axis puts the thumbs at the start and the end; new events only
 * lengthen the axis. The label beneath says which two steps the thumbs stand on, or, once a point is typed into "from"
 * or "to" instead, that the thumbs are not on the typed points.
 */
final class CompareRange {

    private final RangeSlider slider;
    private final Label label;
    private final TimelineViewModel model;
    private Timeline shown;
    private boolean syncing;
    private boolean filling;

    private CompareRange(RangeSlider slider, Label label, TimelineViewModel model) {
        this.slider = slider;
        this.label = label;
        this.model = model;
    }

    static void install(RangeSlider slider, Label label, TimelineViewModel model) {
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
        model.comparison().fromProperty().addListener(typed);
        model.comparison().toProperty().addListener(typed);
    }

    /** A point typed into "from" or "to" (not filled in by the thumbs): the label must not say the thumbs are on it. */
    private void typed() {
        if (!filling && shown != null && shown.size() >= 2) {
            label.setText("Points typed above; drag a thumb to choose them on the timeline instead");
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
        showLabel();
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

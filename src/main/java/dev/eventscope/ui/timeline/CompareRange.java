package dev.eventscope.ui.timeline;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import org.controlsfx.control.RangeSlider;

/**
 * The Compare tab's ControlsFX {@link RangeSlider}: its two thumbs stand on the timeline's axis (the same steps as the
 * timeline's slider) and choose the comparison's "from" and "to"; letting a thumb go (or moving one with the keys)
 * fills in both points and compares. A new stream or axis puts the thumbs at the start and the end; new events only
 * lengthen the axis. The label beneath says which two steps the thumbs stand on.
 */
final class CompareRange {

    private final RangeSlider slider;
    private final Label label;
    private final TimelineViewModel model;
    private Timeline shown;
    private boolean syncing;

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
            model.compareBetween(slider.getLowValue(), slider.getHighValue());
        }
    }

    private void showLabel() {
        if (shown != null && shown.size() >= 2) {
            label.setText("Thumbs on " + shown.labelAt(shown.indexAt(slider.getLowValue())) + " and "
                    + shown.labelAt(shown.indexAt(slider.getHighValue())));
        }
    }
}

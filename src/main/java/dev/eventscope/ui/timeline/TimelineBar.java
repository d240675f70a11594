package dev.eventscope.ui.timeline;

import javafx.animation.KeyFrame;
import javafx.animation.Animation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The timeline under the toolbar: scope (selected stream or whole ledger), axis (position, entry
 * date, recorded time), the current point's label, play/pause, and the slider with its density strip.
 * Keys on the slider: Left/Right one step, Home/End, Space plays or pauses.
 */
public final class TimelineBar extends VBox {

    private final TimelineViewModel model;
    private final Slider slider = new Slider(0, 1, 0);
    private final DensityStrip strip = new DensityStrip();
    private final Label pointLabel = new Label();
    private final Button playButton = new Button("▶");
    private final javafx.animation.Timeline player;
    private boolean syncing;

    public TimelineBar(TimelineViewModel model) {
        this.model = model;
        getStyleClass().add("timeline-bar");
        getStylesheets().add(TimelineBar.class.getResource("/dev/eventscope/ui/timeline/timeline.css").toExternalForm());
        setId("timelineBar");
        setSpacing(2);
        setPadding(new Insets(4, 10, 6, 10));

        ToggleGroup scopes = new ToggleGroup();
        ToggleButton stream = segment("Selected stream", scopes, "scopeStream", "first");
        ToggleButton ledger = segment("Whole ledger", scopes, "scopeLedger", "last");
        stream.setSelected(!model.wholeLedgerProperty().get());
        ledger.setSelected(model.wholeLedgerProperty().get());
        scopes.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true); // a segmented control always has one choice
            } else {
                model.wholeLedgerProperty().set(now == ledger);
            }
        });
        model.wholeLedgerProperty().addListener((observable, before, whole) -> (whole ? ledger : stream).setSelected(true));

        ToggleGroup axes = new ToggleGroup();
        HBox axisButtons = new HBox();
        axisButtons.getStyleClass().add("segmented");
        for (TimelineAxis axis : TimelineAxis.values()) {
            ToggleButton button = segment(axis.label(), axes, "axis-" + axis.name().toLowerCase(java.util.Locale.ROOT),
                    axis.ordinal() == 0 ? "first" : axis.ordinal() == TimelineAxis.values().length - 1 ? "last" : "middle");
            button.setUserData(axis);
            button.setSelected(model.axisProperty().get() == axis);
            axisButtons.getChildren().add(button);
        }
        axes.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true);
            } else {
                model.axisProperty().set((TimelineAxis) now.getUserData());
            }
        });
        HBox scopeButtons = new HBox(stream, ledger);
        scopeButtons.getStyleClass().add("segmented");

        Label title = new Label("TIMELINE");
        title.getStyleClass().add("pane-title");
        pointLabel.setId("timelinePoint");
        pointLabel.getStyleClass().add("timeline-point");
        pointLabel.textProperty().bind(model.labelProperty());
        pointLabel.setMinWidth(210);
        playButton.setId("timelinePlay");
        playButton.getStyleClass().add("flat");
        playButton.setTooltip(new Tooltip("Play / pause (Space): one event every 150 ms"));
        playButton.setOnAction(event -> {
            model.togglePlay();
            slider.requestFocus();
        });
        model.playingProperty().addListener((observable, before, playing) -> playButton.setText(playing ? "⏸" : "▶"));
        Label status = new Label();
        status.setId("timelineStatus");
        status.getStyleClass().add("status-muted");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        playButton.setMinWidth(Region.USE_PREF_SIZE);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.SOMETIMES);
        // first row: what the slider shows and where it is; second row: the slider across the whole width
        HBox controls = new HBox(10, title, scopeButtons, axisButtons, playButton, pointLabel, spacer, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        slider.setId("timelineSlider");
        slider.getStyleClass().add("timeline-slider");
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.disableProperty().bind(model.timelineProperty().isNull());
        strip.setMaxWidth(Double.MAX_VALUE);
        strip.setPrefHeight(20);
        strip.setMinHeight(20);
        VBox track = new VBox(0, strip, slider);
        track.setMinWidth(200);
        track.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(controls, track);

        model.timelineProperty().addListener((observable, before, timeline) -> showTimeline(timeline));
        model.coordinateProperty().addListener((observable, before, coordinate) -> showCoordinate(coordinate.doubleValue()));
        slider.valueProperty().addListener((observable, before, value) -> {
            if (!syncing) {
                model.moveTo(value.doubleValue());
            }
        });
        slider.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        player = new javafx.animation.Timeline(new KeyFrame(Duration.millis(150), tick -> model.advance()));
        player.setCycleCount(Animation.INDEFINITE);
        model.playingProperty().addListener((observable, before, playing) -> {
            if (playing) {
                player.play();
            } else {
                player.stop();
            }
        });
    }

    private static ToggleButton segment(String text, ToggleGroup group, String id, String position) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(group);
        button.setId(id);
        button.getStyleClass().addAll("segment", position);
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case LEFT, DOWN -> model.stepBy(-1);
            case RIGHT, UP -> model.stepBy(1);
            case HOME -> model.toStart();
            case END -> model.toEnd();
            case SPACE -> model.togglePlay();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void showTimeline(Timeline timeline) {
        syncing = true;
        try {
            if (timeline == null) {
                strip.setDensity(null);
                strip.setCursor(-1);
                return;
            }
            slider.setMin(timeline.minimum());
            slider.setMax(Math.max(timeline.maximum(), timeline.minimum() + 1));
            strip.setDensity(timeline.density());
        } finally {
            syncing = false;
        }
    }

    private void showCoordinate(double coordinate) {
        syncing = true;
        try {
            slider.setValue(coordinate);
            double span = slider.getMax() - slider.getMin();
            strip.setCursor(span <= 0 ? -1 : (coordinate - slider.getMin()) / span);
        } finally {
            syncing = false;
        }
    }

    public TimelineViewModel model() {
        return model;
    }

    public Slider slider() {
        return slider;
    }
}

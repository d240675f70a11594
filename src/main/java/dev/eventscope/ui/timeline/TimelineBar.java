package dev.eventscope.ui.timeline;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.fxml.FXML;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;


/**
 * The timeline under the toolbar: scope (selected stream or whole ledger), axis (position, entry
 * date, recorded time), the current point's label, play/pause, and the slider with its density strip.
 * Keys on the slider: Left/Right one step, Home/End, Space plays or pauses. Laid out in TimelineBar.fxml
 * (an {@code fx:root} VBox); the density strip is added here.
 */
public final class TimelineBar extends VBox {

    /** This package's own classes the explorer's first frame needs, for the warm-up to load in the background. */
    public static java.util.List<Class<?>> helperClasses() {
        return java.util.List.of(DensityStrip.class, LatestOnly.class, PanelRows.class, CompareRange.class, StateView.class,
                TextColumns.class, TimelineFollower.class);
    }


    private final TimelineViewModel model;
    private final DensityStrip strip = new DensityStrip();
    private final javafx.animation.Timeline player =
            new javafx.animation.Timeline(new KeyFrame(Duration.millis(150), tick -> advance()));
    private boolean syncing;

    @FXML private ToggleGroup scopes;
    @FXML private ToggleGroup axes;
    @FXML private ToggleButton scopeStream;
    @FXML private ToggleButton scopeLedger;
    @FXML private HBox axisButtons;
    @FXML private Button timelinePlay;
    @FXML private Label timelinePoint;
    @FXML private Label timelineStatus;
    @FXML private VBox track;
    @FXML private Slider timelineSlider;

    public TimelineBar(TimelineViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/timeline/TimelineBar.fxml", "the timeline bar");
    }

    @FXML
    private void initialize() {
        scopeStream.setSelected(!model.wholeLedgerProperty().get());
        scopeLedger.setSelected(model.wholeLedgerProperty().get());
        scopes.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true); // a segmented control always has one choice
            } else {
                model.wholeLedgerProperty().set(now == scopeLedger);
            }
        });
        model.wholeLedgerProperty().addListener((observable, before, whole) -> (whole ? scopeLedger : scopeStream).setSelected(true));

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

        timelinePoint.textProperty().bind(model.labelProperty());
        // drawn, not a font's glyph: a font without "❚" showed an empty box while playing
        showPlayIcon(false);
        model.playingProperty().addListener((observable, before, playing) -> showPlayIcon(playing));
        timelineStatus.textProperty().bind(model.statusProperty());
        // a long message (an event that cannot be read, say) is cut to the bar's width: the whole of it on hover
        Tooltip statusTip = new Tooltip();
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(520);
        statusTip.textProperty().bind(model.statusProperty());
        timelineStatus.setTooltip(statusTip);

        timelineSlider.disableProperty().bind(model.timelineProperty().isNull());
        strip.setMaxWidth(Double.MAX_VALUE);
        strip.setPrefHeight(20);
        strip.setMinHeight(20);
        track.getChildren().add(0, strip);

        model.timelineProperty().addListener((observable, before, timeline) -> showTimeline(timeline));
        model.coordinateProperty().addListener((observable, before, coordinate) -> showCoordinate(coordinate.doubleValue()));
        timelineSlider.valueProperty().addListener((observable, before, value) -> {
            if (!syncing) {
                model.moveTo(value.doubleValue());
            }
        });
        timelineSlider.valueChangingProperty().addListener((observable, before, changing) -> model.dragging(changing));
        timelineSlider.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        player.setCycleCount(Animation.INDEFINITE);
        model.playingProperty().addListener((observable, before, playing) -> {
            if (playing) {
                player.play();
            } else {
                player.stop();
            }
        });
    }

    private void showPlayIcon(boolean playing) {
        javafx.scene.shape.SVGPath icon = new javafx.scene.shape.SVGPath();
        icon.setContent(playing ? "M0 0 H3.5 V12 H0 Z M6.5 0 H10 V12 H6.5 Z" : "M0 0 L10 6 L0 12 Z");
        icon.setId(playing ? "pauseIcon" : "playIcon");
        icon.getStyleClass().add("play-icon");
        timelinePlay.setText(null);
        timelinePlay.setGraphic(icon);
        timelinePlay.setTooltip(new Tooltip(playing ? "Pause (Space)" : "Play from here (Space)"));
        timelinePlay.setAccessibleText(playing ? "Pause" : "Play");
    }

    @FXML
    private void togglePlay() {
        model.togglePlay();
        timelineSlider.requestFocus();
    }

    private void advance() {
        model.advance();
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
            timelineSlider.setMin(timeline.minimum());
            timelineSlider.setMax(Math.max(timeline.maximum(), timeline.minimum() + 1));
            strip.setDensity(timeline.density());
        } finally {
            syncing = false;
        }
    }

    private void showCoordinate(double coordinate) {
        syncing = true;
        try {
            timelineSlider.setValue(coordinate);
            double span = timelineSlider.getMax() - timelineSlider.getMin();
            strip.setCursor(span <= 0 ? -1 : (coordinate - timelineSlider.getMin()) / span);
        } finally {
            syncing = false;
        }
    }

    public TimelineViewModel model() {
        return model;
    }

    public Slider slider() {
        return timelineSlider;
    }
}

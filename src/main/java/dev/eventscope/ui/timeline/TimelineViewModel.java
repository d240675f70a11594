package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline slider: the scope (the selected stream, or the whole ledger), the axis, the timeline loaded for them
 * and the step the slider stands on. Every computation runs through the {@link TaskExecutor}; the newest request
 * wins. What shows a point of the timeline (the state panel, the balance chart, "why this value?", the comparison:
 * {@link StatePanelModels}) follows it as a {@link TimelineFollower}, each a view model of its own.
 */
public final class TimelineViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineViewModel.class);

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableValue<StreamId> selectedStream;
    private final LatestOnly<Placed> timelineRequests;
    private final List<TimelineFollower> followers = new ArrayList<>();

    private final BooleanProperty wholeLedger = new SimpleBooleanProperty(false);
    private final ObjectProperty<TimelineAxis> axis = new SimpleObjectProperty<>(TimelineAxis.POSITION);
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyDoubleWrapper coordinate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(PreparingText.OPENING);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();

    private LedgerTimeMachine machine;
    /** A point in time asked for from outside (a finding's), placed by the next load instead of the point kept. */
    private java.time.Instant requestedTime;
    private boolean placingAfterLoad;
    private boolean closed;

    public TimelineViewModel(LedgerSession session, TaskExecutor executor, ZoneId zone, ObservableValue<StreamId> selectedStream) {
        this.session = session;
        this.executor = executor;
        this.zone = zone;
        this.selectedStream = selectedStream;
        this.timelineRequests = new LatestOnly<>(executor);
        selectedStream.addListener((observable, before, stream) -> {
            if (!wholeLedger.get()) {
                reload();
            }
        });
        wholeLedger.addListener((observable, before, whole) -> reload());
        axis.addListener((observable, before, now) -> reload());
    }

    /** From now on {@code follower} is told of every step of the slider (and time travel once it is open). */
    void follow(TimelineFollower follower) {
        followers.add(follower);
        if (machine != null) {
            follower.opened(machine);
        }
    }

    /** Opens the read models and the time-travel engine in the background, then loads the timeline. */
    public void start() {
        start(ProgressListener.NONE);
    }

    /**
     * As {@link #start()}; {@code alsoTold} hears how far the read models' opening is, besides this timeline's status. Session 16's
     * trial: a first open of a large ledger said "Preparing time travel…" for a minute, with nothing of what or how far.
     */
    public void start(ProgressListener alsoTold) {
        long started = System.nanoTime();
        status.set(PreparingText.OPENING);
        ProgressListener preparing = preparing();
        executor.run(() -> LedgerTimeMachine.open(session, ProgressListener.atMostEvery(ProgressListener.SHOWN_EVERY, step -> {
            preparing.progressed(step);
            alsoTold.progressed(step);
        })), opened -> {
            LOG.info("time travel ready after {} ms", (System.nanoTime() - started) / 1_000_000);
            if (closed) {
                opened.close();
                return;
            }
            machine = opened;
            followers.forEach(follower -> follower.opened(opened));
            reload();
        }, failure -> status.set("Time travel is unavailable: " + ErrorMessages.of(failure)));
    }

    /** Says in the timeline's status how far the read models' opening is, while time travel is not open yet. */
    public ProgressListener preparing() {
        return step -> executor.onUiThread(() -> {
            if (machine == null && !closed) {
                status.set(PreparingText.of(step));
            }
        });
    }

    /** The scope shown: null for the whole ledger. */
    public StreamId scope() {
        return wholeLedger.get() ? null : selectedStream.getValue();
    }

    /**
     * The ledger moved (a command here, or another process appended): the timeline, the state at the point
     * shown (the end follows the end, another point stays), the chart and a comparison with "now" are read again.
     */
    public void followLedger() {
        reload();
        followers.forEach(TimelineFollower::ledgerMoved);
    }

    /** Re-reads the timeline of the current scope and axis (after a scope or axis change, or new events). */
    public void reload() {
        if (machine == null || closed) {
            return;
        }
        StreamId scope = scope();
        TimelineAxis wantedAxis = axis.get();
        LedgerTimeMachine using = machine;
        followers.forEach(follower -> follower.reloading(using));
        if (scope == null && !wholeLedger.get()) {
            timelineRequests.invalidate();
            timeline.set(null);
            followers.forEach(TimelineFollower::cleared);
            status.set("Select a stream, or choose Whole ledger.");
            return;
        }
        Timeline before = timeline.get();
        // the point shown is kept across new events and axis changes; the last step follows the end
        Point keep = before == null || index.get() < 0 || index.get() > before.lastIndex() || index.get() == before.lastIndex()
                ? null : before.axis() == TimelineAxis.ENTRY_DATE ? before.pointAt(index.get())
                : new Point.AtPosition(before.positionAt(index.get()));
        status.set("Loading the timeline…");
        TimelineLoader loader = new TimelineLoader(machine.session(), machine.queries(), zone);
        java.time.Instant time = requestedTime;
        timelineRequests.submit(() -> {
            // the read models follow appends on their own thread: catch them up to now before reading them
            using.projections().catchUp();
            Timeline loaded = loader.load(scope, wantedAxis);
            return new Placed(loaded, time != null && loaded.axis() == TimelineAxis.RECORDED_TIME
                    ? Math.max(0, loaded.indexAt(java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, time)))
                    : keep == null ? loaded.lastIndex() : loader.stepFor(loaded, keep));
        }, placed -> {
            if (time != null && time.equals(requestedTime)) {
                requestedTime = null;
            }
            Timeline loaded = placed.timeline();
            timeline.set(loaded);
            status.set(countText(loaded) + (scope == null ? " in the ledger" : " in " + scope.value()));
            index.set(-1);
            placingAfterLoad = true;
            try {
                select(placed.step());
            } finally {
                placingAfterLoad = false;
            }
            followers.forEach(follower -> follower.loaded(using, scope, wantedAxis));
        }, this::fail);
    }

    /** A loaded timeline and the step to show on it. */
    private record Placed(Timeline timeline, int step) {
    }

    /** "1 event", "762 events", "143 entry dates": the events the scope holds, as the status bar counts them. */
    static String countText(Timeline loaded) {
        if (loaded.axis() == TimelineAxis.ENTRY_DATE) {
            return plural(loaded.lastIndex(), "entry date") + " (" + plural(loaded.events(), "posting") + ")";
        }
        return plural(loaded.events(), "event");
    }

    private static String plural(long count, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    /**
     * Moves the slider to the event at global {@code position} (an event picked in the history): on the
     * position and recorded-time axes its own step, by entry date the nearest date (worked out off the UI thread).
     */
    public void showPosition(long position) {
        Timeline current = timeline.get();
        if (current == null || machine == null) {
            return;
        }
        if (current.axis() != TimelineAxis.ENTRY_DATE) {
            select(TimelineLoader.stepAtPosition(current, position));
            return;
        }
        TimelineLoader loader = new TimelineLoader(machine.session(), machine.queries(), zone);
        executor.run(() -> loader.stepFor(current, new Point.AtPosition(position)), step -> {
            if (timeline.get() == current) {
                select(step);
            }
        }, this::fail);
    }

    /**
     * Moves the slider to a point in time (a finding about a moment): the whole ledger on the recorded-time axis, at the
     * last event recorded at or before {@code time} ("before anything" when it is earlier than every event).
     */
    public void showRecordedTime(java.time.Instant time) {
        requestedTime = time;
        boolean switching = !wholeLedger.get() || axis.get() != TimelineAxis.RECORDED_TIME;
        wholeLedger.set(true);
        axis.set(TimelineAxis.RECORDED_TIME);
        if (!switching) {
            reload();
        }
    }

    /** True while a freshly loaded timeline places its slider (not a move the user made). */
    public boolean placingAfterLoad() {
        return placingAfterLoad;
    }

    /** The global position the slider stands on (0 on the entry-date axis, where a step is a date, not an event). */
    public long positionShown() {
        Timeline current = timeline.get();
        return current == null || index.get() < 0 ? 0 : current.positionAt(index.get());
    }

    /**
     * The slider's thumb is held ({@code on}) or let go: while it is held, the state panel marks what changed since the
     * point the drag began on (issue 16: a drag's before → after counts from the drag's start).
     */
    public void dragging(boolean on) {
        followers.forEach(follower -> follower.dragging(on));
    }

    /** Moves to the step at or before {@code value} on the axis (the slider was dragged there). */
    public void moveTo(double value) {
        Timeline current = timeline.get();
        if (current != null) {
            select(current.indexAt(value));
        }
    }

    /** Moves to step {@code step} (clamped) and asks for the state there. */
    public void select(int step) {
        Timeline current = timeline.get();
        if (current == null) {
            return;
        }
        int clamped = Math.max(0, Math.min(current.lastIndex(), step));
        coordinate.set(current.coordinateAt(clamped));
        if (clamped == index.get()) {
            return;
        }
        index.set(clamped);
        label.set(current.labelAt(clamped));
        TimelineFollower.Step shown = new TimelineFollower.Step(current.stream(), current.pointAt(clamped), clamped,
                current.labelAt(clamped));
        followers.forEach(follower -> follower.moved(shown));
    }

    public void stepBy(int steps) {
        select(index.get() + steps);
    }

    public void toStart() {
        select(0);
    }

    public void toEnd() {
        Timeline current = timeline.get();
        if (current != null) {
            select(current.lastIndex());
        }
    }

    /** Space: plays from here (from the start when at the end) or pauses. */
    public void togglePlay() {
        Timeline current = timeline.get();
        if (!playing.get() && current != null && index.get() >= current.lastIndex()) {
            toStart();
        }
        playing.set(!playing.get() && current != null);
    }

    /** One tick of playing: the next step; stops at the end. */
    public void advance() {
        Timeline current = timeline.get();
        if (!playing.get() || current == null) {
            return;
        }
        stepBy(1);
        if (index.get() >= current.lastIndex()) {
            playing.set(false);
        }
    }

    /** Shows a failure of time travel (here or in a panel that follows the timeline) in the timeline's status. */
    void fail(Throwable failure) {
        LOG.debug("time travel failed: {}", failure.toString());
        status.set(ErrorMessages.of(failure));
    }

    /** Says {@code message} in the timeline's status (a link of a panel that leads nowhere). */
    void say(String message) {
        status.set(message);
    }

    /** Stops playing and closes the read models. */
    public void close() {
        closed = true;
        playing.set(false);
        if (machine != null) {
            machine.close();
        }
    }

    public BooleanProperty wholeLedgerProperty() {
        return wholeLedger;
    }

    public ObjectProperty<TimelineAxis> axisProperty() {
        return axis;
    }

    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The axis coordinate of the current step (where the slider and the chart cursor stand). */
    public ReadOnlyDoubleProperty coordinateProperty() {
        return coordinate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The time-travel engine once opened (null before), for tests and benchmarks. */
    public LedgerTimeMachine machine() {
        return machine;
    }
}

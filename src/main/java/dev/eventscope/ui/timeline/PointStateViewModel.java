package dev.eventscope.ui.timeline;

import dev.eventscope.application.Aggregate;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.state.PointState;
import dev.eventscope.ui.state.StateQuery;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.StateRows;
import dev.eventscope.ui.state.ValuedTotals;
import dev.eventscope.ui.state.WholeLedgerRows;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The state panel: the state of the timeline's scope (a stream, or the whole ledger) at the point the slider
 * stands on, each line marked against the point shown before; computed off the UI thread, newest request wins.
 * It follows the timeline's slider ({@link TimelineFollower}); its links lead to the history.
 */
public final class PointStateViewModel implements TimelineFollower {

    private static final String NO_SCOPE = "Select a stream in the sidebar, or choose Whole ledger above, to see its state here.";
    private static final String SCOPE = "Move the timeline to see the state at that point.";

    private final LatestOnly<PointState> requests;
    private final PanelRows rows = new PanelRows();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Point> shownPoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shownIndex = new ReadOnlyIntegerWrapper(-1);
    /** What the empty panel says: what to do to see a state. */
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(NO_SCOPE);
    private final TaskExecutor executor;
    private final LongConsumer jumpTo;
    private final Consumer<Throwable> failed;
    private final Consumer<String> say;
    private StateQuery query;
    private WholeLedgerRows wholeLedgerRows;
    private LedgerTimeMachine machine;
    /** The ledger's base commodity, read once per ledger off the UI thread (the whole ledger's totals are valued in it). */
    private volatile String baseCommodity;
    private List<StateRow> previousRows;
    /** The lines at the point where the slider's drag began (null when no drag is on): a drag's lines are marked against them. */
    private List<StateRow> dragStart;

    /**
     * Failures go to {@code failed}, what a link cannot find to {@code say} (both the timeline's status); a link to an
     * event goes to {@code jumpTo} (its position).
     */
    PointStateViewModel(TaskExecutor executor, LongConsumer jumpTo, Consumer<Throwable> failed, Consumer<String> say) {
        this.requests = new LatestOnly<>(executor);
        this.executor = executor;
        this.jumpTo = jumpTo;
        this.failed = failed;
        this.say = say;
    }

    /** Reads a stream's state with the opened time travel from now on. */
    @Override
    public void opened(LedgerTimeMachine opened) {
        query = new StateQuery(opened.timeTravel(), opened.queries(), opened.session()::accountType);
    }

    @Override
    public void reloading(LedgerTimeMachine machine) {
        restart(machine);
    }

    @Override
    public void cleared() {
        clear();
        placeholder.set(NO_SCOPE);
    }

    @Override
    public void moved(Step step) {
        show(step.scope(), step.point(), step.index(), step.label(), failed);
    }

    @Override
    public void loaded(LedgerTimeMachine machine, StreamId scope, TimelineAxis axis) {
        placeholder.set(SCOPE);
    }

    /**
     * Another scope, axis or ledger: an answer still on its way is dropped, nothing is marked against the
     * point shown before, and the whole ledger's lines are tracked afresh by {@code machine}.
     */
    void restart(LedgerTimeMachine machine) {
        requests.invalidate();
        previousRows = null;
        dragStart = null;
        // a fresh tracker: one still computing for the old scope or axis keeps its own
        wholeLedgerRows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), machine.session()::accountType);
        if (this.machine == null || this.machine.session() != machine.session()) {
            baseCommodity = null;
        }
        this.machine = machine;
    }

    /** The whole ledger's lines with its trial balance in the base commodity at the prices of the point (issue 18). */
    private PointState wholeLedgerAt(WholeLedgerRows tracking, LedgerTimeMachine on, Point point) {
        PointState state = tracking.at(point);
        LedgerSession session = on.session();
        if (baseCommodity == null) {
            baseCommodity = session.commands().repository().load(Aggregate.LEDGER, StreamId.of(LedgerStreams.LEDGER))
                    .state().baseCommodity();
        }
        // on the entry-date axis every price dated up to the point counts; on the others, those recorded by then
        Valuation valuation = session.valuation(point instanceof Point.AsOfDate ? Long.MAX_VALUE : state.position());
        return ValuedTotals.appendTo(state, tracking.trialBalance(), valuation, baseCommodity);
    }

    /**
     * The slider's thumb was pressed ({@code on}) or let go. While a drag is on, every line is marked against the point
     * where it began, so "before → after" reads from the drag's start rather than from the previous tick; the marks
     * stay when the thumb is let go, and the next move is marked against the point the drag ended on.
     */
    @Override
    public void dragging(boolean on) {
        dragStart = on ? StateRows.unmarked(List.copyOf(rows)) : null;
    }

    /** Shows nothing (no scope chosen). */
    void clear() {
        rows.show(List.of());
        heading.set("");
    }

    /**
     * Asks for the state of {@code scope} (null: the whole ledger) at {@code point}, step {@code step} of the
     * timeline labelled {@code label}; a failure empties the panel, says why under that label, and goes to {@code failed}.
     */
    void show(StreamId scope, Point point, int step, String label, Consumer<Throwable> failed) {
        StateQuery asking = query;
        WholeLedgerRows tracking = wholeLedgerRows;
        LedgerTimeMachine on = machine;
        // the whole ledger's lines are kept between moves and spelled out only when shown; a stream is small
        List<StateRow> since = dragStart;
        requests.submit(() -> {
            PointState state = scope == null ? wholeLedgerAt(tracking, on, point) : asking.at(scope, point);
            // in a drag, marked against its start (off the UI thread: the whole ledger's lines are spelled out for it)
            return since == null ? state : new PointState(state.point(), state.position(), state.heading(),
                    List.copyOf(StateRows.compare(since, StateRows.unmarked(state.rows()))));
        }, state -> {
            if (since != null) {
                rows.show(state.rows());
                previousRows = scope == null ? null : StateRows.unmarked(state.rows());
            } else if (scope == null) {
                rows.show(state.rows()); // already marked against the point shown before
            } else {
                List<StateRow> marked = StateRows.compare(previousRows, state.rows());
                previousRows = state.rows();
                rows.show(List.copyOf(marked));
            }
            heading.set(state.heading());
            shownIndex.set(step);
            shownPoint.set(point);
        }, failure -> {
            // never leave the previous point's state on show under this point's label
            previousRows = null;
            rows.show(List.of());
            heading.set("No state at " + label + ": " + ErrorMessages.of(failure));
            shownIndex.set(step);
            shownPoint.set(null);
            failed.accept(failure);
        });
    }

    /** Follows a link to journal entry {@code entryId}: its stream and first event in the history and sidebar. */
    public void openEntry(String entryId) {
        if (machine == null || entryId == null) {
            return;
        }
        LedgerSession session = machine.session();
        StreamId stream = StreamId.of(LedgerStreams.ENTRY_PREFIX + entryId);
        executor.run(() -> session.readStream(stream, 1, dev.eventscope.eventstore.Direction.FORWARD, 1), first -> {
            if (first.isEmpty()) {
                say.accept("There is no journal entry " + entryId + " in this ledger.");
            } else {
                jumpTo.accept(first.get(0).position());
            }
        }, failed);
    }

    /** Selects the event at global {@code position} in the history (a line about one event). */
    public void showEvent(long position) {
        if (position > 0) {
            jumpTo.accept(position);
        }
    }

    /** What the panel says while it shows no lines. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ObservableList<StateRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The point whose state the panel shows (it trails the slider while a computation runs). */
    public ReadOnlyObjectProperty<Point> shownPointProperty() {
        return shownPoint.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownIndexProperty() {
        return shownIndex.getReadOnlyProperty();
    }
}

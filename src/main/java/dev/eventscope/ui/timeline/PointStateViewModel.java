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

/**
 * The state panel: the state of the timeline's scope (a stream, or the whole ledger) at the point the slider
 * stands on, each line marked against the point shown before; computed off the UI thread, newest request wins.
 */
public final class PointStateViewModel {

    private final LatestOnly<PointState> requests;
    private final PanelRows rows = new PanelRows();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Point> shownPoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shownIndex = new ReadOnlyIntegerWrapper(-1);
    private StateQuery query;
    private WholeLedgerRows wholeLedgerRows;
    private LedgerTimeMachine machine;
    /** The ledger's base commodity, read once per ledger off the UI thread (the whole ledger's totals are valued in it). */
    private volatile String baseCommodity;
    private List<StateRow> previousRows;
    /** The lines at the point where the slider's drag began (null when no drag is on): a drag's lines are marked against them. */
    private List<StateRow> dragStart;

    PointStateViewModel(TaskExecutor executor) {
        this.requests = new LatestOnly<>(executor);
    }

    /** Reads a stream's state with {@code opened} from now on (once time travel is ready). */
    void use(StateQuery opened) {
        query = opened;
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
    void dragging(boolean on) {
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

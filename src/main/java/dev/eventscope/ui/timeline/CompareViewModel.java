package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.state.CompareRow;
import dev.eventscope.ui.state.Comparison;
import dev.eventscope.ui.state.StateQuery;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The comparison of two points typed in (or chosen on the timeline's axis): the timeline's stream field by field, or
 * the whole ledger's balances.
 */
public final class CompareViewModel implements TimelineFollower {

    private final LatestOnly<List<CompareRow>> requests;
    private final TimelineViewModel timeline;
    private final ObservableValue<Point> shownPoint;
    private final StringProperty from = new SimpleStringProperty("#0");
    private final StringProperty to = new SimpleStringProperty("now");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private Comparison comparison;

    /** Compares points of the scope {@code timeline} shows; "← slider" takes {@code shownPoint} (the state panel's). */
    CompareViewModel(TaskExecutor executor, TimelineViewModel timeline, ObservableValue<Point> shownPoint) {
        this.requests = new LatestOnly<>(executor);
        this.timeline = timeline;
        this.shownPoint = shownPoint;
    }

    /** Compares with the opened time travel from now on. */
    @Override
    public void opened(LedgerTimeMachine opened) {
        comparison = new Comparison(opened.timeTravel(), new StateQuery(opened.timeTravel(), opened.queries(),
                opened.session()::accountType));
    }

    /** Compares the two points typed in; a point that cannot be read clears the rows and says why. */
    public void compare() {
        if (comparison == null) {
            return;
        }
        Point fromPoint;
        Point toPoint;
        try {
            fromPoint = Point.parse(from.get());
            toPoint = Point.parse(to.get());
        } catch (RuntimeException invalid) {
            // never leave an earlier comparison's rows under a message about this one
            rows.clear();
            status.set(ErrorMessages.of(invalid));
            return;
        }
        StreamId compared = timeline.scope();
        Comparison using = comparison;
        status.set("Comparing…");
        requests.submit(() -> using.between(compared, fromPoint, toPoint), found -> {
            rows.setAll(found);
            status.set((compared == null ? "Whole ledger" : compared.value()) + ": " + found.size()
                    + (found.size() == 1 ? " difference" : " differences") + " between " + fromPoint + " and " + toPoint);
        }, failure -> {
            rows.clear();
            status.set(ErrorMessages.of(failure));
        });
    }

    /** The ledger moved: a comparison shown with "now" on either side is made again. */
    @Override
    public void ledgerMoved() {
        if (!rows.isEmpty() && (to.get().strip().equalsIgnoreCase("now") || from.get().strip().equalsIgnoreCase("now"))) {
            compare();
        }
    }

    /** Compares the steps at or before {@code low} and {@code high} on the timeline's axis (the range's two thumbs). */
    public void compareBetween(double low, double high) {
        Timeline current = timeline.timelineProperty().get();
        if (current != null) {
            from.set(current.pointAt(current.indexAt(low)).toString());
            to.set(current.pointAt(current.indexAt(high)).toString());
            compare();
        }
    }

    /** Puts the point the slider stands on (the state panel shows) into the "to" field; nothing when there is none. */
    public void compareToSlider() {
        Point point = shownPoint.getValue();
        if (point != null) {
            to.set(point.toString());
        }
    }

    /** The timeline whose axis the range's thumbs stand on. */
    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.timelineProperty();
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<CompareRow> rows() {
        return rows;
    }
}

package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.state.CompareRow;
import dev.eventscope.ui.state.Comparison;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Supplier;

/** The comparison of two points typed in: the timeline's stream field by field, or the whole ledger's balances. */
public final class CompareViewModel {

    private final LatestOnly<List<CompareRow>> requests;
    private final Supplier<StreamId> scope;
    private final StringProperty from = new SimpleStringProperty("#0");
    private final StringProperty to = new SimpleStringProperty("now");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private Comparison comparison;

    /** {@code scope} is the stream compared (null for the whole ledger), as the timeline shows it. */
    CompareViewModel(TaskExecutor executor, Supplier<StreamId> scope) {
        this.requests = new LatestOnly<>(executor);
        this.scope = scope;
    }

    /** Compares with {@code opened} from now on (once time travel is ready). */
    void use(Comparison opened) {
        comparison = opened;
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
        StreamId compared = scope.get();
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
    void followLedger() {
        if (!rows.isEmpty() && (to.get().strip().equalsIgnoreCase("now") || from.get().strip().equalsIgnoreCase("now"))) {
            compare();
        }
    }

    /** Puts two points into "from" and "to" and compares them. */
    void compareBetween(Point fromPoint, Point toPoint) {
        from.set(fromPoint.toString());
        to.set(toPoint.toString());
        compare();
    }

    /** Puts {@code point} (the one the slider stands on) into the "to" field; nothing when there is none. */
    void compareTo(Point point) {
        if (point != null) {
            to.set(point.toString());
        }
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

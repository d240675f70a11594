package dev.eventscope.ui.timeline;

import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The balance chart of the account the timeline shows, by the timeline's axis, with the slider's place on it; read off
 * the UI thread, newest request wins, each time a timeline is loaded ({@link TimelineFollower}).
 */
public final class BalanceChartViewModel implements TimelineFollower {

    private final LatestOnly<Map<String, List<BalanceHistory.ChartPoint>>> requests;
    private final Consumer<Throwable> failed;
    private final ReadOnlyObjectWrapper<Map<String, List<BalanceHistory.ChartPoint>>> chart = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");

    private final TimelineViewModel timeline;

    /** Charts what {@code timeline} loads; failures go to {@code failed}. */
    BalanceChartViewModel(TaskExecutor executor, TimelineViewModel timeline, Consumer<Throwable> failed) {
        this.requests = new LatestOnly<>(executor);
        this.timeline = timeline;
        this.failed = failed;
    }

    @Override
    public void loaded(LedgerTimeMachine machine, StreamId scope, TimelineAxis axis) {
        load(machine, scope, axis);
    }

    /** Charts {@code scope}'s balance when it is an account; anything else empties the chart and says why. */
    void load(LedgerTimeMachine machine, StreamId scope, TimelineAxis axis) {
        if (scope == null || !scope.value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            requests.invalidate();
            chart.set(Map.of());
            title.set("Select an account to chart its balance.");
            return;
        }
        String account = scope.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
        requests.submit(() -> BalanceHistory.of(machine.queries(), account, machine.session().lastPosition(), axis),
                series -> {
                    chart.set(series);
                    title.set("Balance of " + account + " by " + axis.label().toLowerCase(Locale.ROOT));
                }, failed);
    }

    public ReadOnlyObjectProperty<Map<String, List<BalanceHistory.ChartPoint>>> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The timeline's axis (the chart's x axis). */
    public ReadOnlyObjectProperty<TimelineAxis> axisProperty() {
        return timeline.axisProperty();
    }

    /** Where the slider stands on the axis (the chart's cursor). */
    public ReadOnlyDoubleProperty coordinateProperty() {
        return timeline.coordinateProperty();
    }
}

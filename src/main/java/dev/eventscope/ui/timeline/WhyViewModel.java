package dev.eventscope.ui.timeline;

import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.state.Insights;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.WhyLine;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** "Why this value?": the postings behind a balance of the state panel, each a link to its event in the history. */
public final class WhyViewModel implements TimelineFollower {

    private final LatestOnly<Insights.Explained> requests;
    private final LongConsumer jumpTo;
    private final Consumer<Throwable> failed;
    private final ReadOnlyStringWrapper title =
            new ReadOnlyStringWrapper("Choose a balance in the state panel and pick \"Why this value?\".");
    private final ObservableList<WhyLine> lines = FXCollections.observableArrayList();
    private final ObservableValue<Point> shownPoint;
    private Insights insights;

    /** Explains balances at {@code shownPoint} (the point the state panel shows). */
    WhyViewModel(TaskExecutor executor, ObservableValue<Point> shownPoint, LongConsumer jumpTo, Consumer<Throwable> failed) {
        this.requests = new LatestOnly<>(executor);
        this.shownPoint = shownPoint;
        this.jumpTo = jumpTo;
        this.failed = failed;
    }

    /** Answers with the opened time travel from now on. */
    @Override
    public void opened(LedgerTimeMachine opened) {
        insights = new Insights(opened.timeTravel());
    }

    /**
     * Explains the balance on {@code row} at the point the state panel shows; nothing for a row that is not a balance, or
     * before time travel is ready.
     */
    public void explain(StateRow row) {
        Point point = shownPoint.getValue();
        if (row == null || !row.explainable() || point == null || insights == null) {
            return;
        }
        Insights using = insights;
        title.set("Finding the postings behind " + row.account() + " (" + row.commodity() + ")…");
        requests.submit(() -> using.why(row.account(), row.commodity(), point), explained -> {
            title.set(explained.title());
            lines.setAll(explained.lines());
        }, failed);
    }

    /** Selects the stream and event of a posting in the history. */
    public void open(WhyLine line) {
        if (line != null) {
            jumpTo.accept(line.position());
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<WhyLine> lines() {
        return lines;
    }
}

package dev.eventscope.ui.timeline;

import dev.eventscope.ui.TaskExecutor;

import java.util.function.LongConsumer;

/**
 * The view models of the state panel's tabs, each following the timeline's slider on its own: the state at the point
 * the slider stands on, the balance chart, "why this value?" (at the point the state shows) and the comparison of two
 * points. Failures of each are said in the timeline's status; links to events go to {@code jumpTo} (a global position).
 */
public record StatePanelModels(TimelineViewModel timeline, PointStateViewModel state, BalanceChartViewModel chart, WhyViewModel why,
                               CompareViewModel comparison) {

    /** The panel's view models, made to follow {@code timeline}. */
    public static StatePanelModels following(TimelineViewModel timeline, TaskExecutor executor, LongConsumer jumpTo) {
        PointStateViewModel state = new PointStateViewModel(executor, jumpTo, timeline::fail, timeline::say);
        BalanceChartViewModel chart = new BalanceChartViewModel(executor, timeline, timeline::fail);
        WhyViewModel why = new WhyViewModel(executor, state.shownPointProperty(), jumpTo, timeline::fail);
        CompareViewModel comparison = new CompareViewModel(executor, timeline, state.shownPointProperty());
        timeline.follow(state);
        timeline.follow(chart);
        timeline.follow(why);
        timeline.follow(comparison);
        return new StatePanelModels(timeline, state, chart, why, comparison);
    }
}

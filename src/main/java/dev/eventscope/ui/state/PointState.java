package dev.eventscope.ui.state;

import dev.eventscope.timetravel.Point;

import java.util.List;

/** What the state panel shows for one point: a heading and the lines. */
public record PointState(Point point, long position, String heading, List<StateRow> rows) {
}

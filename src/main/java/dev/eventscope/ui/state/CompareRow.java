package dev.eventscope.ui.state;

/** One line of a comparison between two points: what it is, its value at each, and the change (empty for text). */
public record CompareRow(String item, String before, String after, String change) {
}

package dev.eventscope.ui.state;

/**
 * One line of a comparison between two points: what it is (in the State panel's words), its value at
 * each, the change (empty for text) and what the change means for the owner of the books.
 */
public record CompareRow(String item, String before, String after, String change, Comparison.Effect effect) {
}

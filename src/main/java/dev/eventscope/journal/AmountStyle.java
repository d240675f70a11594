package dev.eventscope.journal;

/**
 * How a commodity's amounts are displayed: symbol side and spacing, decimal mark, digit group mark
 * (0 when none) and number of decimal places.
 */
public record AmountStyle(boolean symbolOnLeft, boolean spaced, char decimalMark, char digitGroupMark, int precision) {
}

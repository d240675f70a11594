package dev.eventscope.journal;

/**
 * An amount with the style it was written in; {@code ambiguousDecimalMark} is set when a lone {@code ,} or
 * {@code .} followed by three digits was taken as the decimal mark (as hledger does) without a declaration.
 */
record ParsedAmount(Amount amount, AmountStyle style, boolean ambiguousDecimalMark) {
}

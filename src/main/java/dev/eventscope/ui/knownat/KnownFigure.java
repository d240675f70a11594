package dev.eventscope.ui.knownat;

/** One account's balance in one commodity as of a date, as known then and as known now (texts as shown). */
public record KnownFigure(String account, String commodity, String then, String now, String change, boolean restated) {
}

package dev.eventscope.statement;

/** A period text that none of the accepted forms reads; the message is one sentence naming the text. */
public final class InvalidPeriod extends IllegalArgumentException {

    public InvalidPeriod(String text) {
        super("The period \"" + text + "\" cannot be read: give a year (2025), a quarter (2025Q1), a month (2025-03), a day"
                + " (2025-03-15), or a range of them with \"..\" (2025-01..2025-04, the end not included, as in hledger).");
    }
}

package dev.eventscope.statement;

/** A period text that none of the accepted forms reads; the message is one sentence naming the text. */
public final class InvalidPeriod extends IllegalArgumentException {

    /** What to write instead, for a text that fits no form. */
    static final String FORMS = "give a year (2025), a quarter (2025Q1), a month (2025-03), a day (2025-03-15), or a range of"
            + " them with \"..\" (2025-01..2025-04, the end not included, as in hledger).";
    /** What to write instead of a day named relative to today ("last year", "jan", "q1"), which hledger reads by the clock. */
    static final String RELATIVE = "a period relative to today or named by a word is not read, since a report of the books"
            + " must not change with the day it is run; give its dates instead, as 2025, 2025-01 or 2025-01..2025-04.";
    /** What to write instead of an interval inside the period ("monthly in 2025"). */
    static final String INTERVAL = "give the columns with -M, -Q or -Y beside the period instead, as --period 2025 -M.";

    private final String text;
    private final String advice;

    public InvalidPeriod(String text) {
        this(text, FORMS);
    }

    InvalidPeriod(String text, String advice) {
        super("The period \"" + text + "\" cannot be read: " + advice);
        this.text = text;
        this.advice = advice;
    }

    /** The same sentence naming the command-line option it was given with: {@code --period "2025Q5" cannot be read: ...}. */
    public String naming(String option) {
        return option + " \"" + text + "\" cannot be read: " + advice;
    }
}

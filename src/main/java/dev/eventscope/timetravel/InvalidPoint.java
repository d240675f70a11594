package dev.eventscope.timetravel;

/** A point in history written in a way Eventscope does not understand; the message shows the accepted forms. */
public final class InvalidPoint extends IllegalArgumentException {

    public InvalidPoint(String text) {
        super("'" + text + "' is not a point in the ledger's history; write #1200 (after position 1200),"
                + " 2025-03-31 (as of an entry date), @2025-04-02T09:00:00Z (at a recorded time), v12 (after version 12"
                + " of a stream) or now.");
    }

    private InvalidPoint(String message, Void knowledge) {
        super(message);
    }

    /** A knowledge point ({@code --known-at}) that is none of {@code #N}, {@code @instant} or a date. */
    public static InvalidPoint knowledge(String text) {
        return new InvalidPoint("'" + text + "' is not a knowledge point; write #1200 (after position 1200),"
                + " @2025-04-15T17:00:00Z (at a recorded time) or 2025-04-15 (the end of that day, UTC).", null);
    }
}

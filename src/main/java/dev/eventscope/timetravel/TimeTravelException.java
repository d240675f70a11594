package dev.eventscope.timetravel;

/** A time-travel question that cannot be answered, such as a version point asked of the whole ledger; the message says why. */
public final class TimeTravelException extends RuntimeException {

    public TimeTravelException(String message) {
        super(message);
    }

    public TimeTravelException(String message, Throwable cause) {
        super(message, cause);
    }
}

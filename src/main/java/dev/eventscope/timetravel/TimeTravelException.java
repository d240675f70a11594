package dev.eventscope.timetravel;

/** A time-travel question that cannot be answered, such as a version point asked of the whole ledger; the message says why. */
public final class TimeTravelException extends RuntimeException {

    /** For a balances read model that stops before the asked position: where it stops, else -1. */
    private final long readModelStop;
    private final long asked;

    public TimeTravelException(String message) {
        this(message, null, -1, -1);
    }

    public TimeTravelException(String message, Throwable cause) {
        this(message, cause, -1, -1);
    }

    private TimeTravelException(String message, Throwable cause, long readModelStop, long asked) {
        super(message, cause);
        this.readModelStop = readModelStop;
        this.asked = asked;
    }

    /**
     * The balances read model stops at {@code stop} (a projection could not apply the next event) and cannot reach
     * {@code position}. The message names the command-line tool that says why; a window says where it shows it instead
     * (from {@link #readModelStop()} and {@link #askedPosition()}).
     */
    static TimeTravelException readModelStopped(long stop, long position) {
        return new TimeTravelException("The balances read model stops at position " + stop + " and cannot reach position "
                + position + "; 'eventscope projections' says why.", null, stop, position);
    }

    /** Where the balances read model stops, when that is why the question cannot be answered; else -1. */
    public long readModelStop() {
        return readModelStop;
    }

    /** The position asked for, when the read model stops before it; else -1. */
    public long askedPosition() {
        return asked;
    }
}

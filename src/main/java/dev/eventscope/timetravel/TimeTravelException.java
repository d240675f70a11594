package dev.eventscope.timetravel;

/** A time-travel question that cannot be answered, such as a version point asked of the whole ledger; the message says why. */
public class TimeTravelException extends RuntimeException {

    public TimeTravelException(String message) {
        super(message);
    }

    public TimeTravelException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The balances read model stops at {@link #stop()} (a projection could not apply the next event) and cannot reach
     * the {@link #asked()} position. The message names the command-line tool that says why; a window says where it
     * shows it instead, from the two positions.
     */
    public static final class ReadModelStopped extends TimeTravelException {

        private final long stop;
        private final long asked;

        ReadModelStopped(long stop, long asked) {
            super("The balances read model stops at position " + stop + " and cannot reach position " + asked
                    + "; 'eventscope projections' says why.");
            this.stop = stop;
            this.asked = asked;
        }

        public long stop() {
            return stop;
        }

        public long asked() {
            return asked;
        }
    }
}

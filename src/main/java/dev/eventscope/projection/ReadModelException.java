package dev.eventscope.projection;

/** The read-model store failed (a disk or lock problem); the message names the file and what failed. */
public final class ReadModelException extends RuntimeException {

    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReadModelException(String message) {
        super(message);
    }
}

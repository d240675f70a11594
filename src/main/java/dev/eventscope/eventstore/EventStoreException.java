package dev.eventscope.eventstore;

/**
 * A failure of the store that a person must act on: a file that is not a ledger, a ledger from a
 * newer Eventscope, a write to a read-only ledger, a disk error. The message is one readable
 * sentence that names the file and what is wrong.
 */
public class EventStoreException extends RuntimeException {

    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

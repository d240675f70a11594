package dev.eventscope.application;

/**
 * Thrown when an aggregate cannot be rebuilt because one of its events cannot be read as a known
 * event: a ledger written by a newer Eventscope, or a damaged event. Nothing is decided on a
 * history that cannot be read whole.
 */
public class UnreadableHistory extends RuntimeException {

    public UnreadableHistory(String message) {
        super(message);
    }
}

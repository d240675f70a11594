package dev.eventscope.eventstore;

/**
 * Told when events were appended to the ledger, by this process or by another one writing the
 * same file. Called on a store thread; hand work to your own executor.
 */
@FunctionalInterface
public interface AppendListener {

    /** Events at positions {@code fromPosition} to {@code toPosition} (both inclusive) are now readable. */
    void eventsAppended(long fromPosition, long toPosition);
}

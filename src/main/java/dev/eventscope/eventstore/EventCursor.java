package dev.eventscope.eventstore;

import java.util.Iterator;

/**
 * Events in global order, read lazily in pages so that memory stays constant whatever the size of
 * the ledger. Close it when done.
 */
public interface EventCursor extends Iterator<RecordedEvent>, AutoCloseable {

    @Override
    void close();

    /** The events of {@code first}, then those of {@code then} (events kept in memory); closing it closes {@code first}. */
    static EventCursor concat(EventCursor first, Iterator<RecordedEvent> then) {
        return new ConcatenatedCursor(first, then);
    }
}

package dev.eventscope.eventstore;

import java.util.Iterator;

/**
 * Events in global order, read lazily in pages so that memory stays constant whatever the size of
 * the ledger. Close it when done.
 */
public interface EventCursor extends Iterator<RecordedEvent>, AutoCloseable {

    @Override
    void close();
}

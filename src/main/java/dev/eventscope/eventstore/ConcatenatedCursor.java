package dev.eventscope.eventstore;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/** The events of a cursor, then those of an iterator (events kept in memory); closing it closes the cursor. */
final class ConcatenatedCursor implements EventCursor {

    private final EventCursor first;
    private final Iterator<RecordedEvent> then;

    ConcatenatedCursor(EventCursor first, Iterator<RecordedEvent> then) {
        this.first = Objects.requireNonNull(first, "first");
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public boolean hasNext() {
        return first.hasNext() || then.hasNext();
    }

    @Override
    public RecordedEvent next() {
        if (first.hasNext()) {
            return first.next();
        }
        if (then.hasNext()) {
            return then.next();
        }
        throw new NoSuchElementException("no more events");
    }

    @Override
    public void close() {
        first.close();
    }
}

package dev.eventscope.eventstore;

import java.util.NoSuchElementException;
import java.util.Set;

/** The events of another cursor whose streams are in the given categories, in the same order. */
final class CategoryCursor implements EventCursor {

    private final EventCursor all;
    private final Set<String> categories;
    private RecordedEvent next;

    CategoryCursor(EventCursor all, Set<String> categories) {
        this.all = all;
        this.categories = categories;
    }

    @Override
    public boolean hasNext() {
        while (next == null && all.hasNext()) {
            RecordedEvent candidate = all.next();
            if (categories.contains(candidate.streamId().category())) {
                next = candidate;
            }
        }
        return next != null;
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in the stream categories " + categories);
        }
        RecordedEvent result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        all.close();
    }
}

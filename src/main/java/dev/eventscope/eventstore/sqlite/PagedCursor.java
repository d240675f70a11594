package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks the ledger in pages keyed by position, so it holds one page in memory and no read
 * transaction stays open between pages (long read transactions would stop WAL checkpoints).
 */
final class PagedCursor implements EventCursor {

    static final int PAGE_SIZE = 2_000;

    interface PageReader {
        List<RecordedEvent> read(long afterPosition, int limit);
    }

    private final PageReader pages;
    private long afterPosition;
    private Iterator<RecordedEvent> page = java.util.Collections.emptyIterator();
    private boolean exhausted;
    private boolean closed;

    PagedCursor(long afterPosition, PageReader pages) {
        this.afterPosition = afterPosition;
        this.pages = pages;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (page.hasNext()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        List<RecordedEvent> next = pages.read(afterPosition, PAGE_SIZE);
        if (next.size() < PAGE_SIZE) {
            exhausted = true;
        }
        page = next.iterator();
        return page.hasNext();
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events after position " + afterPosition);
        }
        RecordedEvent event = page.next();
        afterPosition = event.position();
        return event;
    }

    @Override
    public void close() {
        closed = true;
        page = java.util.Collections.emptyIterator();
    }
}

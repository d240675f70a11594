package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Walks the ledger in pages keyed by position, so it holds at most two pages in memory and no read
 * transaction stays open between pages (long read transactions would stop WAL checkpoints). While
 * the caller works through one page, the next is read on another thread: on two cores, reading and
 * decoding then overlap.
 */
final class PagedCursor implements EventCursor {

    static final int PAGE_SIZE = 2_000;

    interface PageReader {
        List<RecordedEvent> read(long afterPosition, int limit);
    }

    private final PageReader pages;
    private final Executor readAhead;
    private long afterPosition;
    private Iterator<RecordedEvent> page = Collections.emptyIterator();
    private CompletableFuture<List<RecordedEvent>> nextPage;
    private boolean exhausted;
    private boolean closed;

    PagedCursor(long afterPosition, PageReader pages, Executor readAhead) {
        this.afterPosition = afterPosition;
        this.pages = pages;
        this.readAhead = readAhead;
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
        List<RecordedEvent> next = nextPage != null ? await(nextPage) : pages.read(afterPosition, PAGE_SIZE);
        nextPage = null;
        if (next.size() < PAGE_SIZE) {
            exhausted = true;
        } else {
            long last = next.get(next.size() - 1).position();
            nextPage = CompletableFuture.supplyAsync(() -> pages.read(last, PAGE_SIZE), readAhead);
        }
        page = next.iterator();
        return page.hasNext();
    }

    private static List<RecordedEvent> await(CompletableFuture<List<RecordedEvent>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("Reading the ledger failed: " + e.getCause(), e.getCause());
        }
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
        page = Collections.emptyIterator();
        nextPage = null;
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Walks the ledger in pages keyed by position, so it holds at most {@code 1 + pagesAhead} pages in memory and no read
 * transaction stays open between pages (long read transactions would stop WAL checkpoints). While the caller works
 * through one page, the next ones are read on another thread, one after the other, until {@code pagesAhead} wait: on
 * two cores, reading and decoding then overlap, and a reader that is sometimes slower than its caller (the first
 * open's catch-up, whose writer pauses for its commits) does not make it wait (docs/cli-speed.md, session 23).
 * Pages are read one at a time and in order; a page that failed fails the caller when it reaches that page, as if it
 * had read it itself. {@link #close} stops the reading after the page in progress.
 */
final class PagedCursor implements EventCursor {

    static final int PAGE_SIZE = 2_000;

    interface PageReader {
        List<RecordedEvent> read(long afterPosition, int limit);
    }

    private final PageReader pages;
    private final Executor readAhead;
    private final int pagesAhead;
    /** The caller's position: after the last event {@link #next} gave. */
    private long afterPosition;
    private Iterator<RecordedEvent> page = Collections.emptyIterator();
    /** Whether the caller took the ledger's last page (a short one). */
    private boolean exhausted;

    // guarded by this: what the reading side has done
    private final ArrayDeque<List<RecordedEvent>> read = new ArrayDeque<>();
    private long readAfter;
    private boolean readAll;
    private boolean reading;
    private Throwable failure;
    private boolean closed;

    /** A cursor reading one page ahead. */
    PagedCursor(long afterPosition, PageReader pages, Executor readAhead) {
        this(afterPosition, pages, readAhead, 1);
    }

    PagedCursor(long afterPosition, PageReader pages, Executor readAhead, int pagesAhead) {
        if (pagesAhead < 1) {
            throw new IllegalArgumentException("a cursor reads at least one page ahead, not " + pagesAhead);
        }
        this.afterPosition = afterPosition;
        this.readAfter = afterPosition;
        this.pages = pages;
        this.readAhead = readAhead;
        this.pagesAhead = pagesAhead;
    }

    @Override
    public boolean hasNext() {
        if (page.hasNext()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        List<RecordedEvent> next = nextPage();
        if (next == null) {
            return false;
        }
        if (next.size() < PAGE_SIZE) {
            exhausted = true;
        }
        page = next.iterator();
        return page.hasNext();
    }

    /** The next page: read ahead, or read here when nothing is being read; null once closed. */
    private List<RecordedEvent> nextPage() {
        boolean interrupted = false;
        long after;
        try {
            synchronized (this) {
                // like the join it replaces, an interrupt does not stop the wait for a page being read
                while (!closed && read.isEmpty() && reading) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (closed) {
                    return null;
                }
                List<RecordedEvent> next = read.poll();
                if (next != null) {
                    readOnIfWanted();
                    return next;
                }
                if (failure != null) {
                    throw surfaced(failure);
                }
                // nothing read ahead and nothing being read: this page is read here, as the first one is
                reading = true;
                after = readAfter;
            }
            List<RecordedEvent> next;
            try {
                next = pages.read(after, PAGE_SIZE);
            } catch (RuntimeException | Error failed) {
                synchronized (this) {
                    reading = false;
                    notifyAll();
                }
                throw failed;
            }
            synchronized (this) {
                reading = false;
                noteRead(next);
                readOnIfWanted();
                return next;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void noteRead(List<RecordedEvent> next) {
        if (next.size() < PAGE_SIZE) {
            readAll = true;
        } else {
            readAfter = next.get(next.size() - 1).position();
        }
    }

    /** Starts reading the pages after the last one read, unless they are being read, all read or enough wait; holds the lock. */
    private void readOnIfWanted() {
        if (!reading && !readAll && !closed && failure == null && read.size() < pagesAhead) {
            reading = true;
            try {
                readAhead.execute(this::readAhead);
            } catch (RejectedExecutionException notNow) {
                // the caller reads the next page itself, as when nothing was read ahead
                reading = false;
            }
        }
    }

    /** Reads page after page until {@link #pagesAhead} wait, the ledger's last page is read, a read fails or the cursor closes. */
    private void readAhead() {
        while (true) {
            long after;
            synchronized (this) {
                if (closed || readAll || failure != null || read.size() >= pagesAhead) {
                    reading = false;
                    notifyAll();
                    return;
                }
                after = readAfter;
            }
            List<RecordedEvent> next;
            try {
                next = pages.read(after, PAGE_SIZE);
            } catch (Throwable failed) {
                synchronized (this) {
                    failure = failed;
                    reading = false;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                if (!closed) {
                    read.add(next);
                    noteRead(next);
                }
                notifyAll();
            }
        }
    }

    private static RuntimeException surfaced(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new EventStoreException("Reading the ledger failed: " + failure, failure);
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
        page = Collections.emptyIterator();
        exhausted = true;
        synchronized (this) {
            closed = true;
            read.clear();
            notifyAll();
        }
    }
}

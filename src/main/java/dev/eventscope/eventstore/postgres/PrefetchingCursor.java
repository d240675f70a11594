package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A cursor on the server (the binary {@link CopyCursor}) read one page ahead on a thread of its own, so that the
 * server's work and the rows' handling for the next page overlap the caller's work (decoding, folding) on the
 * current one: measured by CPU time, reading and decoding alternate otherwise (docs/postgresql.md). At most
 * {@value #PAGES_AHEAD} pages wait, so memory stays constant. Only the reading thread touches the source cursor;
 * closing stops it, and it closes the source (its connection). A failure of the read reaches the caller at the
 * page where it happened, as the source would have thrown it.
 */
final class PrefetchingCursor implements EventCursor {

    private static final int PAGES_AHEAD = 2;
    private static final Object END = new Object();

    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(PAGES_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private List<RecordedEvent> page = List.of();
    private int index;
    private boolean ended;

    PrefetchingCursor(EventCursor source, int pageSize) {
        reader = new Thread(() -> read(source, pageSize), "eventscope-cursor");
        reader.setDaemon(true);
        reader.start();
    }

    /** Hands over page after page; a failure after the events read before it, so the caller gets every one of them. */
    private void read(EventCursor source, int pageSize) {
        try (source) {
            List<RecordedEvent> batch = new ArrayList<>(pageSize);
            try {
                while (!stopped && source.hasNext()) {
                    batch.add(source.next());
                    if (batch.size() == pageSize) {
                        hand(batch);
                        batch = new ArrayList<>(pageSize);
                    }
                }
            } catch (RuntimeException | Error failure) {
                handAll(batch);
                hand(failure);
                return;
            }
            handAll(batch);
            hand(END);
        }
    }

    private void handAll(List<RecordedEvent> batch) {
        if (!batch.isEmpty()) {
            hand(batch);
        }
    }

    /** Waits for room in the queue, unless the cursor was closed meanwhile. */
    private void hand(Object item) {
        try {
            while (!stopped) {
                if (pages.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (ended) {
            return false;
        }
        Object item;
        try {
            item = pages.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
            throw new EventStoreException("Reading the events was interrupted.", interrupted);
        }
        if (item == END) {
            ended = true;
            return false;
        }
        if (item instanceof RuntimeException failure) {
            ended = true;
            throw failure;
        }
        if (item instanceof Error failure) {
            ended = true;
            throw failure;
        }
        @SuppressWarnings("unchecked")
        List<RecordedEvent> next = (List<RecordedEvent>) item;
        page = next;
        index = 0;
        return true;
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in this cursor");
        }
        return page.get(index++);
    }

    /** Stops the reading thread, which closes the source cursor; waits for it (briefly) so the connection is closed. */
    @Override
    public void close() {
        ended = true;
        page = List.of();
        if (stopped) {
            return;
        }
        stopped = true;
        pages.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.eventscope.journal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a journal's items on a thread of its own, a bounded number of items ahead of the thread that takes them,
 * so that parsing the journal and recording its entries run at the same time on two cores. Memory stays bounded
 * (at most {@value #BATCHES} batches of {@value #BATCH} items wait). A failure of the reading thread
 * ({@link JournalParseException}, {@link java.io.UncheckedIOException}...) is thrown, as it was thrown, by the
 * {@link #hasNext()} that reaches it. The reader's listener is called on the reading thread. {@link #close()}
 * stops the reading thread; the reader itself is closed by its owner afterwards.
 */
final class ReadAhead implements Iterator<JournalItem>, AutoCloseable {

    private static final int BATCH = 256;
    private static final int BATCHES = 16;

    /** What the reading thread hands over: items, then either the end or the failure that stopped it. */
    private record Batch(List<JournalItem> items, boolean last, Throwable failure) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile boolean closed;
    private List<JournalItem> current = List.of();
    private int index;
    private boolean ended;
    private Throwable failure;

    ReadAhead(Iterator<JournalItem> reader, String threadName) {
        thread = new Thread(() -> readAll(reader), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll(Iterator<JournalItem> reader) {
        List<JournalItem> batch = new ArrayList<>(BATCH);
        try {
            while (!closed && reader.hasNext()) {
                batch.add(reader.next());
                if (batch.size() == BATCH) {
                    hand(new Batch(batch, false, null));
                    batch = new ArrayList<>(BATCH);
                }
            }
            hand(new Batch(batch, true, null));
        } catch (RuntimeException | Error failure) {
            hand(new Batch(batch, true, failure));
        }
    }

    private void hand(Batch batch) {
        try {
            while (!closed && !queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                // the taking thread is busy; wait for room, or for close
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (index == current.size()) {
            if (failure != null) {
                // the items read before the failure were taken first
                Throwable thrown = failure;
                failure = null;
                throwFailure(thrown);
            }
            if (ended) {
                return false;
            }
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the journal to be read", interrupted);
            }
            current = batch.items();
            index = 0;
            ended = batch.last();
            failure = batch.failure();
        }
        return true;
    }

    @Override
    public JournalItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the journal has no more items");
        }
        return current.get(index++);
    }

    private static void throwFailure(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** Stops the reading thread and waits (briefly) for it to end, so the reader can be closed. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

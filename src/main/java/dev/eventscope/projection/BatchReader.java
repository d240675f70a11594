package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * Reads and decodes batches of events for one catch-up or rebuild, and reads the batches after the one asked for on a
 * background thread, one after the other, while the current one is being applied (reading and decoding is about half
 * the work; the two cores overlap it with the writes). Up to {@link #BATCHES_AHEAD} batches wait, so that the caller
 * finds its next batch read even after a commit that took longer than reading one (docs/cli-speed.md, session 23).
 * A batch read ahead is used only when it starts exactly where the caller asks; otherwise every batch read ahead is
 * dropped and the batch is read again. A batch whose reading failed fails the caller when it asks for it.
 */
final class BatchReader implements AutoCloseable {

    /** Batches read ahead at most: with the one being applied, three batches' events are held. */
    static final int BATCHES_AHEAD = 2;

    private final LongFunction<List<DecodedEvent>> read;
    private final int batchSize;
    private ExecutorService executor;

    // guarded by this: the batches read ahead, in order, each with the position it starts after
    private final ArrayDeque<ReadAhead> ready = new ArrayDeque<>();
    /** Counts the times reading ahead was given up: a batch still being read for an older one is dropped. */
    private long generation;
    /** Where the next batch to read ahead starts; -1 when nothing is to be read ahead (a short batch was read). */
    private long readAfter = -1;
    /** Where the batch being read ahead starts; -1 when none of this generation is. */
    private long readingAfter = -1;
    private RuntimeException failure;
    private long failedAfter;
    private boolean closed;

    private record ReadAhead(long after, List<DecodedEvent> batch) {
    }

    BatchReader(LongFunction<List<DecodedEvent>> read, int batchSize) {
        this.read = read;
        this.batchSize = batchSize;
    }

    /** The events after {@code position}; starts reading the batches after them. */
    List<DecodedEvent> after(long position) {
        synchronized (this) {
            List<DecodedEvent> ahead = readAhead(position);
            if (ahead != null) {
                return ahead;
            }
            // asked elsewhere (or for the first time): what was read ahead is given up
            ready.clear();
            failure = null;
            readingAfter = -1;
            readAfter = -1;
            generation++;
        }
        List<DecodedEvent> batch = read.apply(position);
        synchronized (this) {
            if (batch.size() == batchSize && !closed) {
                readAfter = batch.get(batch.size() - 1).recorded().position();
                readOnIfWanted();
            }
        }
        return batch;
    }

    /** The batch after {@code position} when it is read ahead or being read (waited for), else null; holds the lock. */
    private List<DecodedEvent> readAhead(long position) {
        boolean interrupted = false;
        try {
            while (true) {
                ReadAhead head = ready.peek();
                if (head != null) {
                    if (head.after() != position) {
                        return null;
                    }
                    ready.poll();
                    readOnIfWanted();
                    return head.batch();
                }
                if (failure != null && failedAfter == position) {
                    RuntimeException failed = failure;
                    failure = null;
                    readAfter = -1;
                    throw failed;
                }
                if (closed || readingAfter != position) {
                    return null;
                }
                // like the join it replaces, an interrupt does not stop the wait for a batch being read
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts reading ahead, unless a batch is being read, there is nothing to read, or enough wait; holds the lock. */
    private void readOnIfWanted() {
        if (closed || readingAfter >= 0 || readAfter < 0 || failure != null || ready.size() >= BATCHES_AHEAD) {
            return;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "eventscope-batch-reader");
                thread.setDaemon(true);
                return thread;
            });
        }
        long of = generation;
        readingAfter = readAfter;
        executor.execute(() -> readAheadFrom(of));
    }

    /** Reads batch after batch for generation {@code of} while it is wanted and fewer than {@link #BATCHES_AHEAD} wait. */
    private void readAheadFrom(long of) {
        while (true) {
            long after;
            synchronized (this) {
                if (of != generation) {
                    return;
                }
                if (closed || readAfter < 0 || failure != null || ready.size() >= BATCHES_AHEAD) {
                    readingAfter = -1;
                    notifyAll();
                    return;
                }
                after = readAfter;
                readingAfter = after;
            }
            List<DecodedEvent> batch;
            try {
                batch = read.apply(after);
            } catch (RuntimeException failed) {
                synchronized (this) {
                    if (of == generation) {
                        failure = failed;
                        failedAfter = after;
                        readingAfter = -1;
                        notifyAll();
                    }
                }
                return;
            }
            synchronized (this) {
                if (of != generation || closed) {
                    notifyAll();
                    continue;
                }
                ready.add(new ReadAhead(after, batch));
                readAfter = batch.size() == batchSize ? batch.get(batch.size() - 1).recorded().position() : -1;
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            ready.clear();
            generation++;
            notifyAll();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

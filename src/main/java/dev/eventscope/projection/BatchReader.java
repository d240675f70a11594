package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * Reads and decodes batches of events for one catch-up or rebuild, and reads the next batch on a
 * background thread while the current one is being applied (reading and decoding is about half the
 * work; the two cores overlap it with the writes). A prefetched batch is used only when it starts
 * exactly where the caller asks; otherwise it is dropped and the batch is read again.
 */
final class BatchReader implements AutoCloseable {

    private final LongFunction<List<DecodedEvent>> read;
    private final int batchSize;
    private ExecutorService executor;
    private long prefetchedAfter = -1;
    private CompletableFuture<List<DecodedEvent>> prefetched;

    BatchReader(LongFunction<List<DecodedEvent>> read, int batchSize) {
        this.read = read;
        this.batchSize = batchSize;
    }

    /** The events after {@code position}; starts reading the batch after them. */
    List<DecodedEvent> after(long position) {
        List<DecodedEvent> batch;
        if (prefetched != null && prefetchedAfter == position) {
            batch = prefetched.join();
        } else {
            if (prefetched != null) {
                prefetched.cancel(false);
            }
            batch = read.apply(position);
        }
        prefetched = null;
        if (batch.size() == batchSize) {
            long next = batch.get(batch.size() - 1).recorded().position();
            if (executor == null) {
                executor = Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "eventscope-batch-reader");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            prefetchedAfter = next;
            prefetched = CompletableFuture.supplyAsync(() -> read.apply(next), executor);
        }
        return batch;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

package dev.eventscope.application;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The writing end of a pipelined import ({@link LedgerCommandService#beginPipelinedImport}): a thread of its own
 * opens the store's bulk append (so it holds the store's write lock and its one transaction), appends each decided
 * command's events and saves its snapshots in the order they were handed over, and at the end commits or rolls back.
 * The deciding thread hands over batches through a bounded queue, so memory stays bounded whatever the journal's
 * size. The first failure on the writing thread stops the writing (later batches are dropped unread), is thrown to
 * the deciding thread at its next hand-over or at {@link #commit}, and the transaction is rolled back: all or
 * nothing, as with one thread.
 */
final class BackgroundWrites implements AutoCloseable {

    /** One decided command's part: its appends, the snapshots due after them, and whether its positions count. */
    record Write(String commandName, List<StreamAppend> appends, List<Snapshot> snapshots, boolean tracked) {
    }

    private enum End { COMMIT, ROLL_BACK }

    private record Batch(List<Write> writes, End end) {
    }

    /** Commands per hand-over: one queue hand-over per command costs more than the append it carries. */
    static final int BATCH = 64;
    /** Batches waiting at most: the deciding thread waits when the writing one is this far behind. */
    static final int WAITING = 8;

    private final EventStore store;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(WAITING);
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Write> pending = new ArrayList<>(BATCH);
    private boolean ended;
    /** First and last position of the tracked writes; read after {@link #finished}. */
    private long firstTracked;
    private long lastTracked;

    /** Starts the writing thread and waits until it holds the store's write lock (or throws what prevented it). */
    BackgroundWrites(EventStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "eventscope-import-writer");
        thread.setDaemon(true);
        thread.start();
        awaitUninterruptibly(started);
        if (failure != null) {
            ended = true;
            awaitEnd();
            throw rethrown(failure);
        }
    }

    /** Hands one command's writes over; throws the writing thread's failure, if it has failed. */
    void hand(Write write) {
        throwIfFailed();
        pending.add(write);
        if (pending.size() >= BATCH) {
            handOver(null);
        }
    }

    /** Writes what is left, commits, and returns when the commit is done; throws the failure that stopped it. */
    void commit() {
        throwIfFailed();
        handOver(End.COMMIT);
        awaitEnd();
        throwIfFailed();
    }

    /** Positions {first, last} of the tracked writes (0 when none); valid after {@link #commit}. */
    long[] trackedPositions() {
        return new long[] {firstTracked, lastTracked};
    }

    /** Rolls everything back unless committed, and waits until the writing thread has let the write lock go. */
    @Override
    public void close() {
        if (!ended) {
            pending = new ArrayList<>();
            handOver(End.ROLL_BACK);
        }
        awaitEnd();
    }

    /**
     * Waits until the writing thread has finished and has ended: the latch says the bulk is closed (the write lock let
     * go), the join that no thread of the import outlives it (a caller that checks right after sees none).
     */
    private void awaitEnd() {
        awaitUninterruptibly(finished);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver(End end) {
        Batch batch = new Batch(pending, end);
        pending = new ArrayList<>(BATCH);
        ended = end != null;
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(batch);
                break;
            } catch (InterruptedException e) {
                // the writing thread always takes until the end: waiting again cannot hang
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        BulkAppend bulk;
        try {
            bulk = store.beginBulkAppend();
        } catch (Throwable cannotStart) {
            failure = cannotStart;
            started.countDown();
            finished.countDown();
            return;
        }
        started.countDown();
        try (bulk) {
            while (true) {
                Batch batch = take();
                if (failure == null) {
                    try {
                        for (Write write : batch.writes()) {
                            write(bulk, write);
                        }
                        if (batch.end() == End.COMMIT) {
                            bulk.commit();
                        }
                    } catch (Throwable stopped) {
                        failure = stopped;
                    }
                }
                if (batch.end() != null) {
                    break;
                }
            }
        } catch (Throwable closing) {
            if (failure == null) {
                failure = closing;
            }
        } finally {
            // the bulk is closed (rolled back unless committed) on this thread, which holds the store's write lock
            finished.countDown();
        }
    }

    private void write(BulkAppend bulk, Write write) {
        AppendResult result;
        try {
            result = bulk.append(write.appends());
        } catch (ConcurrencyConflict conflict) {
            throw new ConflictPersisted(write.commandName(), 1, conflict);
        }
        if (write.tracked() && !result.positions().isEmpty()) {
            if (firstTracked == 0) {
                firstTracked = result.positions().get(0);
            }
            lastTracked = result.lastPosition();
        }
        for (Snapshot snapshot : write.snapshots()) {
            store.saveSnapshot(snapshot);
        }
    }

    private Batch take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only the deciding thread ends this thread, with a batch that says so
            }
        }
    }

    private void throwIfFailed() {
        Throwable failed = failure;
        if (failed != null) {
            if (!ended) {
                close();
            }
            throw rethrown(failed);
        }
    }

    private static RuntimeException rethrown(Throwable failed) {
        if (failed instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failed.getMessage(), failed);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.eventscope.projection;

import dev.eventscope.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the ledger: on every append the store announces (also from other processes), one catch-up
 * runs on a daemon thread of its own; announcements that arrive while one is pending are folded into it.
 */
final class ProjectionFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionFollower.class);

    private final EventStore store;
    private final Runnable catchUp;
    private final AtomicBoolean catchUpPending = new AtomicBoolean();
    private ExecutorService follower;
    private AutoCloseable subscription;

    ProjectionFollower(EventStore store, Runnable catchUp) {
        this.store = store;
        this.catchUp = catchUp;
    }

    /** Starts following (once; later calls do nothing). */
    synchronized void start() {
        if (subscription != null) {
            return;
        }
        follower = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projections-catch-up");
            thread.setDaemon(true);
            return thread;
        });
        subscription = store.subscribe((from, to) -> {
            if (catchUpPending.compareAndSet(false, true)) {
                follower.execute(() -> {
                    catchUpPending.set(false);
                    try {
                        catchUp.run();
                    } catch (RuntimeException failed) {
                        LOG.error("Catching up the projections failed: {}", failed.getMessage(), failed);
                    }
                });
            }
        });
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                LOG.debug("closing the subscription failed", ignored);
            }
            follower.shutdown();
            subscription = null;
        }
    }
}

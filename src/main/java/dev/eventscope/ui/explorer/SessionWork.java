package dev.eventscope.ui.explorer;

import dev.eventscope.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The background work of one open ledger's window: a {@link TaskExecutor} that knows what is still running, so closing
 * the ledger neither pulls the store from under a load nor leaves an error behind. Once {@link #closeThen closed}, no
 * new work starts, no outcome reaches the (gone) panels, and the session is closed when the work already running has
 * ended (at once when none runs; else on a closing thread, after at most {@link #GRACE_SECONDS}). Work that still
 * fails because the ledger was closed under it is told apart and logged at debug level only.
 */
final class SessionWork implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWork.class);
    /** How long a close waits for a load (a first catch-up of a large ledger) before closing the store anyway. */
    static final long GRACE_SECONDS = 60;

    private final TaskExecutor executor;
    private int running;
    private volatile boolean closed;

    SessionWork(TaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        synchronized (this) {
            if (closed) {
                return;
            }
            running++;
        }
        try {
            executor.<T>run(() -> {
                try {
                    return work.call();
                } catch (Exception failure) {
                    if (closed) {
                        // the ledger was closed under it (a load that outlived the grace): nothing is wrong, nothing is shown
                        LOG.debug("background work ended by the ledger's close: {}", failure.toString());
                        return null;
                    }
                    throw failure;
                } finally {
                    ended();
                }
            }, value -> {
                if (!closed) {
                    onSuccess.accept(value);
                }
            }, failure -> {
                if (!closed) {
                    onFailure.accept(failure);
                }
            });
        } catch (RejectedExecutionException quitting) {
            // the app's workers stopped first (it is quitting): the work never runs, so a close must not wait for it
            ended();
            LOG.debug("background work not started, the app is quitting: {}", quitting.toString());
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        executor.onUiThread(() -> {
            if (!closed) {
                action.run();
            }
        });
    }

    private synchronized void ended() {
        running--;
        notifyAll();
    }

    /**
     * Starts no more work and runs {@code closeSession} once the work running has ended: at once on this thread when
     * none runs, else on a closing thread (not a daemon, so quitting the app still closes the ledger properly).
     */
    void closeThen(Runnable closeSession) {
        synchronized (this) {
            closed = true;
            if (running == 0) {
                closeSession.run();
                return;
            }
        }
        Thread closer = new Thread(() -> {
            awaitIdle();
            closeSession.run();
        }, "eventscope-ledger-close");
        closer.start();
    }

    private synchronized void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        try {
            while (running > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (running > 0) {
            LOG.info("closing the ledger while {} background load(s) still run", running);
        }
    }
}

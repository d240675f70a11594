package dev.eventscope.ui.timeline;

import dev.eventscope.ui.TaskExecutor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs background requests so that the newest wins: at most one runs at a time, requests made
 * meanwhile collapse into the newest (a drag becomes a few computations, not hundreds), and a
 * result older than one already shown, or older than {@link #invalidate}, is dropped. UI thread only.
 */
final class LatestOnly<T> {

    private record Request<T>(long number, Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
    }

    private final TaskExecutor executor;
    private long submitted;
    private long delivered;
    private long floor;
    private boolean running;
    private Request<T> pending;

    LatestOnly(TaskExecutor executor) {
        this.executor = executor;
    }

    void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        Request<T> request = new Request<>(++submitted, work, onResult, onFailure);
        if (running) {
            pending = request;
        } else {
            start(request);
        }
    }

    /** Results of every request made so far are dropped. */
    void invalidate() {
        floor = submitted + 1;
        pending = null;
    }

    boolean busy() {
        return running;
    }

    private void start(Request<T> request) {
        running = true;
        executor.run(request.work(), result -> {
            running = false;
            if (request.number() > delivered && request.number() >= floor) {
                delivered = request.number();
                request.onResult().accept(result);
            }
            next();
        }, failure -> {
            running = false;
            if (request.number() >= floor && (pending == null)) {
                request.onFailure().accept(failure);
            }
            next();
        });
    }

    private void next() {
        Request<T> next = pending;
        pending = null;
        if (next != null) {
            start(next);
        }
    }
}

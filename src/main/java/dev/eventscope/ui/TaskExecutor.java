package dev.eventscope.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work away from the UI thread and hands its outcome back on the UI thread. View models
 * take one, so that tests can pass an executor that runs everything at once on the calling thread.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (at once when already on it). */
    void onUiThread(Runnable action);
}

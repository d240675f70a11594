package dev.eventscope.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work on the calling thread, at once, or (when held) later in the order the test chooses,
 * so that view models are tested without a screen and without waiting.
 */
public final class SameThreadExecutor implements TaskExecutor {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;

    /** From now on, work waits until {@link #runHeld} or {@link #runNewestFirst}. */
    public void hold() {
        holding = true;
    }

    public int heldCount() {
        return held.size();
    }

    public void runHeld() {
        holding = false;
        while (!held.isEmpty()) {
            held.removeFirst().run();
        }
    }

    /** Finishes the held work newest first, as a slow first request would. */
    public void runNewestFirst() {
        holding = false;
        while (!held.isEmpty()) {
            held.removeLast().run();
        }
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable task = () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception failure) {
                onFailure.accept(failure);
                return;
            }
            onSuccess.accept(result);
        };
        if (holding) {
            held.addLast(task);
        } else {
            task.run();
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}

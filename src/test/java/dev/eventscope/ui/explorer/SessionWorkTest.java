package dev.eventscope.ui.explorer;

import dev.eventscope.ui.TaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a ledger waits only for work that runs. When the app quits, its workers stop before the window closes its
 * ledger, and a panel that asks for work in between is refused by them: that work never runs, so the close must not
 * wait the grace period for it (it did: the app took a minute to quit after such a refusal).
 */
class SessionWorkTest {

    /** Workers that have stopped: every run is refused, as a shut-down thread pool refuses it. */
    private static final class StoppedWorkers implements TaskExecutor {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new RejectedExecutionException("workers stopped");
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }
    }

    /** Workers that keep each work until the test lets it run. */
    private static final class HeldWorkers implements TaskExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }
    }

    @Test
    void a_close_after_refused_work_closes_the_ledger_at_once() {
        SessionWork work = new SessionWork(new StoppedWorkers());
        List<String> seen = new ArrayList<>();
        work.run(() -> "never", seen::add, failure -> seen.add("failed"));
        List<String> closed = new ArrayList<>();
        work.closeThen(() -> closed.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName()), closed, "closed on this thread, without waiting");
        assertTrue(seen.isEmpty(), "refused work reports nothing");
    }

    @Test
    void a_close_waits_for_work_that_runs_and_then_closes() {
        HeldWorkers workers = new HeldWorkers();
        SessionWork work = new SessionWork(workers);
        work.run(() -> "loaded", value -> { }, failure -> { });
        List<String> closed = new ArrayList<>();
        work.closeThen(() -> closed.add("closed"));
        assertTrue(closed.isEmpty(), "a load still runs: the close waits");
        workers.held.forEach(Runnable::run);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> closed.size() == 1);
    }
}

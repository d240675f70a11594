package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStoreException;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The real {@link TaskExecutor}: daemon worker threads, results delivered with {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "eventscope-worker-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | LinkageError failure) {
                if (failure instanceof EventStoreException || failure instanceof dev.eventscope.domain.ledger.LedgerRuleViolation
                        || failure instanceof dev.eventscope.application.ConflictPersisted
                        || failure instanceof dev.eventscope.journal.JournalImportException
                        || failure instanceof dev.eventscope.journal.JournalImporter.ImportCancelled) {
                    // a readable refusal (not a ledger, read-only, ...) or a cancel the user asked for: the user sees it; no stack trace needed
                    LOG.info("{}", failure.getMessage());
                } else {
                    LOG.warn("background work failed: {}", failure.toString(), failure);
                }
                Platform.runLater(() -> onFailure.accept(failure));
            }
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

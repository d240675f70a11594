package dev.eventscope.ui.sandbox;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongConsumer;

/**
 * Tells the sandbox window of every new head of its ledger (appends of this window, the main window or another process),
 * on the UI thread, until closed (session 22, adversary: the window kept showing a base it called the head after the
 * ledger had moved on).
 */
final class LedgerFollowing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollowing.class);

    private final AutoCloseable subscription;
    private volatile boolean closed;

    LedgerFollowing(LedgerSession session, TaskExecutor executor, LongConsumer moved) {
        subscription = session.subscribe((fromPosition, toPosition) -> executor.onUiThread(() -> {
            if (!closed) {
                moved.accept(toPosition);
            }
        }));
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
        } catch (Exception failed) {
            LOG.debug("could not stop following the ledger: {}", failed.toString());
        }
    }
}

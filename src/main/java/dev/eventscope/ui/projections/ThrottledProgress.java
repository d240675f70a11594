package dev.eventscope.ui.projections;

import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.RebuildProgress;

import java.util.function.LongSupplier;

/**
 * Passes an opening's or rebuild's progress on at most about ten times a second (a first open of a 1,000,000-event ledger
 * reports after each of its ~200 batches, ~30 a second on a quiet machine, and each report is work for the UI thread that
 * nobody can read at that rate): a step is passed on when {@link #INTERVAL_NANOS} have passed since the last one passed
 * on, and always when it starts another projection, reaches the last event or is a rebuild's swap ("putting in place").
 * Told on one thread at a time (the opening or rebuilding one).
 */
final class ThrottledProgress implements ProgressListener {

    /** A tenth of a second. */
    static final long INTERVAL_NANOS = 100_000_000L;

    private final ProgressListener next;
    private final LongSupplier nanoTime;
    private long lastPassed;
    private String lastProjection;

    ThrottledProgress(ProgressListener next) {
        this(next, System::nanoTime);
    }

    ThrottledProgress(ProgressListener next, LongSupplier nanoTime) {
        this.next = next;
        this.nanoTime = nanoTime;
    }

    @Override
    public void progressed(RebuildProgress progress) {
        long now = nanoTime.getAsLong();
        boolean first = lastProjection == null || !lastProjection.equals(progress.projection());
        if (first || progress.position() >= progress.lastPosition() || now - lastPassed >= INTERVAL_NANOS) {
            lastPassed = now;
            lastProjection = progress.projection();
            next.progressed(progress);
        }
    }
}

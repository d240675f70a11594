package dev.eventscope.projection;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread (a Cancel button) stop a rebuild between two batches. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}

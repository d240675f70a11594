package dev.eventscope.application;

import java.util.UUID;

/** Makes the ids of commands and events; the domain never makes its own. */
@FunctionalInterface
public interface IdGenerator {

    String nextId();

    /** Random UUIDs: unique across processes and machines. */
    static IdGenerator random() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * Time-ordered UUIDs (version 7 layout, {@link TimeOrderedIds}): unique across processes and machines like random
     * ones, and each greater than the one before, so that the store's index of event ids grows at its end.
     */
    static IdGenerator timeOrdered(java.time.Clock clock) {
        return new TimeOrderedIds(clock);
    }

    /** {@code prefix-1}, {@code prefix-2}, ...: predictable, for tests and examples. */
    static IdGenerator sequential(String prefix) {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        return () -> prefix + "-" + counter.incrementAndGet();
    }
}

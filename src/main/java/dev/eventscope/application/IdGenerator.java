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

    /** {@code prefix-1}, {@code prefix-2}, ...: predictable, for tests and examples. */
    static IdGenerator sequential(String prefix) {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        return () -> prefix + "-" + counter.incrementAndGet();
    }
}

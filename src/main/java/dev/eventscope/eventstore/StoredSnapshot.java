package dev.eventscope.eventstore;

import java.util.Objects;

/**
 * A snapshot as the store holds it, with the store's verdict: {@code anchored} when it carries the
 * hash of the event it was taken at, that event still has that hash, and its content is the content
 * that was anchored; otherwise {@code problem} says why it is ignored.
 */
public record StoredSnapshot(Snapshot snapshot, boolean anchored, String problem) {

    public StoredSnapshot {
        Objects.requireNonNull(snapshot, "snapshot");
    }
}

package dev.eventscope.application;

/**
 * An aggregate's state after its event at {@code version} (0: no events), and the version of the
 * snapshot it started from (0: replayed from the first event).
 */
public record Loaded<S>(S state, long version, long fromSnapshotVersion) {
}

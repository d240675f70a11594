package dev.eventscope.eventstore;

import java.util.Objects;

/**
 * An aggregate's state after its event at {@code version}, serialized by the caller. The state's
 * schema version is kept so that a reader can ignore a snapshot written for an older state shape.
 */
public record Snapshot(StreamId stream, long version, String stateType, int stateSchemaVersion, String data) {

    public Snapshot {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(stateType, "state type");
        Objects.requireNonNull(data, "snapshot data");
        if (version < 1) {
            throw new IllegalArgumentException("a snapshot is taken after an event, so its version is at least 1");
        }
    }
}

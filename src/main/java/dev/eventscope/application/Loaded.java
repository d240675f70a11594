package dev.eventscope.application;

/**
 * An aggregate's state after its event at {@code version} (0: no events), the version of the snapshot
 * it started from (0: replayed from the first event), and the global position of the last event it
 * replayed (0: none was replayed, the state is the snapshot's or the initial one).
 */
public record Loaded<S>(S state, long version, long fromSnapshotVersion, long lastReplayedPosition) {

    public Loaded(S state, long version, long fromSnapshotVersion) {
        this(state, version, fromSnapshotVersion, 0);
    }

    /** How many events were folded on top of the snapshot (or the initial state). */
    public long replayed() {
        return version - fromSnapshotVersion;
    }
}

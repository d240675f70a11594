package dev.eventscope.timetravel;

import dev.eventscope.eventstore.StreamId;

/**
 * An aggregate's state at a point: after its event at {@code version} (global position
 * {@code position}, 0 when none), rebuilt from the snapshot at {@code fromSnapshotVersion} (0: none)
 * plus {@code eventsReplayed} events.
 */
public record AggregateStateAt(StreamId stream, String kind, Point point, long version, long position, Object state,
                               long fromSnapshotVersion, long eventsReplayed) {
}

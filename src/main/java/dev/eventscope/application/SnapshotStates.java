package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.Snapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshot states decoded once: the most recently used {@code capacity} snapshots, keyed by stream,
 * version and state schema version. A cached state is used only when the snapshot's text is exactly
 * the text it was decoded from, so a snapshot that was saved again differently is decoded again.
 * States are immutable records, so one decoded state may be shared. Thread-safe.
 */
final class SnapshotStates {

    private record Key(String stream, long version, int stateSchemaVersion) {
    }

    private record Decoded(String data, Object state) {
    }

    private final EventCodec codec;
    private final Map<Key, Decoded> cache;

    SnapshotStates(EventCodec codec, int capacity) {
        this.codec = codec;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Decoded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The snapshot's state, decoded now or earlier; throws like {@link EventCodec#stateOf} when unreadable. */
    Object stateOf(Snapshot snapshot, Class<?> type) {
        Key key = new Key(snapshot.stream().value(), snapshot.version(), snapshot.stateSchemaVersion());
        synchronized (cache) {
            Decoded decoded = cache.get(key);
            if (decoded != null && decoded.data().equals(snapshot.data()) && type.isInstance(decoded.state())) {
                return decoded.state();
            }
        }
        Object state = codec.stateOf(snapshot, type);
        synchronized (cache) {
            cache.put(key, new Decoded(snapshot.data(), state));
        }
        return state;
    }
}

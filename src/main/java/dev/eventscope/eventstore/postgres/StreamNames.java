package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.StreamId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stream ids by stream key, so that reads bring over an 8-byte key per event instead of joining the
 * streams table. A key names its stream forever, and keys only grow, so a key not yet known is found
 * by loading every stream created since the highest key known: one query per burst of new streams.
 */
final class StreamNames {

    private final SharedReader reader;
    private final String schema;
    private final Map<Long, StreamId> names = new ConcurrentHashMap<>();
    private long highestKnown;

    StreamNames(SharedReader reader, String schema) {
        this.reader = reader;
        this.schema = schema;
    }

    StreamId nameOf(long streamKey) {
        StreamId known = names.get(streamKey);
        return known != null ? known : load(streamKey);
    }

    /**
     * Loads the streams created since the highest key known, under the shared reader's lock alone: a read holding that
     * lock names its rows' streams through here ({@code readAt}), so a lock of this class taken first by the whole-ledger
     * cursor's thread, which then waits for the reader, deadlocked the two (found by the team-ledger window test).
     */
    private StreamId load(long streamKey) {
        synchronized (reader) {
            return loadHoldingReader(streamKey);
        }
    }

    private StreamId loadHoldingReader(long streamKey) {
        StreamId known = names.get(streamKey);
        if (known != null) {
            return known;
        }
        long after = highestKnown;
        List<Long> keys = reader.query("read the stream names of", "SELECT stream_key, stream_id FROM " + schema
                + ".stream_names WHERE stream_key > ? ORDER BY stream_key", statement -> statement.setLong(1, after), row -> {
                    names.put(row.getLong(1), StreamId.of(row.getString(2)));
                    return row.getLong(1);
                });
        if (!keys.isEmpty()) {
            highestKnown = keys.get(keys.size() - 1);
        }
        StreamId found = names.get(streamKey);
        if (found == null) {
            throw new EventStoreException("The ledger in schema '" + schema + "' holds an event of stream key " + streamKey
                    + ", which no stream has; it has been tampered with. Run eventscope verify.");
        }
        return found;
    }
}

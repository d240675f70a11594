package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stream keys never change once assigned, so their names can be cached for the life of the store.
 * Holds one entry per stream, not per event.
 */
final class StreamNameCache {

    private final ConcurrentHashMap<Long, StreamId> names = new ConcurrentHashMap<>();

    StreamId nameOf(Connection connection, long streamKey) throws SQLException {
        StreamId cached = names.get(streamKey);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT stream_id FROM streams WHERE stream_key = ?")) {
            query.setLong(1, streamKey);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("event refers to stream key " + streamKey + " which is not in the streams table");
                }
                StreamId name = StreamId.of(row.getString(1));
                names.put(streamKey, name);
                return name;
            }
        }
    }

    /**
     * Notes a new stream's name, while fewer than {@link #REMEMBERED_AT_MOST} are held: an import of a million entries
     * creates a million streams, which must not all stay in memory; a name not held is asked for when needed.
     */
    void remember(long streamKey, StreamId name) {
        if (names.size() < REMEMBERED_AT_MOST) {
            names.put(streamKey, name);
        }
    }

    static final int REMEMBERED_AT_MOST = 200_000;
}

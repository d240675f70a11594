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
    /** The name query, prepared on {@link #lookupConnection}; guarded by {@code this}. */
    private PreparedStatement lookup;
    private Connection lookupConnection;

    /**
     * The stream's name, asked of {@code connection} when it is not held. The query is prepared once per connection, not
     * once per miss: reading a ledger of 250,000 entry streams from the start misses once per stream, and preparing the
     * statement each time cost the first open's read-ahead thread about a fifth of its samples (docs/cli-speed.md).
     */
    StreamId nameOf(Connection connection, long streamKey) throws SQLException {
        StreamId cached = names.get(streamKey);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            if (lookupConnection != connection || lookup.isClosed()) {
                if (lookup != null) {
                    lookup.close();
                }
                lookup = connection.prepareStatement("SELECT stream_id FROM streams WHERE stream_key = ?");
                lookupConnection = connection;
            }
            lookup.setLong(1, streamKey);
            try (ResultSet row = lookup.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("event refers to stream key " + streamKey + " which is not in the streams table");
                }
                StreamId name = StreamId.of(row.getString(1));
                names.put(streamKey, name);
                return name;
            }
        }
    }

    /** Reads the name a query joined to its row, if it found one (null otherwise). */
    @FunctionalInterface
    interface JoinedName {
        String read() throws SQLException;
    }

    /**
     * The stream's name: held, or else read from the row's joined column (no query of its own), and held while fewer
     * than {@link #REMEMBERED_AT_MOST} are (a ledger's 250,000 entry streams are each met about once). A row that
     * joined no stream row is asked of {@code connection}, which reports the missing stream.
     */
    StreamId nameOf(Connection connection, long streamKey, JoinedName joined) throws SQLException {
        StreamId cached = names.get(streamKey);
        if (cached != null) {
            return cached;
        }
        String name = joined.read();
        if (name == null) {
            return nameOf(connection, streamKey);
        }
        StreamId stream = StreamId.of(name);
        remember(streamKey, stream);
        return stream;
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

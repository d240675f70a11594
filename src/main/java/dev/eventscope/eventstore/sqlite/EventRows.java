package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of the events table to {@link RecordedEvent}s. */
final class EventRows {

    /** The columns every event query selects, in this order. */
    static final String COLUMNS = "position, event_id, stream_key, version, type, schema_version, data,"
            + " user_name, correlation_id, causation_id, command_name, recorded_at, hash";

    /** {@link #COLUMNS} of the events table aliased {@code e}, for queries that join it. */
    static final String COLUMNS_OF_E = "e." + COLUMNS.replace(", ", ", e.");

    private EventRows() {
    }

    static RecordedEvent read(ResultSet row, StreamNames names) throws SQLException {
        return new RecordedEvent(
                row.getLong(1),
                row.getString(2),
                names.nameOf(row.getLong(3)),
                row.getLong(4),
                row.getString(5),
                row.getInt(6),
                row.getString(7),
                new EventMetadata(row.getString(8), row.getString(9), row.getString(10), row.getString(11)),
                row.getLong(12),
                EventHashChain.hex(row.getBytes(13)));
    }

    /** Resolves stream keys to stream ids; a cache that fills itself from the streams table. */
    interface StreamNames {
        StreamId nameOf(long streamKey) throws SQLException;
    }
}

package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.CopiedLedgerCheck;
import dev.eventscope.eventstore.CopiedLedgerCheck.CopiedStream;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a whole ledger, event by event as recorded, into an empty PostgreSQL ledger, in one
 * transaction under the head lock: all or nothing. It reads the source through its constant-memory
 * cursor, checks every event ({@link CopiedLedgerCheck}) and writes 1,000 events per statement.
 */
final class PostgresLedgerCopier {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final String schema;
    private final List<RecordedEvent> batch = new ArrayList<>(BATCH);
    private byte[] lastHashOfPreviousBatch = EventHashChain.GENESIS;

    PostgresLedgerCopier(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Copies every event of {@code source} inside the caller's transaction; returns the number copied. */
    long copy(EventStore source, String sourceName) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT position FROM " + schema
                + ".ledger_head WHERE id = 1 FOR UPDATE"); ResultSet head = lock.executeQuery()) {
            if (!head.next() || head.getLong(1) != 0) {
                throw CopiedLedgerCheck.targetNotEmpty("in schema '" + schema + "'");
            }
        }
        // the events themselves, in a snapshot taken after the lock (a head moved back to 0 is not an empty ledger)
        try (PreparedStatement any = connection.prepareStatement("SELECT EXISTS (SELECT FROM " + schema + ".events)");
             ResultSet row = any.executeQuery()) {
            if (row.next() && row.getBoolean(1)) {
                throw CopiedLedgerCheck.targetNotEmpty("in schema '" + schema + "'");
            }
        }
        CopiedLedgerCheck check = new CopiedLedgerCheck(sourceName);
        try (EventCursor events = source.readAll(0)) {
            while (events.hasNext()) {
                RecordedEvent event = events.next();
                check.accept(event);
                batch.add(event);
                if (batch.size() == BATCH) {
                    flush(check.streams());
                }
            }
        }
        flush(check.streams());
        if (check.lastPosition() > 0) {
            PostgresSchema.moveHead(connection, schema, check.lastPosition(), check.previousHash(), check.lastRecordedAt());
        }
        return check.lastPosition();
    }

    /** Creates the batch's new streams, then inserts its events in one statement. */
    private void flush(Map<StreamId, CopiedStream> streams) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<StreamId, String> missing = new LinkedHashMap<>();
        for (RecordedEvent event : batch) {
            if (streams.get(event.streamId()).key() == 0) {
                missing.put(event.streamId(), event.streamId().category());
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".stream_names"
                    + " (stream_id, category) SELECT id, category"
                    + " FROM unnest(?::text[], ?::text[]) AS t (id, category) RETURNING stream_id, stream_key")) {
                insert.setArray(1, connection.createArrayOf("text", missing.keySet().stream().map(StreamId::value).toArray()));
                insert.setArray(2, connection.createArrayOf("text", missing.values().toArray()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        streams.get(StreamId.of(rows.getString(1))).key(rows.getLong(2));
                    }
                }
            }
        }
        int count = batch.size();
        Object[][] columns = new Object[12][count];
        byte[][] hashes = new byte[count][];
        byte[][] previousHashes = new byte[count][];
        for (int row = 0; row < count; row++) {
            RecordedEvent event = batch.get(row);
            Object[] values = {event.position(), event.eventId(), streams.get(event.streamId()).key(), event.version(),
                    event.type(), event.schemaVersion(), event.data(), event.metadata().user(),
                    event.metadata().correlationId(), event.metadata().causationId(), event.metadata().commandName(),
                    event.recordedAtMicros()};
            for (int column = 0; column < values.length; column++) {
                columns[column][row] = values[column];
            }
            hashes[row] = CopiedLedgerCheck.hashOf(event);
            previousHashes[row] = row == 0 ? lastHashOfPreviousBatch : hashes[row - 1];
        }
        String[] types = {"bigint", "text", "bigint", "bigint", "text", "integer", "text", "text", "text", "text", "text",
                "bigint"};
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".events (position, event_id,"
                + " stream_key, version, type, schema_version, data, user_name, correlation_id, causation_id, command_name,"
                + " recorded_at, hash, prev_hash) SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[],"
                + " ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bytea[],"
                + " ?::bytea[])")) {
            for (int column = 0; column < types.length; column++) {
                insert.setArray(column + 1, connection.createArrayOf(types[column], columns[column]));
            }
            insert.setArray(13, connection.createArrayOf("bytea", hashes));
            insert.setArray(14, connection.createArrayOf("bytea", previousHashes));
            insert.executeUpdate();
        }
        lastHashOfPreviousBatch = hashes[count - 1];
        batch.clear();
    }
}

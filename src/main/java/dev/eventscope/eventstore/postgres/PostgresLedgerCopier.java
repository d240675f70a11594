package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a whole ledger, event by event as recorded (positions, event ids, versions, recorded times,
 * metadata and hashes kept), into an empty PostgreSQL ledger, in one transaction under the head lock:
 * all or nothing. It reads the source through its constant-memory cursor and writes 1,000 events per
 * statement; memory grows with the number of streams, not events. Every event's hash is recomputed
 * and must equal the source's, so a source whose chain is broken is refused, not copied.
 */
final class PostgresLedgerCopier {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final String schema;
    private final EventHashChain hashChain = new EventHashChain();
    /** stream id → {stream key, version, last position} */
    private final Map<StreamId, long[]> streams = new HashMap<>();
    private final List<RecordedEvent> batch = new ArrayList<>(BATCH);
    private byte[] lastHashOfPreviousBatch = EventHashChain.GENESIS;

    PostgresLedgerCopier(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Copies every event of {@code source} inside the caller's transaction; returns the number copied. */
    long copy(EventStore source, String sourceName) throws SQLException {
        long lastRecordedAt;
        try (PreparedStatement lock = connection.prepareStatement("SELECT position, recorded_at FROM " + schema
                + ".ledger_head WHERE id = 1 FOR UPDATE"); ResultSet head = lock.executeQuery()) {
            if (!head.next() || head.getLong(1) != 0) {
                throw new EventStoreException("The target ledger in schema '" + schema + "' already holds events; a ledger"
                        + " is copied only into a new, empty one (eventscope init). Nothing was copied.");
            }
            lastRecordedAt = head.getLong(2);
        }
        byte[] previous = EventHashChain.GENESIS;
        long expectedPosition = 1;
        try (EventCursor events = source.readAll(0)) {
            while (events.hasNext()) {
                RecordedEvent event = events.next();
                if (event.position() != expectedPosition) {
                    throw broken(sourceName, expectedPosition, "position " + expectedPosition + " is missing");
                }
                long[] stream = streams.computeIfAbsent(event.streamId(), id -> new long[] {0, 0, 0});
                if (event.version() != stream[1] + 1) {
                    throw broken(sourceName, event.position(), "its version " + event.version() + " of '" + event.streamId()
                            + "' does not follow version " + stream[1]);
                }
                byte[] hash = hashChain.link(previous, event.eventId(), event.streamId().value(), event.version(),
                        event.type(), event.schemaVersion(), event.recordedAtMicros(), event.metadata().user(),
                        event.metadata().correlationId(), event.metadata().causationId(),
                        event.metadata().commandName(), event.data());
                if (!EventHashChain.hex(hash).equals(event.hash())) {
                    throw broken(sourceName, event.position(), "its content no longer gives its recorded hash");
                }
                if (event.recordedAtMicros() < lastRecordedAt) {
                    throw broken(sourceName, event.position(), "its recorded time goes back before the event before it");
                }
                stream[1] = event.version();
                stream[2] = event.position();
                lastRecordedAt = event.recordedAtMicros();
                previous = hash;
                expectedPosition++;
                batch.add(event);
                if (batch.size() == BATCH) {
                    flush();
                }
            }
        }
        flush();
        long last = expectedPosition - 1;
        if (last > 0) {
            moveStreamsAndHead(last, previous, lastRecordedAt);
        }
        return last;
    }

    private static EventStoreException broken(String sourceName, long position, String what) {
        return new EventStoreException("The ledger " + sourceName + " is not intact at position " + position + ": " + what
                + "; run eventscope verify on it. Nothing was copied.");
    }

    /** Creates the batch's new streams, then inserts its events in one statement. */
    private void flush() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<StreamId, String> missing = new LinkedHashMap<>();
        for (RecordedEvent event : batch) {
            if (streams.get(event.streamId())[0] == 0) {
                missing.put(event.streamId(), event.streamId().category());
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".streams"
                    + " (stream_id, category, version, last_position) SELECT id, category, 0, 0"
                    + " FROM unnest(?::text[], ?::text[]) AS t (id, category) RETURNING stream_id, stream_key")) {
                insert.setArray(1, connection.createArrayOf("text", missing.keySet().stream().map(StreamId::value).toArray()));
                insert.setArray(2, connection.createArrayOf("text", missing.values().toArray()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        streams.get(StreamId.of(rows.getString(1)))[0] = rows.getLong(2);
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
            Object[] values = {event.position(), event.eventId(), streams.get(event.streamId())[0], event.version(),
                    event.type(), event.schemaVersion(), event.data(), event.metadata().user(),
                    event.metadata().correlationId(), event.metadata().causationId(), event.metadata().commandName(),
                    event.recordedAtMicros()};
            for (int column = 0; column < values.length; column++) {
                columns[column][row] = values[column];
            }
            hashes[row] = HexFormat.of().parseHex(event.hash());
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


    private void moveStreamsAndHead(long lastPosition, byte[] lastHash, long lastRecordedAt) throws SQLException {
        List<Long> keys = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (long[] stream : streams.values()) {
            keys.add(stream[0]);
            versions.add(stream[1]);
            positions.add(stream[2]);
        }
        try (PreparedStatement move = connection.prepareStatement("WITH moved AS (UPDATE " + schema + ".streams s"
                + " SET version = m.v, last_position = m.p FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS m (k, v, p)"
                + " WHERE s.stream_key = m.k RETURNING 1)"
                + " UPDATE " + schema + ".ledger_head SET position = ?, hash = ?, recorded_at = ? WHERE id = 1")) {
            move.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            move.setArray(2, connection.createArrayOf("bigint", versions.toArray()));
            move.setArray(3, connection.createArrayOf("bigint", positions.toArray()));
            move.setLong(4, lastPosition);
            move.setBytes(5, lastHash);
            move.setLong(6, lastRecordedAt);
            move.executeUpdate();
        }
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.CopiedLedgerCheck;
import dev.eventscope.eventstore.CopiedLedgerCheck.CopiedStream;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes recorded events as they are into an empty ledger file (an auditor's offline copy of a team
 * ledger): positions, event ids, versions, recorded times, metadata and hashes kept, every event
 * checked first ({@link CopiedLedgerCheck}), 1,000 rows per batch, inside the transaction the caller
 * holds, so the copy is all or nothing. Memory grows with the number of streams, not events.
 */
final class SqliteLedgerCopier {

    private static final int BATCH = 1_000;

    private final SqliteStatements writer;
    private final StreamNameCache streamNames;

    SqliteLedgerCopier(SqliteStatements writer, StreamNameCache streamNames) {
        this.writer = writer;
        this.streamNames = streamNames;
    }

    /** Copies every event of {@code source}; the caller holds the writer's lock and an open transaction. */
    long copy(EventStore source, String sourceName, String targetName) throws SQLException {
        try (ResultSet any = writer.prepared("SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM streams)")
                .executeQuery()) {
            if (any.next() && any.getBoolean(1)) {
                throw CopiedLedgerCheck.targetNotEmpty(targetName);
            }
        }
        PreparedStatement insertStream = writer.prepared(
                "INSERT INTO streams (stream_id, category) VALUES (?, ?)");
        PreparedStatement insertEvent = writer.prepared("INSERT INTO events (position, event_id, stream_key, version, type,"
                + " schema_version, data, user_name, correlation_id, causation_id, command_name, recorded_at, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        CopiedLedgerCheck check = new CopiedLedgerCheck(sourceName);
        int pending = 0;
        try (EventCursor events = source.readAll(0)) {
            while (events.hasNext()) {
                RecordedEvent event = events.next();
                CopiedStream stream = check.accept(event);
                if (stream.key() == 0) {
                    stream.key(createStream(insertStream, event.streamId()));
                }
                bind(insertEvent, event, stream.key());
                insertEvent.addBatch();
                if (++pending == BATCH) {
                    insertEvent.executeBatch();
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            insertEvent.executeBatch();
        }
        writeHead(check);
        return check.lastPosition();
    }

    private static void bind(PreparedStatement insert, RecordedEvent event, long streamKey) throws SQLException {
        insert.setLong(1, event.position());
        insert.setString(2, event.eventId());
        insert.setLong(3, streamKey);
        insert.setLong(4, event.version());
        insert.setString(5, event.type());
        insert.setInt(6, event.schemaVersion());
        insert.setString(7, event.data());
        insert.setString(8, event.metadata().user());
        insert.setString(9, event.metadata().correlationId());
        insert.setString(10, event.metadata().causationId());
        insert.setString(11, event.metadata().commandName());
        insert.setLong(12, event.recordedAtMicros());
        insert.setBytes(13, CopiedLedgerCheck.hashOf(event));
    }

    private long createStream(PreparedStatement insertStream, StreamId stream) throws SQLException {
        insertStream.setString(1, stream.value());
        insertStream.setString(2, stream.category());
        insertStream.executeUpdate();
        try (ResultSet key = writer.prepared("SELECT last_insert_rowid()").executeQuery()) {
            key.next();
            streamNames.remember(key.getLong(1), stream);
            return key.getLong(1);
        }
    }

    /** The head position; the streams' versions are their events' (ledger schema 3). */
    private void writeHead(CopiedLedgerCheck check) throws SQLException {
        PreparedStatement head = writer.prepared("INSERT INTO ledger_meta (key, value) VALUES ('head_position', ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        head.setString(1, Long.toString(check.lastPosition()));
        head.executeUpdate();
    }
}

package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IdempotentRetry;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bulk's appends (an import), all inside one open transaction of the writer connection. The first
 * append takes the head lock ({@code FOR UPDATE}), which the bulk then holds until it commits or rolls
 * back: every other writer takes the head before it makes a stream or inserts an event, so while the bulk
 * holds it no one else moves the head or a stream, and the bulk keeps both on the client — the head it
 * wrote last, and each stream it touched with its key, version and last position. So an append costs one look-up statement
 * (the streams not touched yet, which it creates when missing, and the event ids stored already) and one
 * {@code COPY} of its events, chained in Java and streamed to the server while the next are hashed; the
 * head is written once, by {@link #finish} before the commit (a stream's version is its last event's). Every check
 * (idempotent retry, expected versions) happens before anything of the append is written, and any failure
 * stops the bulk, which is then rolled back whole ({@code TransactionalBulkAppend}), streams created by
 * the failed look-up included. Not thread-safe; the store serialises calls.
 */
final class PostgresBulkAppender {

    private final Connection connection;
    private final String schema;
    private final Optional<Clock> clock;
    private final EventHashChain hashChain = new EventHashChain();
    /** The head as this bulk left it; null until the first append took the lock. */
    private Head head;
    /** Streams this bulk has touched: key, version, last position (the bulk's own events are visible to it too). */
    private final Map<StreamId, long[]> touched = new LinkedHashMap<>();
    private boolean headMoved;

    PostgresBulkAppender(Connection connection, String schema, Optional<Clock> clock) {
        this.connection = connection;
        this.schema = schema;
        this.clock = clock;
    }

    private record Head(long position, byte[] hash, long recordedAt) {
    }

    /** One append inside the bulk's transaction; throws before writing anything of it when a check fails. */
    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        IdempotentRetry.requireDistinctStreams(appends);
        EventStoreException twice = IdempotentRetry.clash(appends, eventId -> null);
        if (twice != null) {
            throw twice;
        }
        if (head == null) {
            head = lockHead();
        }
        List<NewEvent> all = appends.stream().flatMap(a -> a.events().stream()).toList();
        Map<String, IdempotentRetry.StoredEvent> stored = new HashMap<>();
        long[] serverMicros = new long[1];
        Map<StreamId, long[]> streams = lookUp(appends, all, stored, serverMicros);
        if (!stored.isEmpty()) {
            AppendResult original = IdempotentRetry.original(appends, stored::get, stream -> streams.get(stream)[1]);
            if (original != null) {
                return original;
            }
            throw IdempotentRetry.clash(appends, stored::get);
        }
        PostgresAppender.checkExpectations(appends, streams);
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        if (all.isEmpty()) {
            appends.forEach(append -> versions.put(append.stream(), streams.get(append.stream())[1]));
            return new AppendResult(List.of(), versions, false);
        }
        long recordedAt = Math.max(clock.map(c -> IdempotentRetry.micros(c.instant())).orElse(serverMicros[0]),
                head.recordedAt());
        long position = head.position();
        byte[] previousHash = head.position() == 0 ? EventHashChain.GENESIS : head.hash();
        List<Long> positions = new ArrayList<>(all.size());
        try (EventsCopy copy = EventsCopy.start(connection, schema)) {
            for (StreamAppend append : appends) {
                long[] stream = streams.get(append.stream());
                long version = stream[1];
                for (NewEvent event : append.events()) {
                    position++;
                    version++;
                    byte[] hash = hashChain.link(previousHash, event.eventId(), append.stream().value(), version,
                            event.type(), event.schemaVersion(), recordedAt, event.metadata().user(),
                            event.metadata().correlationId(), event.metadata().causationId(),
                            event.metadata().commandName(), event.data());
                    copy.add(position, event, stream[0], version, recordedAt, previousHash, hash);
                    previousHash = hash;
                    positions.add(position);
                }
                if (!append.events().isEmpty()) {
                    touched.put(append.stream(), new long[] {stream[0], version, position});
                }
                versions.put(append.stream(), version);
            }
            copy.finish();
        }
        head = new Head(position, previousHash, recordedAt);
        headMoved = true;
        return new AppendResult(positions, versions, false);
    }

    /** Writes the head and announces the append, in one statement; to run just before the commit. */
    void finish() throws SQLException {
        if (!headMoved) {
            return;
        }
        PostgresSchema.moveHead(connection, schema, head.position(), head.hash(), head.recordedAt());
        headMoved = false;
    }

    /** Takes the ledger's write lock (held until the transaction ends) and reads the head of the chain. */
    private Head lockHead() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position, hash, recorded_at FROM " + schema
                + ".ledger_head WHERE id = 1 FOR UPDATE");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new EventStoreException("The ledger in schema '" + schema + "' has lost the row of its table"
                        + " ledger_head, which every append needs; it has been tampered with. Nothing was written.");
            }
            Head head = new Head(row.getLong(1), row.getBytes(2), row.getLong(3));
            // a new statement, so a new snapshot: it sees every append committed before the lock was granted
            try (PreparedStatement after = connection.prepareStatement("SELECT max(position) FROM " + schema + ".events"
                    + " WHERE position > ?")) {
                after.setLong(1, head.position());
                try (ResultSet last = after.executeQuery()) {
                    if (last.next() && last.getObject(1) != null) {
                        throw PostgresAppender.headBehind(schema, head.position(), last.getLong(1));
                    }
                }
            }
            return head;
        }
    }

    /**
     * In one statement: creates the streams of the append that hold events and do not exist yet (version 0;
     * a failed check stops the bulk, which rolls them back), reads the key and version of every stream this
     * bulk has not touched yet (the touched ones come from {@link #touched}), fills {@code stored} with the
     * event ids of the append stored already (position, stream, that stream's version) and
     * {@code serverMicros[0]} with the server's clock.
     */
    private Map<StreamId, long[]> lookUp(List<StreamAppend> appends, List<NewEvent> all,
                                         Map<String, IdempotentRetry.StoredEvent> stored, long[] serverMicros)
            throws SQLException {
        Map<StreamId, long[]> streams = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (StreamAppend append : appends) {
            long[] known = touched.get(append.stream());
            if (known != null) {
                streams.put(append.stream(), new long[] {known[0], known[1]});
                continue;
            }
            streams.put(append.stream(), new long[] {0, 0});
            unknown.add(append.stream().value());
            if (!append.events().isEmpty()) {
                toCreate.add(append.stream().value());
                categories.add(append.stream().category());
            }
        }
        String s = schema + ".";
        try (PreparedStatement query = connection.prepareStatement("WITH created AS (INSERT INTO " + s + "stream_names"
                + " (stream_id, category) SELECT id, category FROM unnest(?::text[], ?::text[])"
                + " AS t (id, category) ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id, stream_key)"
                + " SELECT 'S', stream_id, stream_key, 0, NULL FROM created"
                + " UNION ALL SELECT 'S', stream_id, stream_key, version, NULL FROM " + s + "streams WHERE stream_id = ANY (?)"
                + " UNION ALL SELECT 'E', s.stream_id, e.position, s.version, e.event_id FROM " + s + "events e"
                + " JOIN " + s + "streams s ON s.stream_key = e.stream_key WHERE e.event_id = ANY (?)"
                + " UNION ALL SELECT 'T', NULL, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint, 0, NULL")) {
            query.setArray(1, connection.createArrayOf("text", toCreate.toArray()));
            query.setArray(2, connection.createArrayOf("text", categories.toArray()));
            query.setArray(3, connection.createArrayOf("text", unknown.toArray()));
            query.setArray(4, connection.createArrayOf("text", all.stream().map(NewEvent::eventId).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "S" -> streams.put(StreamId.of(rows.getString(2)), new long[] {rows.getLong(3), rows.getLong(4)});
                        case "E" -> {
                            // a stream this bulk touched: its version as the bulk keeps it
                            long[] known = touched.get(StreamId.of(rows.getString(2)));
                            stored.put(rows.getString(5), new IdempotentRetry.StoredEvent(rows.getLong(3), rows.getString(2),
                                    known != null ? known[1] : rows.getLong(4)));
                        }
                        default -> serverMicros[0] = rows.getLong(3);
                    }
                }
            }
        }
        return streams;
    }
}

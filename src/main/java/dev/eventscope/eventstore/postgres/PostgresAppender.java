package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes appends inside a transaction the caller opened. The first statement locks the one row of
 * {@code ledger_head} ({@code FOR UPDATE}); every later statement then sees every append committed
 * before, so the idempotency check, the version checks, the positions (head + 1, + 2, ...) and the
 * hash chain are decided by one writer at a time across all machines, and a rolled-back append
 * leaves no gap. The lock is held only for the few statements of one append (or one bulk).
 * Not thread-safe; the store serialises calls.
 */
final class PostgresAppender {

    private final Connection connection;
    private final String schema;
    private final Optional<Clock> clock;
    private final PostgresHashChain hashChain = new PostgresHashChain();

    PostgresAppender(Connection connection, String schema, Optional<Clock> clock) {
        this.connection = connection;
        this.schema = schema;
        this.clock = clock;
    }

    /** One append inside the open transaction; throws before writing anything when a check fails. */
    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        checkDistinctStreams(appends);
        Head head = lockHead();
        List<NewEvent> all = appends.stream().flatMap(a -> a.events().stream()).toList();
        if (!all.isEmpty()) {
            AppendResult earlier = alreadyStored(appends, all);
            if (earlier != null) {
                return earlier;
            }
        }
        Map<StreamId, long[]> streams = lookUp(appends);
        for (StreamAppend append : appends) {
            long actual = streams.get(append.stream())[1];
            if (!append.expected().isSatisfiedBy(actual)) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), actual);
            }
        }
        if (all.isEmpty()) {
            Map<StreamId, Long> versions = new LinkedHashMap<>();
            appends.forEach(append -> versions.put(append.stream(), streams.get(append.stream())[1]));
            return new AppendResult(List.of(), versions, false);
        }
        createMissingStreams(appends, streams);
        long recordedAt = Math.max(clock.map(c -> micros(c.instant())).orElse(head.serverMicros()), head.recordedAt());
        long position = head.position();
        byte[] previousHash = head.hash();
        List<Long> positions = new ArrayList<>(all.size());
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        try (PreparedStatement insertEvent = connection.prepareStatement("INSERT INTO " + schema + ".events (position,"
                + " event_id, stream_key, version, type, schema_version, data, user_name, correlation_id, causation_id,"
                + " command_name, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement updateStream = connection.prepareStatement(
                     "UPDATE " + schema + ".streams SET version = ?, last_position = ? WHERE stream_key = ?")) {
            for (StreamAppend append : appends) {
                long[] keyAndVersion = streams.get(append.stream());
                long version = keyAndVersion[1];
                for (NewEvent event : append.events()) {
                    position++;
                    version++;
                    byte[] hash = hashChain.link(previousHash, event.eventId(), append.stream().value(), version,
                            event.type(), event.schemaVersion(), recordedAt, event.metadata().user(),
                            event.metadata().correlationId(), event.metadata().causationId(),
                            event.metadata().commandName(), event.data());
                    insertEvent.setLong(1, position);
                    insertEvent.setString(2, event.eventId());
                    insertEvent.setLong(3, keyAndVersion[0]);
                    insertEvent.setLong(4, version);
                    insertEvent.setString(5, event.type());
                    insertEvent.setInt(6, event.schemaVersion());
                    insertEvent.setString(7, event.data());
                    insertEvent.setString(8, event.metadata().user());
                    insertEvent.setString(9, event.metadata().correlationId());
                    insertEvent.setString(10, event.metadata().causationId());
                    insertEvent.setString(11, event.metadata().commandName());
                    insertEvent.setLong(12, recordedAt);
                    insertEvent.setBytes(13, previousHash);
                    insertEvent.setBytes(14, hash);
                    insertEvent.addBatch();
                    previousHash = hash;
                    positions.add(position);
                }
                if (!append.events().isEmpty()) {
                    updateStream.setLong(1, version);
                    updateStream.setLong(2, position);
                    updateStream.setLong(3, keyAndVersion[0]);
                    updateStream.addBatch();
                }
                versions.put(append.stream(), version);
            }
            insertEvent.executeBatch();
            updateStream.executeBatch();
        }
        try (PreparedStatement updateHead = connection.prepareStatement(
                "UPDATE " + schema + ".ledger_head SET position = ?, hash = ?, recorded_at = ? WHERE id = 1")) {
            updateHead.setLong(1, position);
            updateHead.setBytes(2, previousHash);
            updateHead.setLong(3, recordedAt);
            updateHead.executeUpdate();
        }
        return new AppendResult(positions, versions, false);
    }

    private record Head(long position, byte[] hash, long recordedAt, long serverMicros) {
    }

    /** Takes the ledger's write lock (held until the transaction ends) and reads the head of the chain. */
    private Head lockHead() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position, hash, recorded_at,"
                + " (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint FROM " + schema + ".ledger_head"
                + " WHERE id = 1 FOR UPDATE");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new EventStoreException("The ledger in schema '" + schema + "' has lost the row of its table"
                        + " ledger_head, which every append needs; it has been tampered with. Nothing was written.");
            }
            long position = row.getLong(1);
            return new Head(position, position == 0 ? PostgresHashChain.GENESIS : row.getBytes(2), row.getLong(3),
                    row.getLong(4));
        }
    }

    /** The original result when every event id is stored already; null when none is; refuses a mix. */
    private AppendResult alreadyStored(List<StreamAppend> appends, List<NewEvent> all) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (NewEvent event : all) {
            if (!seen.add(event.eventId())) {
                throw new EventStoreException("The event id '" + event.eventId()
                        + "' appears twice in one append. Nothing was written.");
            }
        }
        Map<String, Object[]> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.event_id, e.position, s.stream_id, s.version"
                + " FROM " + schema + ".events e JOIN " + schema + ".streams s ON s.stream_key = e.stream_key"
                + " WHERE e.event_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", all.stream().map(NewEvent::eventId).toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new Object[] {rows.getLong(2), rows.getString(3), rows.getLong(4)});
                }
            }
        }
        if (stored.isEmpty()) {
            return null;
        }
        String firstId = all.get(0).eventId();
        if (!stored.containsKey(firstId)) {
            NewEvent clash = all.stream().filter(event -> stored.containsKey(event.eventId())).findFirst().orElseThrow();
            throw new EventStoreException("The event id '" + clash.eventId() + "' is already stored at position "
                    + stored.get(clash.eventId())[0] + "; a retried append must repeat exactly the same events."
                    + " Nothing was written.");
        }
        List<Long> positions = new ArrayList<>();
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                Object[] found = stored.get(event.eventId());
                if (found == null) {
                    throw new EventStoreException("This append repeats event id '" + firstId
                            + "', which is already stored, but also holds the new event id '" + event.eventId()
                            + "'; a retried append must repeat exactly the same events. Nothing was written.");
                }
                if (!found[1].equals(append.stream().value())) {
                    throw new EventStoreException("Event id '" + event.eventId() + "' is already stored in stream '"
                            + found[1] + "', not in '" + append.stream() + "'. Nothing was written.");
                }
                positions.add((Long) found[0]);
                versions.put(append.stream(), (Long) found[2]);
            }
        }
        for (StreamAppend append : appends) {
            if (!versions.containsKey(append.stream())) {
                versions.put(append.stream(), lookUp(List.of(append)).get(append.stream())[1]);
            }
        }
        return new AppendResult(positions, versions, true);
    }

    /** Each stream's key (0 when it does not exist) and version, in one query. */
    private Map<StreamId, long[]> lookUp(List<StreamAppend> appends) throws SQLException {
        Map<StreamId, long[]> streams = new HashMap<>();
        for (StreamAppend append : appends) {
            streams.put(append.stream(), new long[] {0, 0});
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT stream_id, stream_key, version FROM " + schema + ".streams WHERE stream_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", appends.stream().map(a -> a.stream().value()).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    streams.put(StreamId.of(rows.getString(1)), new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
        }
        return streams;
    }

    private void createMissingStreams(List<StreamAppend> appends, Map<StreamId, long[]> streams) throws SQLException {
        List<StreamId> missing = appends.stream()
                .filter(append -> !append.events().isEmpty() && streams.get(append.stream())[0] == 0)
                .map(StreamAppend::stream).toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".streams"
                + " (stream_id, category, version, last_position) SELECT id, category, 0, 0 FROM unnest(?::text[], ?::text[])"
                + " AS t (id, category) RETURNING stream_id, stream_key")) {
            insert.setArray(1, connection.createArrayOf("text", missing.stream().map(StreamId::value).toArray()));
            insert.setArray(2, connection.createArrayOf("text", missing.stream().map(StreamId::category).toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    streams.get(StreamId.of(rows.getString(1)))[0] = rows.getLong(2);
                }
            }
        }
    }

    private static void checkDistinctStreams(List<StreamAppend> appends) {
        Set<StreamId> streams = new HashSet<>();
        for (StreamAppend append : appends) {
            if (!streams.add(append.stream())) {
                throw new EventStoreException("The stream '" + append.stream()
                        + "' appears twice in one append; give all its events in one part. Nothing was written.");
            }
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}

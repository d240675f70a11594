package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IdempotentRetry;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes appends. Every append first locks the one row of {@code ledger_head} ({@code FOR UPDATE});
 * every later statement then sees every append committed before, so the idempotency check, the version
 * checks, the positions (head + 1, + 2, ...) and the hash chain are decided by one writer at a time
 * across all machines, and a rolled-back append leaves no gap. One command's append is one call of the
 * ledger's {@code append_events} function, which does all of it on the server in one round trip and holds
 * the lock only while it runs ({@link #appendInOneCall}); a bulk's appends chain in Java and are written by
 * {@link PostgresBulkAppender}, which costs the server less per event.
 * Not thread-safe; the store serialises calls.
 */
final class PostgresAppender {

    private final Connection connection;
    private final String schema;
    private final Optional<Clock> clock;

    PostgresAppender(Connection connection, String schema, Optional<Clock> clock) {
        this.connection = connection;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * One append in one round trip: a call of the ledger's {@code append_events} function (see
     * {@link PostgresSchema}), which takes the head lock, checks and writes, or writes nothing when a
     * check fails. With autocommit on, the call is its own transaction.
     */
    AppendResult appendInOneCall(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        IdempotentRetry.requireDistinctStreams(appends);
        List<NewEvent> all = appends.stream().flatMap(a -> a.events().stream()).toList();
        EventStoreException twice = IdempotentRetry.clash(appends, eventId -> null);
        if (twice != null) {
            throw twice;
        }
        Map<String, IdempotentRetry.StoredEvent> stored = new HashMap<>();
        Map<StreamId, long[]> streams = new HashMap<>();
        for (StreamAppend append : appends) {
            streams.put(append.stream(), new long[] {0, 0});
        }
        long firstPosition = call(appends, all, stored, streams);
        if (!stored.isEmpty()) {
            AppendResult original = IdempotentRetry.original(appends, stored::get, stream -> streams.get(stream)[1]);
            if (original != null) {
                return original;
            }
            throw IdempotentRetry.clash(appends, stored::get);
        }
        checkExpectations(appends, streams);
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        if (all.isEmpty()) {
            appends.forEach(append -> versions.put(append.stream(), streams.get(append.stream())[1]));
            return new AppendResult(List.of(), versions, false);
        }
        if (firstPosition == 0) {
            throw new EventStoreException("The ledger in schema '" + schema + "' refused an append whose checks passed here;"
                    + " its function append_events does not match this Eventscope. Nothing was written.");
        }
        List<Long> positions = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            positions.add(firstPosition + i);
        }
        for (StreamAppend append : appends) {
            versions.put(append.stream(), streams.get(append.stream())[1] + append.events().size());
        }
        return new AppendResult(positions, versions, false);
    }

    /**
     * Calls {@code append_events}; fills {@code stored} (event id to position, stream, stream version)
     * and {@code streams} (key and version before the append) and returns the first position written,
     * 0 when nothing was.
     */
    private long call(List<StreamAppend> appends, List<NewEvent> all, Map<String, IdempotentRetry.StoredEvent> stored,
                      Map<StreamId, long[]> streams) throws SQLException {
        int streamCount = appends.size();
        String[] streamIds = new String[streamCount];
        String[] categories = new String[streamCount];
        Long[] expected = new Long[streamCount];
        int count = all.size();
        Integer[] eventStreams = new Integer[count];
        EventColumns columns = new EventColumns(count);
        int row = 0;
        for (int s = 0; s < streamCount; s++) {
            StreamAppend append = appends.get(s);
            streamIds[s] = append.stream().value();
            categories[s] = append.stream().category();
            expected[s] = encode(append.expected());
            for (NewEvent event : append.events()) {
                eventStreams[row] = s + 1;
                columns.put(row, event);
                row++;
            }
        }
        long firstPosition = 0;
        try (PreparedStatement call = connection.prepareStatement("SELECT kind, stream, number, stream_version, event FROM "
                + schema + ".append_events(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int parameter = 1;
            call.setArray(parameter++, connection.createArrayOf("text", streamIds));
            call.setArray(parameter++, connection.createArrayOf("text", categories));
            call.setArray(parameter++, connection.createArrayOf("bigint", expected));
            call.setArray(parameter++, connection.createArrayOf("integer", eventStreams));
            call.setArray(parameter++, connection.createArrayOf("text", columns.eventIds));
            parameter = columns.bind(connection, call, parameter);
            if (clock.isPresent()) {
                call.setLong(parameter, IdempotentRetry.micros(clock.get().instant()));
            } else {
                call.setNull(parameter, Types.BIGINT);
            }
            try (ResultSet rows = call.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "S" -> streams.put(StreamId.of(rows.getString(2)), new long[] {rows.getLong(3), rows.getLong(4)});
                        case "E" -> stored.put(rows.getString(5), new IdempotentRetry.StoredEvent(rows.getLong(3), rows.getString(2),
                                rows.getLong(4)));
                        case "W" -> firstPosition = rows.getLong(3);
                        case "L" -> throw new EventStoreException("The ledger in schema '" + schema + "' has lost the row of"
                                + " its table ledger_head, which every append needs; it has been tampered with. Nothing was written.");
                        case "B" -> throw PostgresAppender.headBehind(schema, rows.getLong(4), rows.getLong(3));
                        default -> throw new IllegalStateException("unhandled answer of append_events: " + rows.getString(1));
                    }
                }
            }
        }
        return firstPosition;
    }

    /**
     * The refusal of an append to a ledger whose head row was moved back behind its last event outside Eventscope (a
     * writer's own SQL, or an owner's): the events after it stay, and every append refuses until the head is put back.
     */
    static EventStoreException headBehind(String schema, long head, long lastEvent) {
        return new EventStoreException("The ledger in schema '" + schema + "' records its head at position " + head
                + ", but its events go on to position " + lastEvent + ": its table ledger_head was moved back outside"
                + " Eventscope, so it has been tampered with. Nothing was written; eventscope verify names it, and the"
                + " ledger's owner can put the head back on its last event (docs/postgresql.md, \"Schema version 3\").");
    }

    /** An expected version as {@code append_events} takes it: -1 any, -2 an existing stream, else the exact version (0 none). */
    private static long encode(ExpectedVersion expected) {
        if (expected instanceof ExpectedVersion.Any) {
            return -1;
        } else if (expected instanceof ExpectedVersion.StreamExists) {
            return -2;
        } else if (expected instanceof ExpectedVersion.NoStream) {
            return 0;
        } else if (expected instanceof ExpectedVersion.Exact exact) {
            return exact.version();
        }
        throw new IllegalStateException("unhandled expected version " + expected);
    }

    /** The columns of the new events that both ways of writing send as arrays, in the order of the events. */
    private static final class EventColumns {
        final String[] eventIds;
        final String[] types;
        final Integer[] schemaVersions;
        final String[] data;
        final String[] users;
        final String[] correlationIds;
        final String[] causationIds;
        final String[] commandNames;

        EventColumns(int count) {
            eventIds = new String[count];
            types = new String[count];
            schemaVersions = new Integer[count];
            data = new String[count];
            users = new String[count];
            correlationIds = new String[count];
            causationIds = new String[count];
            commandNames = new String[count];
        }

        void put(int row, NewEvent event) {
            eventIds[row] = event.eventId();
            types[row] = event.type();
            schemaVersions[row] = event.schemaVersion();
            data[row] = event.data();
            users[row] = event.metadata().user();
            correlationIds[row] = event.metadata().correlationId();
            causationIds[row] = event.metadata().causationId();
            commandNames[row] = event.metadata().commandName();
        }

        /** Binds type, schema version, data, user, correlation, causation and command name from {@code parameter} on. */
        int bind(Connection connection, PreparedStatement statement, int parameter) throws SQLException {
            int next = parameter;
            statement.setArray(next++, connection.createArrayOf("text", types));
            statement.setArray(next++, connection.createArrayOf("integer", schemaVersions));
            statement.setArray(next++, connection.createArrayOf("text", data));
            statement.setArray(next++, connection.createArrayOf("text", users));
            statement.setArray(next++, connection.createArrayOf("text", correlationIds));
            statement.setArray(next++, connection.createArrayOf("text", causationIds));
            statement.setArray(next++, connection.createArrayOf("text", commandNames));
            return next;
        }
    }

    /** Throws {@link ConcurrencyConflict} for the first stream whose version (in {@code streams}) its append does not expect. */
    static void checkExpectations(List<StreamAppend> appends, Map<StreamId, long[]> streams) throws ConcurrencyConflict {
        for (StreamAppend append : appends) {
            long actual = streams.get(append.stream())[1];
            if (!append.expected().isSatisfiedBy(actual)) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), actual);
            }
        }
    }
}

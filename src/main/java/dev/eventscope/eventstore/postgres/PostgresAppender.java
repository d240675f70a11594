package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * Writes appends through the ledger's {@code append_events} function, one round trip each. The
 * function first locks the one row of {@code ledger_head} ({@code FOR UPDATE}); every later statement
 * of it then sees every append committed before, so the idempotency check, the version checks, the
 * positions (head + 1, + 2, ...) and the hash chain are decided by one writer at a time across all
 * machines, and a rolled-back append leaves no gap. The lock is held only while the function runs
 * (or, in a bulk, until the bulk's transaction ends). Not thread-safe; the store serialises calls.
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
     * check fails. With autocommit on the call is its own transaction; in a bulk it joins the open one.
     */
    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        checkDistinctStreams(appends);
        List<NewEvent> all = appends.stream().flatMap(a -> a.events().stream()).toList();
        checkDistinctEventIds(all);
        Map<String, Object[]> stored = new HashMap<>();
        Map<StreamId, long[]> streams = new HashMap<>();
        for (StreamAppend append : appends) {
            streams.put(append.stream(), new long[] {0, 0});
        }
        long firstPosition = call(appends, all, stored, streams);
        if (!stored.isEmpty()) {
            return alreadyStored(appends, all, stored, streams);
        }
        for (StreamAppend append : appends) {
            long actual = streams.get(append.stream())[1];
            if (!append.expected().isSatisfiedBy(actual)) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), actual);
            }
        }
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
    private long call(List<StreamAppend> appends, List<NewEvent> all, Map<String, Object[]> stored,
                      Map<StreamId, long[]> streams) throws SQLException {
        int streamCount = appends.size();
        String[] streamIds = new String[streamCount];
        String[] categories = new String[streamCount];
        Long[] expected = new Long[streamCount];
        int count = all.size();
        Integer[] eventStreams = new Integer[count];
        String[] eventIds = new String[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        String[] data = new String[count];
        String[] users = new String[count];
        String[] correlationIds = new String[count];
        String[] causationIds = new String[count];
        String[] commandNames = new String[count];
        int row = 0;
        for (int s = 0; s < streamCount; s++) {
            StreamAppend append = appends.get(s);
            streamIds[s] = append.stream().value();
            categories[s] = append.stream().category();
            expected[s] = encode(append.expected());
            for (NewEvent event : append.events()) {
                eventStreams[row] = s + 1;
                eventIds[row] = event.eventId();
                types[row] = event.type();
                schemaVersions[row] = event.schemaVersion();
                data[row] = event.data();
                users[row] = event.metadata().user();
                correlationIds[row] = event.metadata().correlationId();
                causationIds[row] = event.metadata().causationId();
                commandNames[row] = event.metadata().commandName();
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
            call.setArray(parameter++, connection.createArrayOf("text", eventIds));
            call.setArray(parameter++, connection.createArrayOf("text", types));
            call.setArray(parameter++, connection.createArrayOf("integer", schemaVersions));
            call.setArray(parameter++, connection.createArrayOf("text", data));
            call.setArray(parameter++, connection.createArrayOf("text", users));
            call.setArray(parameter++, connection.createArrayOf("text", correlationIds));
            call.setArray(parameter++, connection.createArrayOf("text", causationIds));
            call.setArray(parameter++, connection.createArrayOf("text", commandNames));
            if (clock.isPresent()) {
                call.setLong(parameter, micros(clock.get().instant()));
            } else {
                call.setNull(parameter, Types.BIGINT);
            }
            try (ResultSet rows = call.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "S" -> streams.put(StreamId.of(rows.getString(2)), new long[] {rows.getLong(3), rows.getLong(4)});
                        case "E" -> stored.put(rows.getString(5), new Object[] {rows.getLong(3), rows.getString(2), rows.getLong(4)});
                        case "W" -> firstPosition = rows.getLong(3);
                        case "L" -> throw new EventStoreException("The ledger in schema '" + schema + "' has lost the row of"
                                + " its table ledger_head, which every append needs; it has been tampered with. Nothing was written.");
                        default -> throw new IllegalStateException("unhandled answer of append_events: " + rows.getString(1));
                    }
                }
            }
        }
        return firstPosition;
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

    /** The original result when every event id of the append is stored already; refuses a mix of stored and new ids. */
    private static AppendResult alreadyStored(List<StreamAppend> appends, List<NewEvent> all, Map<String, Object[]> stored,
                                              Map<StreamId, long[]> streams) {
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
            versions.putIfAbsent(append.stream(), streams.get(append.stream())[1]);
        }
        return new AppendResult(positions, versions, true);
    }

    /** Refuses an event id given twice in the append. */
    private static void checkDistinctEventIds(List<NewEvent> all) {
        Set<String> seen = new HashSet<>();
        for (NewEvent event : all) {
            if (!seen.add(event.eventId())) {
                throw new EventStoreException("The event id '" + event.eventId()
                        + "' appears twice in one append. Nothing was written.");
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

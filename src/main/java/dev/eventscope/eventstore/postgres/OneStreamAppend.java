package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.EventHashChain;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The common append, the events of one command to one stream, as one plain SQL statement (no PL/pgSQL):
 * one round trip, one short transaction with autocommit, and a plan the server prepares once per
 * connection. No stream row moves: a stream's version is its last event's, and the unique key
 * {@code (stream_key, version)} lets each version be written once. One event to a stream expected at an
 * exact version (or not made yet) is the shortest statement ({@link #headFirst}): the update that moves the
 * head locks it (in READ COMMITTED on the newest committed head, even when another writer moved it while
 * this one waited) and chains the event's hash from it in its {@code SET}. Other one-stream appends lock the
 * head first ({@code FOR UPDATE}), read the stream's version, and chain their events from the locked head.
 * The hashes are computed on the server with one {@code sha256} per event over the event's canonical
 * encoding, which the client sends cut where the version and the recorded time go
 * ({@link EventHashChain#parts}). Everything the statement could not decide alone — a version not met, a
 * stream made or moved by another writer meanwhile, an event id stored already (a unique key or the
 * stream key's {@code NOT NULL} refuses the row, and the whole statement rolls back), a lost head row —
 * writes nothing, and the caller then asks {@code append_events}, which answers each of those exactly
 * (conflict, idempotent retry, tampering). Measured in docs/postgresql.md.
 */
final class OneStreamAppend {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NOT_NULL_VIOLATION = "23502";

    private final Connection connection;
    private final String schema;
    private final Optional<Clock> clock;
    private final EventHashChain hashChain = new EventHashChain();
    private final String createStream;
    private final String moveStream;
    private final String createStreamWithOne;
    private final String moveStreamByOne;
    private final String firstEvent;
    private final String nextEvent;
    private final String nextEventByKey;
    private final String nextEventOfWritten;
    /**
     * Each statement's object, made at its first use and kept with the connection (session 22: a new
     * {@code PreparedStatement} per append cost the appending thread pgjdbc's statement cache look-up, a new
     * parameter list and statement object, and their release at close; the server-side statement was the same).
     * Every execution binds every parameter of its statement anew; closing the connection closes them.
     */
    private final java.util.EnumMap<Variant, PreparedStatement> prepared = new java.util.EnumMap<>(Variant.class);
    /**
     * Per stream met by the one-event statement, its key (a key names its stream forever, so it saves the name's
     * look-up) and the highest version this writer wrote to it. Events are never removed, so that version exists
     * for good: an append expected at it or below needs no probe that the expected version exists ({@link
     * Key#WRITTEN}); if the stream has moved past it, the unique key {@code (stream_key, version)} refuses the row.
     */
    private final Map<StreamId, Met> met = new HashMap<>();

    /** A stream's key and the highest version this writer wrote to it. */
    private record Met(long key, long written) {
    }

    OneStreamAppend(Connection connection, String schema, Optional<Clock> clock) {
        this.connection = connection;
        this.schema = schema;
        this.clock = clock;
        this.createStream = manyEvents(true);
        this.moveStream = manyEvents(false);
        this.createStreamWithOne = oneEvent(true);
        this.moveStreamByOne = oneEvent(false);
        this.firstEvent = headFirst(Key.NEW);
        this.nextEvent = headFirst(Key.BY_NAME);
        this.nextEventByKey = headFirst(Key.KNOWN);
        this.nextEventOfWritten = headFirst(Key.WRITTEN);
    }

    /** Whether this appends through {@code connection} (a new writer connection needs a new one). */
    boolean uses(Connection connection) {
        return this.connection == connection;
    }

    /** Whether this statement can take the append: one stream, at least one event, each event id once. */
    static boolean takes(List<StreamAppend> appends) {
        if (appends.size() != 1 || appends.get(0).events().isEmpty()) {
            return false;
        }
        List<NewEvent> events = appends.get(0).events();
        return events.size() == 1 || events.stream().map(NewEvent::eventId).distinct().count() == events.size();
    }

    /**
     * Appends with autocommit on, or returns null having written nothing when a check failed or an event
     * id is stored already, for {@code append_events} to answer.
     */
    AppendResult tryAppend(StreamAppend append) throws SQLException {
        List<NewEvent> events = append.events();
        int count = events.size();
        boolean single = count == 1;
        boolean newStream = append.expected() instanceof ExpectedVersion.NoStream;
        long expected = append.expected() instanceof ExpectedVersion.Exact exact ? exact.version() : -1;
        boolean headFirst = single && (newStream || expected > 0);
        Met known = headFirst && !newStream ? met.get(append.stream()) : null;
        Long key = known != null ? known.key() : null;
        boolean written = known != null && expected <= known.written();
        Variant variant = headFirst
                ? (newStream ? Variant.FIRST_EVENT : written ? Variant.NEXT_EVENT_OF_WRITTEN : key != null ? Variant.NEXT_EVENT_BY_KEY
                        : Variant.NEXT_EVENT)
                : single ? (newStream ? Variant.CREATE_STREAM_WITH_ONE : Variant.MOVE_STREAM_BY_ONE)
                        : (newStream ? Variant.CREATE_STREAM : Variant.MOVE_STREAM);
        try {
            PreparedStatement statement = statement(variant);
            if (headFirst) {
                bindHeadFirst(statement, append.stream(), key, newStream ? 0 : expected, written, events.get(0));
            } else {
                int parameter = bindClock(statement, 1);
                statement.setString(parameter++, append.stream().value());
                if (newStream) {
                    statement.setString(parameter++, append.stream().category());
                } else {
                    statement.setLong(parameter++, expected);
                    statement.setLong(parameter++, expected);
                }
                if (single) {
                    bindOne(statement, parameter, append.stream().value(), events.get(0));
                } else {
                    bindMany(statement, parameter, append.stream().value(), events);
                }
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long before;
                long first;
                if (headFirst) {
                    // the one-event statement returns the event's position and stream key
                    before = newStream ? 0 : expected;
                    first = row.getLong(1);
                    if (met.size() >= 100_000) {
                        met.clear();
                    }
                    met.put(append.stream(), new Met(row.getLong(2), Math.max(before + 1, known != null ? known.written() : 0)));
                    return new AppendResult(List.of(first), Map.of(append.stream(), before + 1), false);
                } else {
                    before = row.getLong(1);
                    first = row.getLong(2);
                }
                List<Long> positions = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    positions.add(first + i);
                }
                return new AppendResult(positions, Map.of(append.stream(), before + count), false);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) || NOT_NULL_VIOLATION.equals(e.getSQLState())) {
                // an event id or the stream's next version stored already, or no stream to append to as expected:
                // the statement rolled back whole
                return null;
            }
            throw e;
        }
    }

    /** The statement of {@code variant} on this connection, prepared at its first use. */
    private PreparedStatement statement(Variant variant) throws SQLException {
        PreparedStatement statement = prepared.get(variant);
        if (statement == null) {
            statement = connection.prepareStatement(switch (variant) {
                case FIRST_EVENT -> firstEvent;
                case NEXT_EVENT -> nextEvent;
                case NEXT_EVENT_BY_KEY -> nextEventByKey;
                case NEXT_EVENT_OF_WRITTEN -> nextEventOfWritten;
                case CREATE_STREAM_WITH_ONE -> createStreamWithOne;
                case MOVE_STREAM_BY_ONE -> moveStreamByOne;
                case CREATE_STREAM -> createStream;
                case MOVE_STREAM -> moveStream;
            });
            prepared.put(variant, statement);
        }
        return statement;
    }

    /** The statements this class runs: the one-event statement by where it finds its key, and the general ones. */
    private enum Variant {
        FIRST_EVENT, NEXT_EVENT, NEXT_EVENT_BY_KEY, NEXT_EVENT_OF_WRITTEN, CREATE_STREAM_WITH_ONE, MOVE_STREAM_BY_ONE,
        CREATE_STREAM, MOVE_STREAM
    }

    private int bindClock(PreparedStatement statement, int parameter) throws SQLException {
        if (clock.isPresent()) {
            statement.setLong(parameter, dev.eventscope.eventstore.IdempotentRetry.micros(clock.get().instant()));
        } else {
            statement.setNull(parameter, Types.BIGINT);
        }
        return parameter + 1;
    }

    /** The parameters of {@link #headFirst}: the event goes to version {@code before + 1}. */
    private void bindHeadFirst(PreparedStatement statement, StreamId stream, Long key, long before, boolean written,
                               NewEvent event) throws SQLException {
        byte[][] parts = parts(stream.value(), event);
        int parameter = 1;
        statement.setBytes(parameter++, parts[0]);
        statement.setLong(parameter++, before + 1);
        statement.setBytes(parameter++, parts[1]);
        parameter = bindFixedClock(statement, parameter);
        statement.setBytes(parameter++, parts[2]);
        parameter = bindFixedClock(statement, parameter);
        if (before == 0) {
            statement.setString(parameter++, stream.value());
            statement.setString(parameter++, stream.category());
            statement.setString(parameter++, event.eventId());
        } else {
            statement.setString(parameter++, event.eventId());
            if (written) {
                statement.setLong(parameter++, key);
            } else {
                if (key != null) {
                    statement.setLong(parameter++, key);
                    statement.setLong(parameter++, key);
                } else {
                    statement.setString(parameter++, stream.value());
                }
                statement.setLong(parameter++, before);
            }
        }
        statement.setLong(parameter++, before + 1);
        bindColumns(statement, parameter, event);
    }

    /** The fixed clock's time, where a clock is given ({@link #headFirst} then has a parameter for it). */
    private int bindFixedClock(PreparedStatement statement, int parameter) throws SQLException {
        if (clock.isEmpty()) {
            return parameter;
        }
        statement.setLong(parameter, dev.eventscope.eventstore.IdempotentRetry.micros(clock.get().instant()));
        return parameter + 1;
    }

    /** The event's columns from its type to its command name; returns the next parameter's index. */
    private static int bindColumns(PreparedStatement statement, int from, NewEvent event) throws SQLException {
        int parameter = from;
        statement.setString(parameter++, event.type());
        statement.setInt(parameter++, event.schemaVersion());
        statement.setString(parameter++, event.data());
        statement.setString(parameter++, event.metadata().user());
        statement.setString(parameter++, event.metadata().correlationId());
        statement.setString(parameter++, event.metadata().causationId());
        statement.setString(parameter++, event.metadata().commandName());
        return parameter;
    }

    private byte[][] parts(String stream, NewEvent event) {
        return hashChain.parts(event.eventId(), stream, event.type(), event.schemaVersion(), event.metadata().user(),
                event.metadata().correlationId(), event.metadata().causationId(), event.metadata().commandName(), event.data());
    }

    /** One event's encoding parts and columns as plain parameters. */
    private void bindOne(PreparedStatement statement, int from, String stream, NewEvent event) throws SQLException {
        statement.setString(from, event.eventId());
        int parameter = bindColumns(statement, from + 1, event);
        for (byte[] part : parts(stream, event)) {
            statement.setBytes(parameter++, part);
        }
    }

    /** The events' encoding parts and columns as arrays, one element per event. */
    private void bindMany(PreparedStatement statement, int from, String stream, List<NewEvent> events) throws SQLException {
        int count = events.size();
        String[][] text = new String[7][count];
        Integer[] schemaVersions = new Integer[count];
        byte[][][] parts = new byte[3][count][];
        for (int i = 0; i < count; i++) {
            NewEvent event = events.get(i);
            text[0][i] = event.eventId();
            text[1][i] = event.type();
            text[2][i] = event.data();
            text[3][i] = event.metadata().user();
            text[4][i] = event.metadata().correlationId();
            text[5][i] = event.metadata().causationId();
            text[6][i] = event.metadata().commandName();
            schemaVersions[i] = event.schemaVersion();
            byte[][] cut = parts(stream, event);
            for (int part = 0; part < 3; part++) {
                parts[part][i] = cut[part];
            }
        }
        int parameter = from;
        for (byte[][] part : parts) {
            statement.setArray(parameter++, connection.createArrayOf("bytea", part));
        }
        statement.setInt(parameter++, count);
        statement.setArray(parameter++, connection.createArrayOf("text", text[0]));
        statement.setArray(parameter++, connection.createArrayOf("text", text[1]));
        statement.setArray(parameter++, connection.createArrayOf("integer", schemaVersions));
        for (int column = 2; column < 7; column++) {
            statement.setArray(parameter++, connection.createArrayOf("text", text[column]));
        }
        statement.setInt(parameter++, count);
        statement.setInt(parameter++, count);
        statement.setInt(parameter, count);
    }

    /** The head, locked; in READ COMMITTED the newest committed one even when another writer moved it meanwhile. */
    private String head() {
        return "head AS (SELECT h.position,"
                + " CASE WHEN h.position = 0 THEN '\\x" + "00".repeat(32) + "'::bytea ELSE h.hash END AS hash,"
                + " greatest(coalesce(?::bigint, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint), h.recorded_at)"
                + " AS stamp FROM " + schema + ".ledger_head h WHERE h.id = 1 FOR UPDATE),";
    }

    /**
     * The stream's step; {@code newStream} makes it (expected: none), else finds it with its version, its last
     * event's. That version is read in the statement's snapshot, taken before the head lock was granted: when
     * another writer appended to the stream meanwhile, the next version is stored already, its unique key refuses
     * the row and the statement rolls back whole.
     */
    private String stream(boolean newStream) {
        String s = schema + ".";
        return newStream
                // the head is read (and locked) before the stream is made: every writer takes the head first, so two
                // writers never wait for each other the other way round
                ? "stream AS (INSERT INTO " + s + "stream_names (stream_id, category) SELECT ?, ? FROM head"
                        + " ON CONFLICT (stream_id) DO NOTHING RETURNING stream_key, 0::bigint AS before),"
                : "stream AS (SELECT t.stream_key, coalesce(l.version, 0) AS before FROM head, " + s + "stream_names t"
                        + " LEFT JOIN LATERAL (SELECT e.version FROM " + s + "events e WHERE e.stream_key = t.stream_key"
                        + " ORDER BY e.version DESC LIMIT 1) l ON true"
                        + " WHERE t.stream_id = ? AND (?::bigint < 0 OR coalesce(l.version, 0) = ?::bigint)),";
    }

    /** The recorded time: the clock's (or the server's at the statement's start), never before the head's. */
    private static String stamp(String head) {
        return "greatest(coalesce(?::bigint, (EXTRACT(EPOCH FROM statement_timestamp()) * 1000000)::bigint), " + head + ")";
    }

    /**
     * One event to version {@code before + 1} of a stream that is expected at exactly {@code before} (0: not made
     * yet), in the fewest plan nodes and the shortest text (the server copies a statement's text at every execution):
     * the head row is locked by the update that moves it, which computes the event's hash from the head's in its
     * {@code SET} (the version is known without reading the stream) and keeps the hash it moved from in
     * {@code prev_hash}, for {@code RETURNING} to give the insert; the insert returns the event's position and stream
     * key, and announces it. The stream's key comes from the stream it makes, its name, or this writer's memory of
     * keys it met (one index probe less). A stream not there as expected gives the event no stream key, a version or
     * an event id stored already a duplicate key: either fails the statement, which then wrote nothing. Only a new
     * stream's event can be the ledger's first: a stream at a version above 0 has events, so the head's hash is a
     * real one and needs no case for the empty ledger.
     */
    private String headFirst(Key by) {
        String s = schema + ".";
        boolean newStream = by == Key.NEW;
        String previous = newStream ? "CASE WHEN h.position = 0 THEN '\\x" + "00".repeat(32) + "'::bytea ELSE h.hash END" : "h.hash";
        // the recorded time: the fixed clock's or the server's at the statement's start, never before the head's
        String stamp = "greatest(" + (clock.isPresent() ? "?::bigint" : "(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000)::bigint")
                + ", h.recorded_at)";
        String key = switch (by) {
            case NEW -> "(SELECT c.stream_key FROM c)";
            case BY_NAME -> "(SELECT t.stream_key FROM " + s + "stream_names t WHERE t.stream_id = ? AND EXISTS (SELECT FROM "
                    + s + "events e WHERE e.stream_key = t.stream_key AND e.version = ?::bigint))";
            case KNOWN -> "(SELECT ?::bigint WHERE EXISTS (SELECT FROM " + s + "events e WHERE e.stream_key = ?::bigint"
                    + " AND e.version = ?::bigint))";
            case WRITTEN -> "?::bigint";
        };
        return "WITH m AS (UPDATE " + s + "ledger_head h SET position = h.position + 1, prev_hash = " + previous + ","
                + " hash = sha256(" + previous + " || ?::bytea || int8send(?::bigint) || ?::bytea || int8send(" + stamp
                // the head through its primary key, not a sequential scan (session 21: 2-3 µs cheaper on a ledger whose head is
                // one page, but a snapshot held elsewhere lets the head's dead versions fill pages that a scan then reads at
                // every append, and the table does not shrink; the index skips them once they are dead to all)
                + ") || ?::bytea), recorded_at = " + stamp + " WHERE h.id = 1 RETURNING h.position, h.prev_hash, h.hash, h.recorded_at)"
                + (newStream ? ", c AS (INSERT INTO " + s + "stream_names (stream_id, category) SELECT ?, ? FROM m"
                        + " ON CONFLICT (stream_id) DO NOTHING RETURNING stream_key)" : "")
                + " INSERT INTO " + s + "events" + COLUMNS + " SELECT m.position, ?, " + key + ", ?::bigint,"
                + " ?, ?::integer, ?, ?, ?, ?, ?, m.recorded_at, m.prev_hash, m.hash FROM m"
                + " RETURNING position, stream_key, " + PostgresSchema.announce(schema, "position");
    }

    /**
     * Where the one-event statement finds its stream's key: a stream it makes, the stream's name, a key met before
     * (each with the expected version's probe), or a key met before of a stream expected at a version this writer
     * wrote, which exists for good (no probe).
     */
    private enum Key { NEW, BY_NAME, KNOWN, WRITTEN }

    private static final String COLUMNS = " (position, event_id, stream_key, version, type, schema_version, data, user_name,"
            + " correlation_id, causation_id, command_name, recorded_at, prev_hash, hash)";

    /** One event: no recursion, no arrays (a smaller plan: about a third less server CPU than the general form). */
    private String oneEvent(boolean newStream) {
        String s = schema + ".";
        return "WITH " + head() + stream(newStream)
                + " inserted AS (INSERT INTO " + s + "events" + COLUMNS
                + " SELECT head.position + 1, ?, st.stream_key, st.before + 1, ?, ?::integer, ?, ?, ?, ?, ?, head.stamp, head.hash,"
                + " sha256(head.hash || ?::bytea || int8send(st.before + 1) || ?::bytea || int8send(head.stamp) || ?::bytea)"
                + " FROM head, stream st RETURNING hash),"
                + " moved AS (UPDATE " + s + "ledger_head h SET position = head.position + 1, hash = i.hash,"
                + " recorded_at = head.stamp FROM head, inserted i WHERE h.id = 1)"
                + " SELECT st.before, head.position + 1, " + PostgresSchema.announce(schema, "head.position + 1") + " FROM stream st, head";
    }

    /** Several events: the chain by a recursive step over the events' encoding parts. */
    private String manyEvents(boolean newStream) {
        String s = schema + ".";
        return "WITH RECURSIVE " + head() + stream(newStream)
                + " chain (i, hash) AS (SELECT 0, head.hash FROM head UNION ALL SELECT c.i + 1, sha256(c.hash"
                + " || (?::bytea[])[c.i + 1] || int8send(st.before + c.i + 1) || (?::bytea[])[c.i + 1]"
                + " || int8send(head.stamp) || (?::bytea[])[c.i + 1]) FROM chain c, stream st, head WHERE c.i < ?::integer),"
                + " inserted AS (INSERT INTO " + s + "events" + COLUMNS
                + " SELECT head.position + e.i, e.id, st.stream_key, st.before + e.i, e.t, e.sv, e.d, e.u, e.co, e.ca, e.cm,"
                + " head.stamp, p.hash, c.hash FROM unnest(?::text[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) WITH ORDINALITY AS e (id, t, sv, d, u, co, ca, cm, i)"
                + " JOIN chain c ON c.i = e.i JOIN chain p ON p.i = e.i - 1 CROSS JOIN stream st CROSS JOIN head),"
                + " moved AS (UPDATE " + s + "ledger_head h SET position = head.position + ?::integer, hash = c.hash,"
                + " recorded_at = head.stamp FROM head, stream st, chain c WHERE h.id = 1 AND c.i = ?::integer)"
                + " SELECT st.before, head.position + 1, " + PostgresSchema.announce(schema, "head.position + ?::integer")
                + " FROM stream st, head";
    }
}

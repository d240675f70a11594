package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The common append, the events of one command to one stream, as one plain SQL statement (no PL/pgSQL):
 * one round trip, one short transaction with autocommit, and a plan the server prepares once per
 * connection. The statement takes the head lock first ({@code FOR UPDATE}, which in READ COMMITTED returns
 * the newest head even when another writer committed meanwhile), then moves the stream forward with an
 * {@code UPDATE ... WHERE version = expected} (or creates it with {@code ON CONFLICT DO NOTHING}), which
 * re-checks the newest stream row as well; the events' positions follow the locked head, and their hashes
 * are chained on the server from the locked head's hash with one {@code sha256} per event over the event's
 * canonical encoding, which the client sends cut where the version and the recorded time go
 * ({@link EventHashChain#parts}). Everything the statement could not decide alone — a version not met, a
 * stream created by another writer meanwhile, an event id stored already (the unique key refuses it, and
 * the whole statement rolls back), a lost head row — writes nothing and returns no row, and the caller
 * then asks {@code append_events}, which answers each of those exactly (conflict, idempotent retry,
 * tampering). Measured in docs/postgresql.md: the server's CPU per one-event append fell from about
 * 290 µs with {@code append_events} to the figure there.
 */
final class OneStreamAppend {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final String schema;
    private final Optional<Clock> clock;
    private final EventHashChain hashChain = new EventHashChain();
    private final String createStream;
    private final String moveStream;
    private final String createStreamWithOne;
    private final String moveStreamByOne;

    OneStreamAppend(Connection connection, String schema, Optional<Clock> clock) {
        this.connection = connection;
        this.schema = schema;
        this.clock = clock;
        this.createStream = manyEvents(true);
        this.moveStream = manyEvents(false);
        this.createStreamWithOne = oneEvent(true);
        this.moveStreamByOne = oneEvent(false);
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
        return events.stream().map(NewEvent::eventId).distinct().count() == events.size();
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
        try (PreparedStatement statement = connection.prepareStatement(single ? (newStream ? createStreamWithOne : moveStreamByOne)
                : (newStream ? createStream : moveStream))) {
            int parameter = 1;
            if (clock.isPresent()) {
                statement.setLong(parameter++, dev.eventscope.eventstore.IdempotentRetry.micros(clock.get().instant()));
            } else {
                statement.setNull(parameter++, Types.BIGINT);
            }
            if (newStream) {
                statement.setString(parameter++, append.stream().value());
                statement.setString(parameter++, append.stream().category());
                statement.setInt(parameter++, count);
                statement.setInt(parameter++, count);
            } else {
                long expected = append.expected() instanceof ExpectedVersion.Exact exact ? exact.version() : -1;
                statement.setInt(parameter++, count);
                statement.setInt(parameter++, count);
                statement.setString(parameter++, append.stream().value());
                statement.setLong(parameter++, expected);
                statement.setLong(parameter++, expected);
                statement.setInt(parameter++, count);
            }
            if (single) {
                bindOne(statement, parameter, append.stream().value(), events.get(0));
            } else {
                bindMany(statement, parameter, append.stream().value(), events);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long before = row.getLong(1);
                long first = row.getLong(2);
                List<Long> positions = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    positions.add(first + i);
                }
                return new AppendResult(positions, Map.of(append.stream(), before + count), false);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return null; // an event id stored already: the statement rolled back whole
            }
            throw e;
        }
    }

    private byte[][] parts(String stream, NewEvent event) {
        return hashChain.parts(event.eventId(), stream, event.type(), event.schemaVersion(), event.metadata().user(),
                event.metadata().correlationId(), event.metadata().causationId(), event.metadata().commandName(), event.data());
    }

    /** One event's encoding parts and columns as plain parameters. */
    private void bindOne(PreparedStatement statement, int from, String stream, NewEvent event) throws SQLException {
        int parameter = from;
        statement.setString(parameter++, event.eventId());
        statement.setString(parameter++, event.type());
        statement.setInt(parameter++, event.schemaVersion());
        statement.setString(parameter++, event.data());
        statement.setString(parameter++, event.metadata().user());
        statement.setString(parameter++, event.metadata().correlationId());
        statement.setString(parameter++, event.metadata().causationId());
        statement.setString(parameter++, event.metadata().commandName());
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

    /** The stream's step; {@code newStream} creates it (expected: none), else moves an existing one forward. */
    private String stream(boolean newStream) {
        String s = schema + ".";
        return newStream
                ? "stream AS (INSERT INTO " + s + "streams (stream_id, category, version, last_position)"
                        + " SELECT ?, ?, ?::integer, head.position + ?::integer FROM head ON CONFLICT (stream_id) DO NOTHING"
                        + " RETURNING stream_key, 0::bigint AS before),"
                // the head is read (and locked) while the new row is computed, before the stream's row is locked:
                // every writer takes the head first, so two writers never wait for each other the other way round
                : "stream AS (UPDATE " + s + "streams t SET version = t.version + ?::integer,"
                        + " last_position = (SELECT position FROM head) + ?::integer"
                        + " WHERE t.stream_id = ? AND (?::bigint < 0 OR t.version = ?::bigint)"
                        + " RETURNING t.stream_key, t.version - ?::integer AS before),";
    }

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

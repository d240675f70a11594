package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.EventStore.StampSink;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reading side of {@link PostgresEventStore}: streams, pages, whole-ledger cursors (each on a
 * connection of its own), stream listings and snapshots, all through the store's shared reader
 * connection or a server-side cursor. Every method throws {@link EventStoreException} with one sentence.
 */
final class PostgresReads {

    private final PostgresLedgerUrl url;
    private final PostgresOptions options;
    private final SharedReader reader;
    private final StreamNames streamNames;
    private final Runnable ensureOpen;

    PostgresReads(PostgresLedgerUrl url, PostgresOptions options, SharedReader reader, Runnable ensureOpen) {
        this.url = url;
        this.options = options;
        this.reader = reader;
        this.streamNames = new StreamNames(reader, url.schema());
        this.ensureOpen = ensureOpen;
    }

    List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        String order = direction == Direction.FORWARD ? "e.version >= ? ORDER BY e.version ASC" : "e.version <= ? ORDER BY e.version DESC";
        return read("read the stream '" + stream + "' of", "SELECT " + columns() + " FROM " + table("events")
                + " e WHERE e.stream_key = (SELECT stream_key FROM " + table("streams") + " WHERE stream_id = ?) AND "
                + order + " LIMIT ?", statement -> {
                    statement.setString(1, stream.value());
                    statement.setLong(2, fromVersion);
                    statement.setInt(3, Math.max(0, limit));
                }, this::event);
    }

    /** One indexed read of three columns: no event data, hashes or metadata travel. */
    void streamStamps(StreamId stream, StampSink sink) {
        read("read the event times of the stream '" + stream + "' of", "SELECT version, position, recorded_at FROM "
                + table("events") + " WHERE stream_key = (SELECT stream_key FROM " + table("streams")
                + " WHERE stream_id = ?) ORDER BY version", statement -> statement.setString(1, stream.value()), row -> {
                    sink.stamp(row.getLong(1), row.getLong(2), row.getLong(3));
                    return null;
                });
    }

    /** Events handed over from the reading thread at a time (a read is one page ahead of its caller). */
    private static final int PAGE = 500;

    EventCursor readAll(long afterPosition) {
        return wholeLedger(afterPosition, "");
    }

    /** Filters on the server: the other categories' events never travel. */
    EventCursor readAll(long afterPosition, Set<String> categories) {
        if (categories.isEmpty()) {
            return readAll(afterPosition);
        }
        StringBuilder list = new StringBuilder();
        for (String category : new TreeSet<>(categories)) {
            list.append(list.length() == 0 ? "" : ", ").append(literal(category));
        }
        return wholeLedger(afterPosition, " AND e.stream_key IN (SELECT stream_key FROM " + table("streams")
                + " WHERE category IN (" + list + "))");
    }

    /**
     * The events after {@code afterPosition} (and {@code condition}) in position order, through a binary {@code COPY}
     * ({@link CopyCursor}) read one page ahead on a thread of its own ({@link PrefetchingCursor}).
     */
    private EventCursor wholeLedger(long afterPosition, String condition) {
        ensureOpen.run();
        return new PrefetchingCursor(CopyCursor.start(PostgresConnections.open(url, options), "SELECT " + columns() + " FROM "
                + table("events") + " e WHERE e.position > " + afterPosition + condition + " ORDER BY e.position", streamNames::nameOf,
                (e, lastPosition) -> PostgresErrors.readFailure(url, "read the events of", e, lastPosition)), PAGE);
    }

    /**
     * {@code text} as an SQL string constant: an escape string with its backslashes and quotes escaped, which means the
     * same whatever {@code standard_conforming_strings} says ({@code COPY} takes no parameters).
     */
    static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    Optional<RecordedEvent> readAt(long position) {
        List<RecordedEvent> found = read("read position " + position + " of", "SELECT " + columns() + " FROM "
                + table("events") + " e WHERE e.position = ?", statement -> statement.setLong(1, position), this::event);
        return found.stream().findFirst();
    }

    List<StreamInfo> streams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return read("list the streams of", "SELECT stream_id, category, version, last_position FROM " + table("streams")
                + where + " ORDER BY stream_id", statement -> {
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setString(i + 1, parameters.get(i));
                    }
                }, row -> new StreamInfo(StreamId.of(row.getString(1)), row.getString(2), row.getLong(3), row.getLong(4)));
    }

    long countStreams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return read("count the streams of", "SELECT count(*) FROM " + table("streams") + where, statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
        }, row -> row.getLong(1)).get(0);
    }

    /** The WHERE clause of a stream filter; its parameters are added to {@code parameters}. */
    private static String where(StreamFilter filter, List<String> parameters) {
        return filter.where("LIKE ? ESCAPE '\\'", PostgresReads::globToLike, parameters);
    }

    static String globToLike(String glob) {
        StringBuilder like = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    long streamVersion(StreamId stream) {
        List<Long> version = read("read the version of stream '" + stream + "' in", "SELECT version FROM "
                + table("streams") + " WHERE stream_id = ?", statement -> statement.setString(1, stream.value()),
                row -> row.getLong(1));
        return version.isEmpty() ? 0 : version.get(0);
    }

    /**
     * The last event's position, from the events themselves (one backward step of their primary key), not from the head
     * row: a head moved back or forward outside Eventscope (schema version 3 has no trigger against it) neither hides
     * events from readers nor makes them wait for events that do not exist; appends and {@code verify} name it.
     */
    long lastPosition() {
        List<Long> last = read("read the last position of", "SELECT coalesce(max(position), 0) FROM " + table("events"),
                statement -> { }, row -> row.getLong(1));
        return last.isEmpty() ? 0 : last.get(0);
    }

    Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        List<Snapshot> found = read("load a snapshot from", "SELECT s.version, s.state_type, s.data FROM " + table("snapshots")
                + " s JOIN " + table("streams") + " t ON t.stream_key = s.stream_key WHERE t.stream_id = ? AND s.version <= ?"
                + " AND s.version <= t.version AND s.state_schema_version = ? ORDER BY s.version DESC LIMIT 1", statement -> {
                    statement.setString(1, stream.value());
                    statement.setLong(2, maxVersion);
                    statement.setInt(3, stateSchemaVersion);
                }, row -> new Snapshot(stream, row.getLong(1), row.getString(2), stateSchemaVersion, row.getString(3)));
        return found.stream().findFirst();
    }

    private <T> List<T> read(String action, String sql, SharedReader.Parameters parameters,
                             SharedReader.RowReader<T> rowReader) {
        ensureOpen.run();
        return reader.query(action, sql, parameters, rowReader);
    }

    /** The writer connection, opened on first use and reopened after it was lost; call holding the write lock. */
    private String table(String name) {
        return url.schema() + "." + name;
    }

    private String columns() {
        return EventRows.COLUMNS;
    }

    /** One row of {@link EventRows#COLUMNS} as an event. */
    private RecordedEvent event(ResultSet row) throws SQLException {
        return new EventRows<SQLException>(row::getLong, row::getInt, row::getString, row::getBytes).event(streamNames::nameOf);
    }
}

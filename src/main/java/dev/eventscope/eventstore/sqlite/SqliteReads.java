package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.EventStore.StampSink;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reading side of {@link SqliteEventStore}, on its reader connection: streams, whole-ledger
 * cursors in pages (the next page read ahead on another thread), stream listings, versions and the
 * last position. Every failure is one sentence ({@link SqliteErrors}).
 */
final class SqliteReads {

    /** Reads the next page of a cursor while its caller works through the current one. */
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "eventscope-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The events' columns and, after them, their stream's name, joined: a first read of a ledger meets each of its
     * 250,000 entry streams once, and a query per stream it had not seen cost the first open's read-ahead thread about a
     * sixth of its samples (docs/cli-speed.md, first open, session 11). A LEFT JOIN keeps the events table the outer loop
     * (position order) and keeps an event whose stream row is missing, which {@link StreamNameCache} then reports.
     */
    private static final String COLUMNS_AND_STREAM = EventRows.COLUMNS + ", s.stream_id";
    private static final int STREAM_NAME_COLUMN = 14;
    private static final String PAGE = pageQuery(COLUMNS_AND_STREAM, 0);
    /**
     * What a projection's catch-up reads of an event, in this order: not its id, correlation or causation id, which no
     * projection reads (three JNI calls and three strings fewer per event, docs/cli-speed.md, first open, session 12).
     */
    private static final String PROJECTED_COLUMNS = "e.position, e.stream_key, e.version, e.type, e.schema_version, e.data,"
            + " e.user_name, e.command_name, e.recorded_at, e.hash, s.stream_id";

    /**
     * Pages a catch-up's cursor reads ahead (2,000 events each): enough that its decoding thread does not wait for a page
     * while the catch-up's writer commits (docs/cli-speed.md, session 23); other cursors read one page ahead.
     */
    static final int PROJECTION_PAGES_AHEAD = 3;

    private final SqliteStatements reader;
    private final StreamNameCache streamNames;
    private final Runnable ensureOpen;

    /** {@code ensureOpen} refuses a page a cursor asks for after the store was closed. */
    SqliteReads(SqliteStatements reader, StreamNameCache streamNames, Runnable ensureOpen) {
        this.reader = reader;
        this.streamNames = streamNames;
        this.ensureOpen = ensureOpen;
    }

    List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        String order = direction == Direction.FORWARD ? "e.version >= ? ORDER BY e.version ASC" : "e.version <= ? ORDER BY e.version DESC";
        return reader.query("read the stream '" + stream + "' of", "SELECT " + EventRows.COLUMNS + " FROM events e"
                + " WHERE e.stream_key = (SELECT stream_key FROM streams WHERE stream_id = ?) AND " + order + " LIMIT ?",
                statement -> {
                    statement.setString(1, stream.value());
                    statement.setLong(2, fromVersion);
                    statement.setInt(3, Math.max(0, limit));
                }, this::events);
    }

    /** One indexed read of three columns: no event data, hashes or metadata are decoded. */
    void streamStamps(StreamId stream, StampSink sink) {
        reader.query("read the event times of the stream '" + stream + "' of", "SELECT version, position, recorded_at FROM events"
                + " WHERE stream_key = (SELECT stream_key FROM streams WHERE stream_id = ?) ORDER BY version",
                statement -> statement.setString(1, stream.value()), rows -> {
                    while (rows.next()) {
                        sink.stamp(rows.getLong(1), rows.getLong(2), rows.getLong(3));
                    }
                    return null;
                });
    }

    EventCursor readAll(long afterPosition) {
        return new PagedCursor(afterPosition, this::readPage, READ_AHEAD);
    }

    /** Reads only the pages' events of the given categories: the others are neither read nor built. */
    EventCursor readAll(long afterPosition, Set<String> categories) {
        if (categories.isEmpty()) {
            return readAll(afterPosition);
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(categories));
        String sql = pageQuery(COLUMNS_AND_STREAM, sorted.size());
        return new PagedCursor(afterPosition, (after, limit) -> readPage(sql, after, sorted, limit), READ_AHEAD);
    }

    /** As {@link #readAll(long, Set)}, each event without its id (empty), correlation and causation ids (null). */
    EventCursor readAllForProjections(long afterPosition, Set<String> categories) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(categories));
        String sql = pageQuery(PROJECTED_COLUMNS, sorted.size());
        Repeats repeats = new Repeats();
        return new PagedCursor(afterPosition, (after, limit) -> ensureOpenAndQuery(sql, after, sorted, limit,
                rows -> projectedEvents(rows, repeats)), READ_AHEAD, PROJECTION_PAGES_AHEAD);
    }

    /**
     * Events after a position, in position order, with their stream's name; only those of {@code categories} streams'
     * categories when there are any (a CROSS JOIN keeps the events table as the outer loop: position order, one key
     * lookup per event; without categories, a LEFT JOIN keeps an event whose stream row is missing).
     */
    private static String pageQuery(String columns, int categories) {
        return "SELECT " + columns + " FROM events e " + (categories == 0 ? "LEFT" : "CROSS")
                + " JOIN streams s ON s.stream_key = e.stream_key WHERE e.position > ?" + (categories == 0 ? ""
                : " AND s.category IN (" + String.join(", ", Collections.nCopies(categories, "?")) + ")")
                + " ORDER BY e.position LIMIT ?";
    }

    /** Up to {@code limit} events after {@code afterPosition}; one short read transaction per page. */
    List<RecordedEvent> readPage(long afterPosition, int limit) {
        return readPage(PAGE, afterPosition, List.of(), limit);
    }

    private List<RecordedEvent> readPage(String sql, long afterPosition, List<String> categories, int limit) {
        return ensureOpenAndQuery(sql, afterPosition, categories, limit, this::eventsWithStreamNames);
    }

    private <T> T ensureOpenAndQuery(String sql, long afterPosition, List<String> categories, int limit,
                                     SqliteStatements.Rows<T> rows) {
        ensureOpen.run();
        return reader.query("read the events of", sql, statement -> {
            statement.setLong(1, afterPosition);
            for (int i = 0; i < categories.size(); i++) {
                statement.setString(2 + i, categories.get(i));
            }
            statement.setInt(2 + categories.size(), limit);
        }, rows);
    }

    /**
     * Rows of {@link #PROJECTED_COLUMNS}, read getter by getter (the stream's name only when it is not held), the
     * values that repeat from row to row held once ({@link Repeats}).
     */
    private List<RecordedEvent> projectedEvents(ResultSet rows, Repeats repeats) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        while (rows.next()) {
            long streamKey = rows.getLong(2);
            StreamId stream = streamNames.nameOf(reader.connection(), streamKey, () -> rows.getString(11));
            events.add(new RecordedEvent(rows.getLong(1), "", stream, rows.getLong(3), repeats.type(rows.getString(4)),
                    rows.getInt(5), rows.getString(6), repeats.metadata(rows.getString(7), rows.getString(8)), rows.getLong(9),
                    EventHashChain.hex(rows.getBytes(10))));
        }
        return events;
    }

    /**
     * One catch-up cursor's values that repeat from event to event: its few event types, and the user and command of
     * a run of events (an import writes every event by one user's one command), each one object instead of one per
     * event. The projections that compare them event by event (activity, event counts) then find them equal by
     * identity, without reading three strings' bytes per event from memory again (a first open: 989,700 events; the
     * writer thread's CPU 2–7 % less, docs/cli-speed.md, first open, session 14).
     * Used by one page at a time (the cursor reads its pages one after the other, in order).
     */
    private static final class Repeats {
        /** More types than this are taken as they come (a ledger has a few dozen). */
        private static final int TYPES_HELD_AT_MOST = 1_024;
        private final Map<String, String> types = new HashMap<>();
        private EventMetadata metadata;

        String type(String type) {
            String held = types.get(type);
            if (held != null) {
                return held;
            }
            if (types.size() < TYPES_HELD_AT_MOST) {
                types.put(type, type);
            }
            return type;
        }

        /** The previous row's metadata when it has the same user and command (correlation and causation are not read). */
        EventMetadata metadata(String user, String command) {
            EventMetadata last = metadata;
            if (last != null && last.user().equals(user) && Objects.equals(last.commandName(), command)) {
                return last;
            }
            metadata = new EventMetadata(user, null, null, command);
            return metadata;
        }
    }

    /** Rows of {@link #COLUMNS_AND_STREAM}: the stream's name is read from the row when it is not held yet. */
    private List<RecordedEvent> eventsWithStreamNames(ResultSet rows) throws SQLException {
        EventRows<SQLException> columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
        List<RecordedEvent> events = new ArrayList<>();
        while (rows.next()) {
            events.add(columns.event(key -> streamNames.nameOf(reader.connection(), key,
                    () -> rows.getString(STREAM_NAME_COLUMN))));
        }
        return events;
    }

    private List<RecordedEvent> events(ResultSet rows) throws SQLException {
        EventRows<SQLException> columns = new EventRows<>(rows::getLong, rows::getInt, rows::getString, rows::getBytes);
        List<RecordedEvent> events = new ArrayList<>();
        while (rows.next()) {
            events.add(columns.event(key -> streamNames.nameOf(reader.connection(), key)));
        }
        return events;
    }

    List<StreamInfo> streams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        // a stream's version and last position are its events' (ledger schema 3): two index seeks per stream
        String sql = "SELECT stream_id, category, " + LedgerSchema.versionOf("streams.stream_key") + ", "
                + LedgerSchema.lastPositionOf("streams.stream_key") + " FROM streams" + where(filter, parameters)
                + " ORDER BY stream_id";
        return reader.query("list the streams of", sql, bind(parameters), rows -> {
            List<StreamInfo> streams = new ArrayList<>();
            // a few categories shared by 250,000 streams: one string each, not one per row
            Map<String, String> categories = new HashMap<>();
            while (rows.next()) {
                String category = categories.computeIfAbsent(rows.getString(2), name -> name);
                streams.add(new StreamInfo(StreamId.of(rows.getString(1)), category, rows.getLong(3), rows.getLong(4)));
            }
            return streams;
        });
    }

    long countStreams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        return reader.query("count the streams of", "SELECT COUNT(*) FROM streams" + where(filter, parameters),
                bind(parameters), SqliteReads::firstLong);
    }

    private static SqliteStatements.Binder bind(List<String> parameters) {
        return statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
        };
    }

    /** The WHERE clause of a stream filter; its parameters are added to {@code parameters}. */
    private static String where(StreamFilter filter, List<String> parameters) {
        // a stream's row is written in the transaction of its first event and events are never deleted: every row has
        // events (ledger schema 3 keeps no version in it to ask)
        return filter.where("TRUE", "GLOB ?", glob -> glob, parameters);
    }

    long streamVersion(StreamId stream) {
        return reader.query("read the version of stream '" + stream + "' in",
                "SELECT " + LedgerSchema.versionOf("s.stream_key") + " FROM streams s WHERE s.stream_id = ?",
                statement -> statement.setString(1, stream.value()), SqliteReads::firstLong);
    }

    long lastPosition() {
        return reader.query("read the last position of", "SELECT COALESCE(MAX(position), 0) FROM events",
                SqliteStatements.Binder.NONE, SqliteReads::firstLong);
    }

    private static long firstLong(ResultSet row) throws SQLException {
        return row.next() ? row.getLong(1) : 0;
    }
}

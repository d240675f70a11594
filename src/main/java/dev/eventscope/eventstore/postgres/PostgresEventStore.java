package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server store for shared ledgers: one ledger per PostgreSQL schema, with the same contract,
 * tables and hash chain as the SQLite store. Appends from any number of processes and machines are
 * serialised by a row lock on {@code ledger_head} (see {@link PostgresAppender}), so positions stay
 * contiguous from 1. Whole-ledger reads use server-side cursors; other processes' appends arrive
 * through {@code LISTEN}/{@code NOTIFY}. All methods throw {@link EventStoreException} with one
 * readable sentence on failure; a lost connection is reopened for the next call.
 */
public final class PostgresEventStore implements EventStore {

    private final PostgresLedgerUrl url;
    private final PostgresOptions options;
    private final boolean readOnly;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final PostgresChangeListener changes;
    private final String ledgerId;
    private final SharedReader reader;
    private final StreamNames streamNames;
    private Connection writer;
    private volatile boolean closed;

    private PostgresEventStore(PostgresLedgerUrl url, PostgresOptions options, boolean readOnly, Connection reader,
                               String ledgerId) {
        this.url = url;
        this.options = options;
        this.readOnly = readOnly;
        this.reader = new SharedReader(url, options, readOnly, reader);
        this.streamNames = new StreamNames(this.reader, url.schema());
        this.ledgerId = ledgerId;
        this.changes = new PostgresChangeListener(url.schema(), () -> PostgresConnections.open(url, options),
                this::lastPosition);
    }

    /** Creates a new ledger in the URL's schema (creating the schema if needed) and opens it. */
    public static PostgresEventStore create(PostgresLedgerUrl url, PostgresOptions options) {
        Connection connection = PostgresConnections.open(url, options);
        try {
            PostgresSchema.create(connection, url);
        } catch (SQLException e) {
            PostgresConnections.closeQuietly(connection);
            if ("42P06".equals(e.getSQLState()) || "42P07".equals(e.getSQLState())) {
                throw new EventStoreException("The schema '" + url.schema() + "' of " + url.host() + "/" + url.database()
                        + " was created by someone else at the same moment; nothing was changed.", e);
            }
            throw PostgresErrors.failure(url, "create", e);
        } catch (RuntimeException e) {
            PostgresConnections.closeQuietly(connection);
            throw e;
        }
        PostgresConnections.closeQuietly(connection);
        return open(url, options, false);
    }

    /**
     * Creates (when missing) the ledger's group roles {@code <schema>_writer} and {@code <schema>_auditor}
     * and grants each the least it needs; returns their names, writer first. Needs a user who may create
     * roles and owns the ledger's tables.
     */
    public static List<String> grantRoles(PostgresLedgerUrl url, PostgresOptions options) {
        Connection connection = PostgresConnections.open(url, options);
        try {
            PostgresSchema.grantRoles(connection, url);
            return List.of(PostgresSchema.writerRole(url.schema()), PostgresSchema.auditorRole(url.schema()));
        } catch (SQLException e) {
            throw PostgresErrors.failure(url, "create the roles of", e);
        } finally {
            PostgresConnections.closeQuietly(connection);
        }
    }

    /** Opens an existing ledger for reading and writing with the default options. */
    public static PostgresEventStore open(PostgresLedgerUrl url) {
        return open(url, PostgresOptions.defaults(), false);
    }

    /**
     * Opens an existing ledger; refuses, with one sentence, a schema that holds no ledger, is not an
     * Eventscope ledger or is from a newer Eventscope. A read-only store's connections cannot write.
     */
    public static PostgresEventStore open(PostgresLedgerUrl url, PostgresOptions options, boolean readOnly) {
        Connection reader = PostgresConnections.open(url, options);
        try {
            String ledgerId = PostgresSchema.check(reader, url);
            if (readOnly) {
                reader.setReadOnly(true);
            }
            return new PostgresEventStore(url, options, readOnly, reader, ledgerId);
        } catch (SQLException e) {
            PostgresConnections.closeQuietly(reader);
            throw PostgresErrors.failure(url, "open", e);
        } catch (RuntimeException e) {
            PostgresConnections.closeQuietly(reader);
            throw e;
        }
    }

    public PostgresLedgerUrl url() {
        return url;
    }

    /** The ledger's id, written once when it was created (a local cache is kept per ledger id). */
    public String ledgerId() {
        return ledgerId;
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        ensureWritable("appended to");
        AppendResult result;
        writeLock.lock();
        try {
            Connection connection = writer();
            // one call of append_events, its own transaction: one round trip for the whole append
            connection.setAutoCommit(true);
            result = new PostgresAppender(connection, url.schema(), options.clock()).appendInOneCall(appends);
        } catch (SQLException e) {
            throw writeFailure("append to", e);
        } finally {
            writeLock.unlock();
        }
        if (!result.alreadyStored() && !result.positions().isEmpty()) {
            changes.appendedHere(result.lastPosition());
        }
        return result;
    }

    /**
     * Copies every event of {@code source} as recorded (positions, event ids, recorded times, metadata
     * and hashes kept) into this ledger, which must be empty: all or nothing, in constant memory per
     * event. Refuses a source whose hash chain is broken. Returns the number of events copied.
     */
    public long copyFrom(EventStore source, String sourceName) {
        ensureWritable("copied into");
        long copied;
        writeLock.lock();
        try {
            Connection connection = writer();
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                copied = new PostgresLedgerCopier(connection, url.schema()).copy(source, sourceName);
                connection.commit();
                committed = true;
            } finally {
                if (!committed) {
                    rollback(connection);
                }
            }
        } catch (SQLException e) {
            throw writeFailure("copy into", e);
        } finally {
            writeLock.unlock();
        }
        if (copied > 0) {
            changes.appendedHere(copied);
        }
        return copied;
    }

    @Override
    public BulkAppend beginBulkAppend() {
        ensureWritable("appended to");
        writeLock.lock();
        try {
            Connection connection = writer();
            connection.setAutoCommit(false);
            return new PostgresBulkAppend(connection, new PostgresAppender(connection, url.schema(), options.clock()),
                    writeLock, sql -> writeFailure("append to", sql), changes::appendedHere);
        } catch (SQLException | RuntimeException e) {
            writeLock.unlock();
            throw e instanceof SQLException sql ? writeFailure("start writing to", sql) : (RuntimeException) e;
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        String order = direction == Direction.FORWARD ? "e.version >= ? ORDER BY e.version ASC" : "e.version <= ? ORDER BY e.version DESC";
        return read("read the stream '" + stream + "' of", "SELECT " + columns() + " FROM " + table("events")
                + " e WHERE e.stream_key = (SELECT stream_key FROM " + table("streams") + " WHERE stream_id = ?) AND "
                + order + " LIMIT ?", statement -> {
                    statement.setString(1, stream.value());
                    statement.setLong(2, fromVersion);
                    statement.setInt(3, Math.max(0, limit));
                }, row -> ServerCursor.read(row, streamNames));
    }

    /** One indexed read of three columns: no event data, hashes or metadata travel. */
    @Override
    public void streamStamps(StreamId stream, StampSink sink) {
        read("read the event times of the stream '" + stream + "' of", "SELECT version, position, recorded_at FROM "
                + table("events") + " WHERE stream_key = (SELECT stream_key FROM " + table("streams")
                + " WHERE stream_id = ?) ORDER BY version", statement -> statement.setString(1, stream.value()), row -> {
                    sink.stamp(row.getLong(1), row.getLong(2), row.getLong(3));
                    return null;
                });
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        ensureOpen();
        return new ServerCursor(PostgresConnections.open(url, options), "SELECT " + columns() + " FROM " + table("events")
                + " e WHERE e.position > ? ORDER BY e.position", statement -> statement.setLong(1, afterPosition),
                options.fetchSize(), streamNames, e -> PostgresErrors.failure(url, "read the events of", e));
    }

    /** Filters on the server: the other categories' events never travel. */
    @Override
    public EventCursor readAll(long afterPosition, Set<String> categories) {
        if (categories.isEmpty()) {
            return readAll(afterPosition);
        }
        ensureOpen();
        Connection connection = PostgresConnections.open(url, options);
        List<String> sorted = new ArrayList<>(new TreeSet<>(categories));
        return new ServerCursor(connection, "SELECT " + columns() + " FROM " + table("events") + " e WHERE e.position > ?"
                + " AND e.stream_key IN (SELECT stream_key FROM " + table("streams") + " WHERE category = ANY (?))"
                + " ORDER BY e.position", statement -> {
                    statement.setLong(1, afterPosition);
                    statement.setArray(2, connection.createArrayOf("text", sorted.toArray()));
                }, options.fetchSize(), streamNames, e -> PostgresErrors.failure(url, "read the events of", e));
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        List<RecordedEvent> found = read("read position " + position + " of", "SELECT " + columns() + " FROM "
                + table("events") + " e WHERE e.position = ?", statement -> statement.setLong(1, position), row -> ServerCursor.read(row, streamNames));
        return found.stream().findFirst();
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return read("list the streams of", "SELECT stream_id, category, version, last_position FROM " + table("streams")
                + where + " ORDER BY stream_id", statement -> {
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setString(i + 1, parameters.get(i));
                    }
                }, row -> new StreamInfo(StreamId.of(row.getString(1)), row.getString(2), row.getLong(3), row.getLong(4)));
    }

    @Override
    public long countStreams(StreamFilter filter) {
        List<String> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return read("count the streams of", "SELECT count(*) FROM " + table("streams") + where, statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
        }, row -> row.getLong(1)).get(0);
    }

    /** The WHERE clause of a stream filter; the glob becomes a LIKE pattern with its own escapes. */
    private static String where(StreamFilter filter, List<String> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE version > 0");
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            parameters.add(filter.category());
        }
        if (filter.namePattern() != null) {
            sql.append(" AND stream_id LIKE ? ESCAPE '\\'");
            parameters.add(globToLike(filter.namePattern()));
        }
        return sql.toString();
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

    @Override
    public long streamVersion(StreamId stream) {
        List<Long> version = read("read the version of stream '" + stream + "' in", "SELECT version FROM "
                + table("streams") + " WHERE stream_id = ?", statement -> statement.setString(1, stream.value()),
                row -> row.getLong(1));
        return version.isEmpty() ? 0 : version.get(0);
    }

    @Override
    public long lastPosition() {
        List<Long> head = read("read the last position of", "SELECT position FROM " + table("ledger_head") + " WHERE id = 1",
                statement -> { }, row -> row.getLong(1));
        return head.isEmpty() ? 0 : head.get(0);
    }

    @Override
    public IntegrityReport verify() {
        ensureOpen();
        Connection connection = PostgresConnections.open(url, options);
        try {
            return new PostgresChainVerifier(connection, url.schema(), options.fetchSize()).verify();
        } catch (SQLException e) {
            throw PostgresErrors.failure(url, "verify", e);
        } finally {
            PostgresConnections.closeQuietly(connection);
        }
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        ensureWritable("saved in");
        writeLock.lock();
        try {
            Connection connection = writer();
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("snapshots")
                    + " (stream_key, version, state_type, state_schema_version, data)"
                    + " SELECT stream_key, ?, ?, ?, ? FROM " + table("streams") + " WHERE stream_id = ? AND version >= ?"
                    + " ON CONFLICT (stream_key, version, state_schema_version)"
                    + " DO UPDATE SET state_type = excluded.state_type, data = excluded.data")) {
                insert.setLong(1, snapshot.version());
                insert.setString(2, snapshot.stateType());
                insert.setInt(3, snapshot.stateSchemaVersion());
                insert.setString(4, snapshot.data());
                insert.setString(5, snapshot.stream().value());
                insert.setLong(6, snapshot.version());
                if (insert.executeUpdate() == 0) {
                    throw new EventStoreException("Cannot save a snapshot of '" + snapshot.stream() + "' at version "
                            + snapshot.version() + ": the stream does not have that many events.");
                }
            }
        } catch (SQLException e) {
            throw writeFailure("save a snapshot in", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        List<Snapshot> found = read("load a snapshot from", "SELECT s.version, s.state_type, s.data FROM " + table("snapshots")
                + " s JOIN " + table("streams") + " t ON t.stream_key = s.stream_key WHERE t.stream_id = ? AND s.version <= ?"
                + " AND s.version <= t.version AND s.state_schema_version = ? ORDER BY s.version DESC LIMIT 1", statement -> {
                    statement.setString(1, stream.value());
                    statement.setLong(2, maxVersion);
                    statement.setInt(3, stateSchemaVersion);
                }, row -> new Snapshot(stream, row.getLong(1), row.getString(2), stateSchemaVersion, row.getString(3)));
        return found.stream().findFirst();
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        ensureOpen();
        try {
            return changes.subscribe(listener);
        } catch (IllegalStateException e) {
            throw new EventStoreException("Cannot listen for changes of the ledger " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        changes.close();
        writeLock.lock();
        try {
            PostgresConnections.closeQuietly(writer);
            writer = null;
        } finally {
            writeLock.unlock();
        }
        reader.close();
    }

    @Override
    public String toString() {
        return url.toString();
    }

    private <T> List<T> read(String action, String sql, ServerCursor.Parameters parameters,
                             SharedReader.RowReader<T> rowReader) {
        ensureOpen();
        return reader.query(action, sql, parameters, rowReader);
    }

    /** The writer connection, opened on first use and reopened after it was lost; call holding the write lock. */
    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = PostgresConnections.open(url, options);
        }
        return writer;
    }

    private EventStoreException writeFailure(String action, SQLException e) {
        if (isConnectionLost(e)) {
            PostgresConnections.closeQuietly(writer);
            writer = null;
        }
        return PostgresErrors.failure(url, action, e);
    }

    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a lost connection rolled the transaction back on the server already
        }
    }

    private String table(String name) {
        return url.schema() + "." + name;
    }

    private String columns() {
        return ServerCursor.COLUMNS;
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreException("The ledger " + url + " has been closed.");
        }
    }

    private void ensureWritable(String what) {
        ensureOpen();
        if (readOnly) {
            throw new EventStoreException("The ledger " + url + " is open read-only (auditor mode); nothing can be " + what
                    + " it.");
        }
    }
}

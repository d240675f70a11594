package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.LedgerCopyTarget;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.RecordedLogins;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.SnapshotRows;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.eventstore.TransactionalBulkAppend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server store for shared ledgers: one ledger per PostgreSQL schema, with the same contract,
 * tables and hash chain as the SQLite store. Appends from any number of processes and machines are
 * serialised by a row lock on {@code ledger_head} (see {@link PostgresAppender}), so positions stay
 * contiguous from 1. Whole-ledger reads use server-side cursors; other processes' appends arrive
 * through {@code LISTEN}/{@code NOTIFY}. All methods throw {@link EventStoreException} with one
 * readable sentence on failure; a lost connection is reopened for the next call.
 */
public final class PostgresEventStore implements EventStore, LedgerCopyTarget {

    private final PostgresLedgerUrl url;
    private final PostgresOptions options;
    private final boolean readOnly;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Whether a bulk append's transaction is open on the writer connection (read and written under {@link #writeLock}). */
    private boolean bulkOpen;
    private final PostgresChangeListener changes;
    private final String ledgerId;
    private final SharedReader reader;
    private final PostgresReads reads;
    private Connection writer;
    private OneStreamAppend oneStream;
    private volatile boolean closed;

    private PostgresEventStore(PostgresLedgerUrl url, PostgresOptions options, boolean readOnly, Connection reader,
                               String ledgerId) {
        this.url = url;
        this.options = options;
        this.readOnly = readOnly;
        this.reader = new SharedReader(url, options, readOnly, reader);
        this.reads = new PostgresReads(url, options, this.reader, this::ensureOpen);
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
     * and grants each the least it needs; returns their names, writer first, and, when it also brought a ledger of
     * schema version 2 to the current version, a third element saying so. Needs a user who may create roles and owns
     * the ledger's tables.
     */
    public static List<String> grantRoles(PostgresLedgerUrl url, PostgresOptions options) {
        Connection connection = PostgresConnections.open(url, options);
        try {
            boolean upgraded = PostgresSchema.grantRoles(connection, url);
            List<String> roles = List.of(PostgresSchema.writerRole(url.schema()), PostgresSchema.auditorRole(url.schema()));
            return upgraded ? List.of(roles.get(0), roles.get(1), "The ledger was brought from schema version 2 to "
                    + PostgresSchema.CURRENT_VERSION + ": its head no longer has a trigger of its own, which every append"
                    + " paid for; a head moved back is named by verify and stops appends (docs/postgresql.md).") : roles;
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
            // one stream: one plain statement; what it cannot decide alone (and several streams) append_events answers
            AppendResult written = OneStreamAppend.takes(appends) ? oneStream(connection).tryAppend(appends.get(0)) : null;
            result = written != null ? written
                    : new PostgresAppender(connection, url.schema(), options.clock()).appendInOneCall(appends);
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
    @Override
    public long copyFrom(EventStore source, String sourceName) {
        ensureWritable("copied into");
        long copied = inWriteTransaction("copy into",
                connection -> new PostgresLedgerCopier(connection, url.schema()).copy(source, sourceName));
        if (copied > 0) {
            changes.appendedHere(copied);
        }
        return copied;
    }

    /** Work inside one transaction of the writer connection. */
    @FunctionalInterface
    private interface WriteWork<T, X extends Exception> {
        T run(Connection connection) throws SQLException, X;
    }

    /** Runs {@code work} under the write lock in one transaction: committed when it returns, rolled back when it throws. */
    private <T, X extends Exception> T inWriteTransaction(String action, WriteWork<T, X> work) throws X {
        writeLock.lock();
        try {
            Connection connection = writer();
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(connection);
                connection.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback(connection);
                }
            }
        } catch (SQLException e) {
            throw writeFailure(action, e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public BulkAppend beginBulkAppend() {
        ensureWritable("appended to");
        writeLock.lock();
        try {
            Connection connection = writer();
            connection.setAutoCommit(false);
            PostgresBulkAppender appender = new PostgresBulkAppender(connection, url.schema(), options.clock());
            bulkOpen = true;
            return new TransactionalBulkAppend(
                    TransactionalBulkAppend.Transaction.<SQLException>of(appender::append, () -> {
                        appender.finish();
                        connection.commit();
                    }, () -> rollback(connection)),
                    (action, e) -> writeFailure(action, (SQLException) e), () -> {
                        bulkOpen = false;
                        writeLock.unlock();
                    },
                    (first, last) -> changes.appendedHere(last));
        } catch (SQLException | RuntimeException e) {
            bulkOpen = false;
            writeLock.unlock();
            throw e instanceof SQLException sql ? writeFailure("start writing to", sql) : (RuntimeException) e;
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        return reads.readStream(stream, fromVersion, direction, limit);
    }

    /** One indexed read of three columns: no event data, hashes or metadata travel. */
    @Override
    public void streamStamps(StreamId stream, StampSink sink) {
        reads.streamStamps(stream, sink);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        return reads.readAll(afterPosition);
    }

    /** Filters on the server: the other categories' events never travel. */
    @Override
    public EventCursor readAll(long afterPosition, Set<String> categories) {
        return reads.readAll(afterPosition, categories);
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        return reads.readAt(position);
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        return reads.streams(filter);
    }

    @Override
    public long countStreams(StreamFilter filter) {
        return reads.countStreams(filter);
    }

    @Override
    public long streamVersion(StreamId stream) {
        return reads.streamVersion(stream);
    }

    @Override
    public long lastPosition() {
        return reads.lastPosition();
    }

    @Override
    public IntegrityReport verify() {
        return verify(ChainObserver.NONE);
    }

    /** Hands every verified event to {@code observer} during the walk itself, in its one repeatable-read snapshot. */
    @Override
    public IntegrityReport verify(ChainObserver observer) {
        ensureOpen();
        Connection connection = PostgresConnections.open(url, options);
        try {
            return new PostgresChainVerifier(connection, url.schema(), options.fetchSize()).verify(observer);
        } catch (SQLException e) {
            throw PostgresErrors.failure(url, "verify", e);
        } finally {
            PostgresConnections.closeQuietly(connection);
        }
    }

    /** The logins the server kept for the events through {@code position} ({@link PostgresLogins}). */
    @Override
    public Optional<RecordedLogins> recordedLogins(long position) {
        ensureOpen();
        Connection connection = PostgresConnections.open(url, options);
        try {
            return Optional.of(PostgresLogins.through(connection, url.schema(), position));
        } catch (SQLException e) {
            throw PostgresErrors.failure(url, "read the logins of", e);
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
            // session 20 (adversary): an import saves snapshots inside its bulk append (this thread holds the write lock,
            // the bulk's transaction is open on this connection). Switching to auto-commit there committed the import so
            // far and ran the rest of it statement by statement: a killed import left thousands of events behind a head
            // at 0 (verify: TAMPERED, "inserted"), and a whole one ended "Cannot commit when autoCommit is enabled"
            // though it was written. Inside a bulk the snapshot joins its transaction, committed or rolled back with it.
            if (!bulkOpen) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + url.schema() + ".snapshots "
                    + SnapshotRows.COLUMNS + " " + SnapshotRows.selectFrom(url.schema() + ".streams")
                    + " ON CONFLICT (stream_key, version, state_schema_version)"
                    + " DO UPDATE SET state_type = excluded.state_type, data = excluded.data")) {
                Object[] parameters = SnapshotRows.parameters(snapshot);
                for (int i = 0; i < parameters.length; i++) {
                    insert.setObject(i + 1, parameters[i]);
                }
                if (insert.executeUpdate() == 0) {
                    throw SnapshotRows.beyondTheStream(snapshot);
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
        return reads.loadSnapshot(stream, maxVersion, stateSchemaVersion);
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

    /** The one-statement append of the writer connection (its statements stay prepared on that connection). */
    private OneStreamAppend oneStream(Connection connection) {
        if (oneStream == null || !oneStream.uses(connection)) {
            oneStream = new OneStreamAppend(connection, url.schema(), options.clock());
        }
        return oneStream;
    }

    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = PostgresConnections.open(url, options);
            // the one-stream statement's plan is made once per connection, often while the ledger is still empty,
            // when a sequential scan of streams looks cheapest; it must stay an index look-up as the ledger grows
            try (java.sql.Statement statement = writer.createStatement()) {
                statement.execute("SET enable_seqscan = off");
            }
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

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ChainObserver;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends run in {@code BEGIN IMMEDIATE}
 * transactions, so writers in this and other processes queue on SQLite's lock; with the default
 * {@code synchronous=FULL} an append that returned survives a crash and a power loss. Opening
 * refuses, without changing a byte, any file that is not an Eventscope ledger this version reads.
 * All methods throw {@link EventStoreException} with a readable message on failure.
 */
public final class SqliteEventStore implements EventStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteEventStore.class);

    /** Reads the next page of a cursor while its caller works through the current one. */
    private static final java.util.concurrent.ExecutorService READ_AHEAD = java.util.concurrent.Executors.newCachedThreadPool(
            runnable -> {
                Thread thread = new Thread(runnable, "eventscope-read-ahead");
                thread.setDaemon(true);
                return thread;
            });

    private final Path file;
    private final SqliteOptions options;
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();
    private final Object readLock = new Object();
    private final Connection writer;
    private final Connection reader;
    private final StreamNameCache streamNames = new StreamNameCache();
    private final SqliteAppender appender;
    /** Statements prepared once per connection: preparing costs as much as running a small query. */
    private final java.util.Map<String, PreparedStatement> readerStatements = new java.util.HashMap<>();
    private final java.util.Map<String, PreparedStatement> writerStatements = new java.util.HashMap<>();
    private final ChangeWatcher watcher;
    private volatile boolean closed;

    private SqliteEventStore(Path file, SqliteOptions options, Connection writer, Connection reader) {
        this.file = file;
        this.options = options;
        this.writer = writer;
        this.reader = reader;
        this.appender = writer == null ? null : new SqliteAppender(writer, options.clock(), streamNames);
        this.watcher = new ChangeWatcher(file, options.changePollInterval(), this::lastPosition);
    }

    /** Opens (creating it when the path does not exist) a ledger for reading and writing, synchronous=FULL. */
    public static SqliteEventStore open(Path file) {
        return open(file, SqliteOptions.defaults());
    }

    /** Opens with explicit options. */
    public static SqliteEventStore open(Path file, SqliteOptions options) {
        Path absolute = file.toAbsolutePath();
        if (options.readOnly()) {
            return openReadOnly(absolute, options);
        }
        boolean exists = Files.exists(absolute);
        if (exists) {
            LedgerFileInspector.inspect(absolute);
            refuseWhenNotWritable(absolute);
        }
        if (!exists && absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new EventStoreException("Cannot create the ledger '" + absolute + "': the folder '"
                    + absolute.getParent() + "' does not exist.");
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = exists ? SqliteConnections.openWriter(absolute, options.synchronous()) : create(absolute, options);
            if (exists) {
                // the inspection may have looked past a WAL left by a crash; the writer sees the real version
                int actualVersion = userVersion(writer);
                if (actualVersion > LedgerSchema.CURRENT_VERSION) {
                    throw new EventStoreException("'" + absolute + "' was written by a newer Eventscope (ledger schema version "
                            + actualVersion + "). Open it with a newer Eventscope.");
                }
                if (actualVersion < LedgerSchema.CURRENT_VERSION) {
                    migrate(writer, absolute, actualVersion);
                }
            }
            reader = SqliteConnections.openReader(absolute, false);
            return new SqliteEventStore(absolute, options, writer, reader);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e instanceof SQLException sql ? LedgerFileInspector.damaged(absolute, sql) : (RuntimeException) e;
        }
    }

    /** Says in one sentence why a ledger that may be read cannot be written, before SQLite says it in its own words. */
    private static void refuseWhenNotWritable(Path ledger) {
        Path folder = ledger.getParent();
        writeProblem(ledger, Files.isWritable(ledger), folder == null || Files.isWritable(folder),
                Files.exists(Path.of(ledger + "-wal"))).ifPresent(problem -> {
                    throw new EventStoreException(problem);
                });
    }

    /** The sentence for a ledger that cannot be written, given what the file system allows; empty when it can. */
    static Optional<String> writeProblem(Path ledger, boolean fileWritable, boolean folderWritable, boolean walExists) {
        if (!fileWritable) {
            return Optional.of("You may not change the ledger '" + ledger + "': its file is read-only for you."
                    + " Open it read-only (as an auditor) to look at it.");
        }
        if (!folderWritable && !walExists) {
            return Optional.of("You may not change the ledger '" + ledger + "': you may not create files in its"
                    + " folder '" + ledger.getParent() + "', where SQLite keeps the ledger's write-ahead log."
                    + " Open it read-only (as an auditor) to look at it.");
        }
        return Optional.empty();
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Opens an existing ledger read-only at the connection level (an auditor's view). */
    public static SqliteEventStore openReadOnly(Path file) {
        return openReadOnly(file.toAbsolutePath(), SqliteOptions.defaults().withReadOnly(true));
    }

    private static SqliteEventStore openReadOnly(Path absolute, SqliteOptions options) {
        if (!Files.exists(absolute)) {
            throw new EventStoreException("The ledger '" + absolute + "' does not exist.");
        }
        int schemaVersion = LedgerFileInspector.inspect(absolute);
        if (schemaVersion < LedgerSchema.CURRENT_VERSION) {
            throw new EventStoreException("'" + absolute + "' was written by an older Eventscope (ledger schema version "
                    + schemaVersion + ") and must be upgraded once before it can be opened read-only;"
                    + " open it normally to upgrade it.");
        }
        try {
            return new SqliteEventStore(absolute, options, null, SqliteConnections.openReader(absolute, true));
        } catch (SQLException e) {
            throw LedgerFileInspector.damaged(absolute, e);
        }
    }

    /**
     * Creates the ledger in a hidden file beside its final name and links it into place only when
     * complete, so a crash while creating never leaves a half-made file under the ledger's name. The
     * schema is written in rollback-journal mode, so the header with the application id is on disk
     * before any WAL exists; the ledger switches to WAL when the writer opens it.
     */
    private static Connection create(Path file, SqliteOptions options) throws SQLException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".creating-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        try {
            try (Connection connection = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + partial, new java.util.Properties());
                 Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                LedgerSchema.migrate(connection, 0, LedgerSchema.CURRENT_VERSION);
                statement.execute("INSERT INTO ledger_meta (key, value) VALUES ('created_with_schema', '"
                        + LedgerSchema.CURRENT_VERSION + "'), ('head_position', '0')");
                statement.execute("COMMIT");
            }
            try {
                // a hard link fails if another process created the ledger meanwhile; a rename would replace it
                Files.createLink(file, partial);
            } catch (java.nio.file.FileAlreadyExistsException racedByAnotherProcess) {
                LedgerFileInspector.inspect(file);
            } catch (java.io.IOException | UnsupportedOperationException noHardLinks) {
                Files.move(partial, file);
            }
        } catch (java.io.IOException e) {
            throw new EventStoreException("Cannot create the ledger '" + file + "': " + e.getMessage() + ".", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(Path.of(partial + "-journal"));
            } catch (java.io.IOException e) {
                LOG.warn("could not remove the temporary file {}", partial, e);
            }
        }
        LOG.info("created ledger {}", file);
        return SqliteConnections.openWriter(file, options.synchronous());
    }

    private static void migrate(Connection writer, Path file, int fromVersion) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                requireTablesOf(writer, file, fromVersion);
                LedgerSchema.migrate(writer, fromVersion, LedgerSchema.CURRENT_VERSION);
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                if (e instanceof EventStoreException readable) {
                    throw readable;
                }
                throw new EventStoreException("Cannot upgrade '" + file + "' from ledger schema version " + fromVersion
                        + " to " + LedgerSchema.CURRENT_VERSION + ": its tables do not match its schema version, so it was"
                        + " left unchanged.", e);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        LOG.info("migrated ledger {} from schema {} to {}", file, fromVersion, LedgerSchema.CURRENT_VERSION);
    }

    /**
     * Refuses to upgrade a file whose tables are already those of a later version: its schema version
     * (PRAGMA user_version) was set back outside Eventscope, and an upgrade would fail half-way.
     */
    private static void requireTablesOf(Connection writer, Path file, int version) throws SQLException {
        java.util.Set<String> tables = new java.util.HashSet<>();
        try (Statement statement = writer.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        for (String table : LedgerSchema.requiredTables(LedgerSchema.CURRENT_VERSION)) {
            if (tables.contains(table) && !LedgerSchema.requiredTables(version).contains(table)) {
                throw new EventStoreException("'" + file + "' says it is at ledger schema version " + version
                        + " but already has the tables of version " + LedgerSchema.CURRENT_VERSION + " (its schema version was"
                        + " changed outside Eventscope); it was left unchanged: restore it from a backup, or set its"
                        + " schema version back to " + LedgerSchema.CURRENT_VERSION + ".");
            }
        }
    }

    public Path file() {
        return file;
    }

    public SqliteOptions options() {
        return options;
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        ensureOpen();
        if (appender == null) {
            throw new EventStoreException("The ledger '" + file + "' is open read-only (auditor mode); nothing can be appended to it.");
        }
        AppendResult result;
        writeLock.lock();
        try {
            result = appender.append(appends);
        } catch (SQLException e) {
            throw failure("append to", e);
        } finally {
            writeLock.unlock();
        }
        if (!result.alreadyStored() && !result.positions().isEmpty()) {
            watcher.appendedHere(result.positions().get(0), result.lastPosition());
        }
        return result;
    }

    @Override
    public BulkAppend beginBulkAppend() {
        ensureOpen();
        if (appender == null) {
            throw new EventStoreException("The ledger '" + file + "' is open read-only (auditor mode); nothing can be appended to it.");
        }
        writeLock.lock();
        try {
            appender.begin();
        } catch (SQLException e) {
            writeLock.unlock();
            throw failure("start writing to", e);
        }
        return new SqliteBulkAppend();
    }

    /** Holds the write lock and one open transaction from creation to close. */
    private final class SqliteBulkAppend implements BulkAppend {

        private long firstPosition;
        private long lastPosition;
        private boolean failed;
        private boolean finished;

        @Override
        public AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict {
            if (finished || failed) {
                throw new EventStoreException("This bulk append is " + (finished ? "already finished" : "stopped after a failure")
                        + "; start a new one.");
            }
            try {
                AppendResult result = appender.appendWithin(appends);
                if (!result.alreadyStored() && !result.positions().isEmpty()) {
                    if (firstPosition == 0) {
                        firstPosition = result.positions().get(0);
                    }
                    lastPosition = result.lastPosition();
                }
                return result;
            } catch (ConcurrencyConflict | RuntimeException e) {
                failed = true;
                throw e;
            } catch (SQLException e) {
                failed = true;
                throw failure("append to", e);
            }
        }

        @Override
        public void commit() {
            if (finished || failed) {
                throw new EventStoreException("This bulk append cannot be committed: it is "
                        + (finished ? "already finished." : "stopped after a failure; nothing of it was written."));
            }
            try {
                appender.commit();
                finished = true;
            } catch (SQLException e) {
                failed = true;
                throw failure("commit to", e);
            } finally {
                if (finished) {
                    writeLock.unlock();
                }
            }
            if (lastPosition > 0) {
                watcher.appendedHere(firstPosition, lastPosition);
            }
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            appender.rollback();
            writeLock.unlock();
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        ensureOpen();
        String order = direction == Direction.FORWARD ? "version >= ? ORDER BY version ASC" : "version <= ? ORDER BY version DESC";
        String sql = "SELECT " + EventRows.COLUMNS + " FROM events WHERE stream_key = (SELECT stream_key FROM streams"
                + " WHERE stream_id = ?) AND " + order + " LIMIT ?";
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement(sql);
                query.setString(1, stream.value());
                query.setLong(2, fromVersion);
                query.setInt(3, Math.max(0, limit));
                List<RecordedEvent> events = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(EventRows.read(rows, key -> streamNames.nameOf(reader, key)));
                    }
                }
                return events;
            } catch (SQLException e) {
                throw failure("read the stream '" + stream + "' of", e);
            }
        }
    }

    /** One indexed read of three columns: no event data, hashes or metadata are decoded. */
    @Override
    public void streamStamps(StreamId stream, StampSink sink) {
        ensureOpen();
        String sql = "SELECT version, position, recorded_at FROM events WHERE stream_key = (SELECT stream_key FROM streams"
                + " WHERE stream_id = ?) ORDER BY version";
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement(sql);
                query.setString(1, stream.value());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.stamp(rows.getLong(1), rows.getLong(2), rows.getLong(3));
                    }
                }
            } catch (SQLException e) {
                throw failure("read the event times of the stream '" + stream + "' of", e);
            }
        }
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        ensureOpen();
        return new PagedCursor(afterPosition, this::readPage, READ_AHEAD);
    }

    /** Reads only the pages' events of the given categories: the others are neither read nor built. */
    @Override
    public EventCursor readAll(long afterPosition, Set<String> categories) {
        ensureOpen();
        if (categories.isEmpty()) {
            return readAll(afterPosition);
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(categories));
        // CROSS JOIN keeps the events table as the outer loop: position order, one key lookup per event
        String sql = "SELECT " + EventRows.COLUMNS_OF_E + " FROM events e CROSS JOIN streams s ON s.stream_key = e.stream_key"
                + " WHERE e.position > ? AND s.category IN (" + String.join(", ", Collections.nCopies(sorted.size(), "?"))
                + ") ORDER BY e.position LIMIT ?";
        return new PagedCursor(afterPosition, (after, limit) -> readPage(sql, after, sorted, limit), READ_AHEAD);
    }

    /** Up to {@code limit} events after {@code afterPosition}; one short read transaction per page. */
    List<RecordedEvent> readPage(long afterPosition, int limit) {
        return readPage("SELECT " + EventRows.COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?",
                afterPosition, List.of(), limit);
    }

    private List<RecordedEvent> readPage(String sql, long afterPosition, List<String> categories, int limit) {
        ensureOpen();
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement(sql);
                query.setLong(1, afterPosition);
                for (int i = 0; i < categories.size(); i++) {
                    query.setString(2 + i, categories.get(i));
                }
                query.setInt(2 + categories.size(), limit);
                List<RecordedEvent> events = new ArrayList<>(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        events.add(EventRows.read(rows, key -> streamNames.nameOf(reader, key)));
                    }
                }
                return events;
            } catch (SQLException e) {
                throw failure("read the events of", e);
            }
        }
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        List<RecordedEvent> page = readPage(position - 1, 1);
        return page.isEmpty() || page.get(0).position() != position ? Optional.empty() : Optional.of(page.get(0));
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        ensureOpen();
        List<String> parameters = new ArrayList<>();
        String sql = "SELECT stream_id, category, version, last_position FROM streams" + where(filter, parameters)
                + " ORDER BY stream_id";
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement(sql);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setString(i + 1, parameters.get(i));
                }
                List<StreamInfo> streams = new ArrayList<>();
                // a few categories shared by 250,000 streams: one string each, not one per row
                Map<String, String> categories = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String category = categories.computeIfAbsent(rows.getString(2), name -> name);
                        streams.add(new StreamInfo(StreamId.of(rows.getString(1)), category, rows.getLong(3), rows.getLong(4)));
                    }
                }
                return streams;
            } catch (SQLException e) {
                throw failure("list the streams of", e);
            }
        }
    }

    @Override
    public long countStreams(StreamFilter filter) {
        ensureOpen();
        List<String> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM streams" + where(filter, parameters);
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement(sql);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setString(i + 1, parameters.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw failure("count the streams of", e);
            }
        }
    }

    /** The WHERE clause of a stream filter; its parameters are added to {@code parameters}. */
    private static String where(StreamFilter filter, List<String> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE version > 0");
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            parameters.add(filter.category());
        }
        if (filter.namePattern() != null) {
            sql.append(" AND stream_id GLOB ?");
            parameters.add(filter.namePattern());
        }
        return sql.toString();
    }

    @Override
    public long streamVersion(StreamId stream) {
        ensureOpen();
        synchronized (readLock) {
            try {
                PreparedStatement query = readerStatement("SELECT version FROM streams WHERE stream_id = ?");
                query.setString(1, stream.value());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw failure("read the version of stream '" + stream + "' in", e);
            }
        }
    }

    @Override
    public long lastPosition() {
        ensureOpen();
        synchronized (readLock) {
            try (Statement statement = reader.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM events")) {
                return row.next() ? row.getLong(1) : 0;
            } catch (SQLException e) {
                throw failure("read the last position of", e);
            }
        }
    }

    @Override
    public IntegrityReport verify() {
        return verify(ChainObserver.NONE);
    }

    @Override
    public IntegrityReport verify(ChainObserver observer) {
        ensureOpen();
        try (Connection connection = SqliteConnections.openReader(file, true)) {
            return new ChainVerifier(connection).verify(observer);
        } catch (SQLException e) {
            throw failure("verify", e);
        }
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        ensureOpen();
        if (writer == null) {
            throw new EventStoreException("The ledger '" + file + "' is open read-only (auditor mode); snapshots cannot be saved.");
        }
        writeLock.lock();
        try (Statement control = writer.createStatement()) {
            // inside a bulk append (an import saves snapshots as it goes) the snapshot joins its transaction
            boolean own = !appender.transactionOpen();
            if (own) {
                control.execute("BEGIN IMMEDIATE");
            }
            try {
                PreparedStatement insert = writerStatement(
                    "INSERT OR REPLACE INTO snapshots (stream_key, version, state_type, state_schema_version, data)"
                            + " SELECT stream_key, ?, ?, ?, ? FROM streams WHERE stream_id = ? AND version >= ?");
                insert.setLong(1, snapshot.version());
                insert.setString(2, snapshot.stateType());
                insert.setInt(3, snapshot.stateSchemaVersion());
                insert.setString(4, snapshot.data());
                insert.setString(5, snapshot.stream().value());
                insert.setLong(6, snapshot.version());
                if (insert.executeUpdate() == 0) {
                    if (own) {
                        control.execute("ROLLBACK");
                    }
                    throw new EventStoreException("Cannot save a snapshot of '" + snapshot.stream() + "' at version "
                            + snapshot.version() + ": the stream does not have that many events.");
                }
                SnapshotAnchors.anchor(writer, snapshot.stream().value(), snapshot.version(), snapshot.stateSchemaVersion(),
                        snapshot.stateType(), snapshot.data());
                if (own) {
                    control.execute("COMMIT");
                }
            } catch (SQLException e) {
                if (own) {
                    control.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("save a snapshot in", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The newest snapshot at or below {@code maxVersion} of the current state schema that is still
     * anchored to the chain (see {@link SnapshotAnchors}); one that is not is skipped with a warning.
     */
    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        ensureOpen();
        synchronized (readLock) {
            try {
                if (!SnapshotAnchors.exist(reader)) {
                    return Optional.empty();
                }
                PreparedStatement query = readerStatement(
                    "SELECT s.version, s.state_type, s.data, " + SnapshotAnchors.JUDGE_COLUMNS + " FROM snapshots s"
                            + " JOIN streams t ON t.stream_key = s.stream_key" + SnapshotAnchors.JUDGE_JOINS
                            + " WHERE t.stream_id = ? AND s.version <= ? AND s.version <= t.version AND s.state_schema_version = ?"
                            + " ORDER BY s.version DESC");
                query.setString(1, stream.value());
                query.setLong(2, maxVersion);
                query.setInt(3, stateSchemaVersion);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String problem = SnapshotAnchors.problem(row.getBytes(4), row.getBytes(5), row.getBytes(6),
                                row.getString(2), row.getString(3));
                        if (problem == null) {
                            return Optional.of(new Snapshot(stream, row.getLong(1), row.getString(2), stateSchemaVersion,
                                    row.getString(3)));
                        }
                        LOG.warn("ignored the snapshot of {} at version {} in {}: {}", stream, row.getLong(1), file, problem);
                    }
                    return Optional.empty();
                }
            } catch (SQLException e) {
                throw failure("load a snapshot from", e);
            }
        }
    }

    @Override
    public void snapshots(java.util.function.Consumer<dev.eventscope.eventstore.StoredSnapshot> sink) {
        ensureOpen();
        try (Connection connection = SqliteConnections.openReader(file, true)) {
            SnapshotAnchors.forEach(connection, sink);
        } catch (SQLException e) {
            throw failure("read the snapshots of", e);
        }
    }

    @Override
    public AutoCloseable subscribe(AppendListener listener) {
        ensureOpen();
        return watcher.subscribe(listener);
    }

    @Override
    public boolean isReadOnly() {
        return writer == null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        synchronized (readLock) {
            closeQuietly(reader);
        }
    }

    /** A prepared statement on the reader connection; call while holding {@code readLock}. */
    private PreparedStatement readerStatement(String sql) throws SQLException {
        PreparedStatement statement = readerStatements.get(sql);
        if (statement == null) {
            statement = reader.prepareStatement(sql);
            if (readerStatements.size() < 64) {
                readerStatements.put(sql, statement);
            }
        }
        statement.clearParameters();
        return statement;
    }

    /** A prepared statement on the writer connection; call while holding {@code writeLock}. */
    private PreparedStatement writerStatement(String sql) throws SQLException {
        PreparedStatement statement = writerStatements.get(sql);
        if (statement == null) {
            statement = writer.prepareStatement(sql);
            writerStatements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreException("The ledger '" + file + "' has been closed.");
        }
    }

    private EventStoreException failure(String action, SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.contains("SQLITE_BUSY") || reason.contains("database is locked")) {
            return new EventStoreException("Could not " + action + " the ledger '" + file
                    + "': another program has held it locked for more than 15 seconds. Try again.", e);
        }
        if (reason.contains("SQLITE_READONLY")) {
            return new EventStoreException("Could not " + action + " the ledger '" + file
                    + "': the file or its folder is not writable.", e);
        }
        if (reason.contains("SQLITE_FULL")) {
            return new EventStoreException("Could not " + action + " the ledger '" + file + "': the disk is full. Nothing was written.", e);
        }
        if (reason.contains("CORRUPT") || reason.contains("malformed")) {
            return LedgerFileInspector.damaged(file, e);
        }
        return new EventStoreException("Could not " + action + " the ledger '" + file + "': " + reason, e);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a ledger connection failed", e);
        }
    }
}

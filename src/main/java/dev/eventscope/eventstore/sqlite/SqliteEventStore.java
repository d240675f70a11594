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
import dev.eventscope.eventstore.LedgerCopyTarget;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.eventstore.TransactionalBulkAppend;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends run in {@code BEGIN IMMEDIATE}
 * transactions, so writers in this and other processes queue on SQLite's lock; with the default
 * {@code synchronous=FULL} an append that returned survives a crash and a power loss. Opening
 * ({@link SqliteLedgerOpener}) refuses, without changing a byte, any file that is not an Eventscope
 * ledger this version reads. This class holds the two connections and hands each call to the part
 * that does it: {@link SqliteAppender}, {@link SqliteReads}, {@link SqliteSnapshots},
 * {@link ChainVerifier}, {@link SqliteLedgerCopier}. All methods throw {@link EventStoreException}
 * with a readable message on failure.
 */
public final class SqliteEventStore implements EventStore, LedgerCopyTarget {

    private final Path file;
    private final SqliteOptions options;
    private final SqliteStatements writer;
    private final SqliteStatements reader;
    private final StreamNameCache streamNames = new StreamNameCache();
    private final SqliteAppender appender;
    private final SqliteReads reads;
    private final SqliteSnapshots snapshots;
    private final ChangeWatcher watcher;
    /** Null for a read-only ledger. */
    private final WalCheckpointer checkpointer;
    private volatile boolean closed;
    /** The file opened, so that a write refuses a file replaced under the ledger's name (session 24). */
    private final OpenedFile opened;

    private SqliteEventStore(Path file, SqliteOptions options, SqliteLedgerOpener.Connections connections) {
        SqliteErrors errors = new SqliteErrors(file);
        this.file = file;
        this.opened = new OpenedFile(file);
        this.options = options;
        this.writer = connections.writer() == null ? null : new SqliteStatements(connections.writer(), errors);
        this.reader = new SqliteStatements(connections.reader(), errors);
        this.checkpointer = writer == null ? null
                : new WalCheckpointer(file, options.synchronous(), SqliteConnections.WAL_CHECKPOINT_BYTES);
        this.appender = writer == null ? null
                : new SqliteAppender(connections.writer(), options.clock(), streamNames, checkpointer::committed);
        this.reads = new SqliteReads(reader, streamNames, this::ensureOpen);
        this.snapshots = new SqliteSnapshots(file, writer, appender, reader);
        this.watcher = new ChangeWatcher(file, options.changePollInterval(), this::lastPosition);
    }

    /** Opens (creating it when the path does not exist) a ledger for reading and writing, synchronous=FULL. */
    public static SqliteEventStore open(Path file) {
        return open(file, SqliteOptions.defaults());
    }

    /** Opens with explicit options. */
    public static SqliteEventStore open(Path file, SqliteOptions options) {
        Path absolute = file.toAbsolutePath();
        return new SqliteEventStore(absolute, options, options.readOnly()
                ? SqliteLedgerOpener.openReadOnly(absolute) : SqliteLedgerOpener.open(absolute, options));
    }

    /**
     * Creates a new ledger and opens it for writing (synchronous=FULL); refuses, with an {@link EventStoreException}
     * and leaving it as it is, a file at that path, also one another process creates while this one is being made.
     */
    public static SqliteEventStore create(Path file) {
        Path absolute = file.toAbsolutePath();
        SqliteOptions options = SqliteOptions.defaults();
        return new SqliteEventStore(absolute, options, SqliteLedgerOpener.create(absolute, options));
    }

    /** Opens an existing ledger read-only at the connection level (an auditor's view). */
    public static SqliteEventStore openReadOnly(Path file) {
        return open(file, SqliteOptions.defaults().withReadOnly(true));
    }

    public Path file() {
        return file;
    }

    public SqliteOptions options() {
        return options;
    }

    @Override
    public AppendResult appendAll(List<StreamAppend> appends) throws ConcurrencyConflict {
        ensureWritable("nothing can be appended to it");
        AppendResult result = writer.locked("append to", statements -> appender.append(appends));
        if (!result.alreadyStored() && !result.positions().isEmpty()) {
            watcher.appendedHere(result.positions().get(0), result.lastPosition());
        }
        return result;
    }

    /** Holds the write lock and one open transaction from now until the bulk's commit or close. */
    @Override
    public BulkAppend beginBulkAppend() {
        ensureWritable("nothing can be appended to it");
        writer.lock().lock();
        try {
            appender.begin();
        } catch (SQLException e) {
            writer.lock().unlock();
            throw writer.errors().failure("start writing to", e);
        }
        checkpointer.bulkStarted();
        return new TransactionalBulkAppend(
                TransactionalBulkAppend.Transaction.<SQLException>of(appender::appendWithin, appender::commit, appender::rollback),
                (action, e) -> writer.errors().failure(action, (SQLException) e), () -> {
                    checkpointer.bulkEnded();
                    writer.lock().unlock();
                }, watcher::appendedHere);
    }

    /**
     * Writes every event of {@code source} as it was recorded (positions, event ids, recorded times,
     * metadata and hashes kept) into this ledger, which must be empty: all or nothing, in constant memory
     * per event. Refuses a source whose hash chain is broken. Returns the number of events copied.
     */
    @Override
    public long copyFrom(EventStore source, String sourceName) {
        ensureWritable("nothing can be copied into it");
        long copied = writer.locked("copy into", statements -> {
            appender.begin();
            boolean committed = false;
            try {
                long count = new SqliteLedgerCopier(statements, streamNames).copy(source, sourceName, "'" + file + "'");
                appender.commit();
                committed = true;
                return count;
            } finally {
                if (!committed) {
                    appender.rollback();
                }
                appender.forgetStreams();
            }
        });
        if (copied > 0) {
            watcher.appendedHere(1, copied);
        }
        return copied;
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        ensureOpen();
        return reads.readStream(stream, fromVersion, direction, limit);
    }

    @Override
    public void streamStamps(StreamId stream, StampSink sink) {
        ensureOpen();
        reads.streamStamps(stream, sink);
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        ensureOpen();
        return reads.readAll(afterPosition);
    }

    @Override
    public EventCursor readAll(long afterPosition, Set<String> categories) {
        ensureOpen();
        return reads.readAll(afterPosition, categories);
    }

    @Override
    public EventCursor readAllForProjections(long afterPosition, Set<String> categories) {
        ensureOpen();
        return reads.readAllForProjections(afterPosition, categories);
    }

    @Override
    public Optional<RecordedEvent> readAt(long position) {
        List<RecordedEvent> page = reads.readPage(position - 1, 1);
        return page.isEmpty() || page.get(0).position() != position ? Optional.empty() : Optional.of(page.get(0));
    }

    @Override
    public List<StreamInfo> streams(StreamFilter filter) {
        ensureOpen();
        return reads.streams(filter);
    }

    @Override
    public long countStreams(StreamFilter filter) {
        ensureOpen();
        return reads.countStreams(filter);
    }

    @Override
    public long streamVersion(StreamId stream) {
        ensureOpen();
        return reads.streamVersion(stream);
    }

    @Override
    public long lastPosition() {
        ensureOpen();
        return reads.lastPosition();
    }

    @Override
    public IntegrityReport verify() {
        return verify(ChainObserver.NONE);
    }

    /** Walks the chain on a read-only connection of its own, in one read transaction. */
    @Override
    public IntegrityReport verify(ChainObserver observer) {
        ensureOpen();
        try (Connection connection = SqliteConnections.openReader(file, true)) {
            return new ChainVerifier(connection).verify(observer);
        } catch (SQLException e) {
            throw reader.errors().failure("verify", e);
        }
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        ensureWritable("snapshots cannot be saved");
        snapshots.save(snapshot);
    }

    /** The newest snapshot still anchored to the chain (see {@link SnapshotAnchors}); others are skipped with a warning. */
    @Override
    public Optional<Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        ensureOpen();
        return snapshots.load(stream, maxVersion, stateSchemaVersion);
    }

    @Override
    public void snapshots(Consumer<StoredSnapshot> sink) {
        ensureOpen();
        snapshots.forEach(sink);
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

    /**
     * The writer's connection, only so that the crash test can stop a writer at a known point of an append
     * (SQLite's update and commit hooks) before it kills it; nothing writes through it.
     */
    Connection writerConnection() {
        ensureOpen();
        return writer.connection();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        if (writer != null) {
            checkpointer.close();
            writer.close();
        }
        reader.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new EventStoreException("The ledger '" + file + "' has been closed.");
        }
    }

    private void ensureWritable(String refusal) {
        ensureOpen();
        if (writer == null) {
            throw new EventStoreException("The ledger '" + file + "' is open read-only (auditor mode); " + refusal + ".");
        }
        opened.requireSame(refusal);
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.domain.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checkpoints an SQLite file's WAL on a thread of its own each time it has grown by a threshold, so that the committing
 * writer does not wait for it. A checkpoint copies the WAL's pages into the file and fsyncs both; done by the committing
 * writer (SQLite's automatic checkpoint) it stopped a long bulk append for one to two seconds every ~400 MB, about a
 * quarter of a 1,000,000-event append's wall clock (docs/benchmarks-store.md, session 15), and ended a first open with
 * ~0.8 s of one core after every read model was written (docs/cli-speed.md, session 23). A {@code PASSIVE} checkpoint
 * takes no lock the writer or a reader needs, so the writer goes on meanwhile. Two writers use it: the event store's
 * (every {@link SqliteConnections#WAL_CHECKPOINT_BYTES}) and the read models' ({@code
 * projection.sqlite.ReadModelCheckpoints}, every 40 MB), each with its own instance.
 *
 * <p>What survives a crash does not change: a committed transaction is in the WAL, checkpointed or not, and the
 * checkpoint fsyncs the WAL before it copies anything (with the writer's synchronous setting). While the writer keeps
 * appending, a checkpoint cannot let SQLite start the WAL over, so the writer's own automatic checkpoint stays as the
 * bound (the event store's at {@link SqliteConnections#WAL_WRITER_CHECKPOINT_BYTES}); by then this one has copied most
 * of the WAL. Used by the writer's thread ({@link #committed}) and {@link #close}, after which no checkpoint starts; a
 * failed checkpoint is logged and left to the next one or to the writer's.
 *
 * <p>While a bulk append's one long transaction is open (an import), the pages SQLite spills into the WAL wait in the
 * operating system's cache until the commit fsyncs them all, about a second of the import's wall clock on this
 * machine's disk (session 15). {@link #bulkStarted} has a thread fsync the WAL as it grows, so that the commit's fsync
 * finds little left to write. An fsync more never changes what survives a crash; SQLite takes no lock on the WAL file
 * (its locks are on the ledger file and the -shm index), so opening and closing it here releases none of them.
 */
public final class WalCheckpointer {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Path file;
    private final Path wal;
    private final SqliteOptions.Synchronous synchronous;
    private final long every;
    /** The checkpoint thread's name. */
    private final String threadName;
    /** The WAL's size at which the next checkpoint starts; the writer's thread only. */
    private long nextAt;
    private long lastSize;
    private Thread running;
    private boolean closed;
    /** The thread that fsyncs the WAL while a bulk append is open; null when none is. */
    private volatile Thread syncing;
    /** WAL growth between two fsyncs of {@link #syncing}, and how often it looks. */
    private static final long SYNC_EVERY_BYTES = 16L << 20;
    private static final long SYNC_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** The event store's: checkpoints fsync as its writer does. */
    WalCheckpointer(Path file, SqliteOptions.Synchronous synchronous, long every) {
        this(file, synchronous, every, "eventscope-wal-checkpoint");
    }

    private WalCheckpointer(Path file, SqliteOptions.Synchronous synchronous, long every, String threadName) {
        this.file = file;
        this.wal = Path.of(file + "-wal");
        this.synchronous = synchronous;
        this.every = every;
        this.nextAt = every;
        this.threadName = threadName;
    }

    /**
     * Checkpoints the WAL of another SQLite file that one writer connection writes (the read models'), every {@code
     * every} bytes of its growth, on threads named {@code threadName}; checkpoints fsync fully.
     */
    public static WalCheckpointer every(Path file, long every, String threadName) {
        return new WalCheckpointer(file, SqliteOptions.Synchronous.FULL, every, threadName);
    }

    /** After each commit of the writer: starts a checkpoint when the WAL has grown enough and none is running. */
    public synchronized void committed() {
        long size = sizeOf(wal);
        if (size < lastSize) {
            // SQLite started the WAL over and cut it back (journal_size_limit): count from the start again
            nextAt = every;
        }
        lastSize = size;
        if (closed || size < nextAt || (running != null && running.isAlive())) {
            return;
        }
        nextAt = size + every;
        running = new Thread(this::checkpoint, threadName);
        running.setDaemon(true);
        running.start();
    }

    /** A bulk append's transaction opened: fsync its WAL as it grows, until {@link #bulkEnded}. */
    void bulkStarted() {
        Thread thread = new Thread(this::syncWhileBulkOpen, "eventscope-wal-sync");
        thread.setDaemon(true);
        syncing = thread;
        thread.start();
    }

    /** The bulk append committed or rolled back (its own commit fsyncs what is left). */
    void bulkEnded() {
        Thread thread = syncing;
        syncing = null;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void syncWhileBulkOpen() {
        Thread self = Thread.currentThread();
        long synced = sizeOf(wal);
        FileChannel channel = null;
        try {
            while (syncing == self) {
                LockSupport.parkNanos(SYNC_LOOK_NANOS);
                long size = sizeOf(wal);
                if (syncing != self || size < synced + SYNC_EVERY_BYTES) {
                    synced = Math.min(synced, size);
                    continue;
                }
                channel = channel != null ? channel : FileChannel.open(wal, StandardOpenOption.READ);
                channel.force(false);
                synced = size;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("stopped syncing the WAL of {} during a bulk append (its commit syncs it): {}", PrintableText.of(file),
                    PrintableText.of(e.getMessage()));
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // only read, and only synced
                }
            }
        }
    }

    /**
     * No checkpoint starts from now on; waits for the one running, so that nothing uses the file after its store
     * closed. Called before the store's connections close.
     */
    public void close() {
        bulkEnded();
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = running;
            running = null;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkpoint() {
        try (Connection connection = SqliteConnections.openCheckpointer(file, synchronous);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (row.next() && LOG.isDebugEnabled()) {
                LOG.debug("checkpointed {} of {} WAL frames of {} (busy: {})", row.getLong(3), row.getLong(2), PrintableText.of(file),
                        row.getInt(1));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not checkpoint the WAL of {} in the background (the writer will): {}", PrintableText.of(file),
                    PrintableText.of(e.getMessage()));
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

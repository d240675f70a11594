package dev.eventscope.projection.sqlite;

import dev.eventscope.domain.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checkpoints the read models' WAL on a thread of its own each time it has grown by {@link #EVERY_BYTES}, so that the
 * committing writer does not wait for it. Done by the writer (SQLite's automatic checkpoint at every ~40 MB) the first
 * open of a 989,700-event ledger ended with one checkpoint of ~130 MB inside its last commit: the WAL fsynced, its
 * pages copied into the ledger file, the file fsynced, ~0.8 s on one core after every read model was written
 * (docs/cli-speed.md, session 23 (lead)). The event store's writer does the same for its appends
 * ({@code eventstore.sqlite.WalCheckpointer}).
 *
 * <p>What survives a crash does not change: a committed transaction is in the WAL, checkpointed or not, and a
 * {@code PASSIVE} checkpoint takes no lock the writer or a reader needs. The writer's own automatic checkpoint stays, at
 * {@link #WRITER_BOUND_PAGES}, as the bound of the WAL's growth should these checkpoints fall behind. A failed
 * checkpoint is logged and left to the next one, to the writer's or to SQLite's when the last connection closes.
 */
final class ReadModelCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCheckpoints.class);

    static final long EVERY_BYTES = 40L << 20;
    /** The writer's {@code wal_autocheckpoint} in pages: ~400 MB of 4 KB pages, as the event store's writer. */
    static final int WRITER_BOUND_PAGES = 100_000;

    private final Path file;
    private final Path wal;
    private long nextAt = EVERY_BYTES;
    private long lastSize;
    private Thread running;
    private boolean closed;

    ReadModelCheckpoints(Path file) {
        this.file = file;
        this.wal = Path.of(file + "-wal");
    }

    /**
     * The writer connection's settings: its own automatic checkpoint only as the bound (these checkpoints come first),
     * and a second core for SQLite's sorts (building an index sorts every row of its table).
     */
    static void configureWriter(Statement statement) throws SQLException {
        statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_BOUND_PAGES);
        statement.execute("PRAGMA threads = 2");
    }

    /** After each commit of the writer: starts a checkpoint when the WAL has grown enough and none is running. */
    synchronized void committed() {
        long size = sizeOf(wal);
        if (size < lastSize) {
            nextAt = EVERY_BYTES; // SQLite started the WAL over and cut it back: count from the start again
        }
        lastSize = size;
        if (closed || size < nextAt || (running != null && running.isAlive())) {
            return;
        }
        nextAt = size + EVERY_BYTES;
        running = new Thread(this::checkpoint, "eventscope-read-model-checkpoint");
        running.setDaemon(true);
        running.start();
    }

    /** No checkpoint starts from now on; waits for the one running, so that nothing uses the file after its store closed. */
    void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = running;
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
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not checkpoint the read models' WAL of {} (the next checkpoint will): {}",
                    PrintableText.of(file.toString()), PrintableText.of(String.valueOf(e.getMessage())));
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0; // no WAL (yet), or none to measure: nothing to checkpoint
        }
    }
}

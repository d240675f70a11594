package dev.eventscope.eventstore.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens JDBC connections to a ledger file with the settings each role needs. */
final class SqliteConnections {

    private static final int BUSY_TIMEOUT_MS = 15_000;
    /** The WAL's growth after which it is checkpointed into the file on a thread of its own ({@link WalCheckpointer}). */
    static final long WAL_CHECKPOINT_BYTES = 100_000L * 4_096;
    /**
     * The WAL's size after which a commit of the writer checkpoints it itself (SQLite's automatic checkpoint): the
     * bound on the WAL while a long bulk append keeps {@link WalCheckpointer}'s checkpoints from starting it over.
     */
    static final long WAL_WRITER_CHECKPOINT_BYTES = 4 * WAL_CHECKPOINT_BYTES;
    /** What is kept of a WAL file once a checkpoint has emptied it ({@code journal_size_limit}). */
    static final long WAL_SIZE_KEPT_BYTES = 64L << 20;

    private SqliteConnections() {
    }

    /**
     * A connection for looking at a file that may not be a ledger. Without a WAL beside the file it is
     * opened immutable, so SQLite creates no -wal or -shm file next to something that is not ours.
     */
    static Connection openForInspection(Path file) throws SQLException {
        if (java.nio.file.Files.exists(Path.of(file + "-wal"))) {
            return openReadOnly(file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri().toString().replace("file:///", "file:/")
                + "?immutable=1");
    }

    static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + ReadOnlyAccess.uri(file));
    }

    /** A writer: immediate transactions so that two writers queue on the lock instead of failing. */
    static Connection openWriter(Path file, SqliteOptions.Synchronous synchronous) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous == SqliteOptions.Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(false);
        // else sqlite-jdbc prepares "SELECT last_insert_rowid()" after every INSERT (JFR: docs/cli-speed.md); nothing reads it
        config.setGetGeneratedKeys(false);
        config.setCacheSize(-64_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30));
        Connection connection = config.createConnection(url(file));
        try (var statement = connection.createStatement()) {
            // fewer, larger checkpoints: each copies every page the WAL holds into the file and fsyncs it, so appends paid
            // for it every 40 MB with 10,000 pages of 4 KiB (docs/benchmarks-store.md, session 10); every ~400 MB they are
            // done beside the writer (WalCheckpointer, session 15), and the writer's own at ~1.6 GB only bounds the WAL.
            // Closing the last connection checkpoints what is left.
            statement.execute("PRAGMA wal_autocheckpoint = " + WAL_WRITER_CHECKPOINT_BYTES / pageSize(statement));
            // once a checkpoint has emptied it, a WAL grown to ~400 MB by a long bulk append is cut back to this size
            statement.execute("PRAGMA journal_size_limit = " + WAL_SIZE_KEPT_BYTES);
        }
        return connection;
    }

    /** A connection that only checkpoints the WAL ({@link WalCheckpointer}), fsyncing as the writer does. */
    static Connection openCheckpointer(Path file, SqliteOptions.Synchronous synchronous) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(synchronous == SqliteOptions.Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(url(file));
    }

    private static long pageSize(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA page_size")) {
            return row.next() ? row.getLong(1) : 4_096;
        }
    }

    /** A reader of a file that the store may also write. */
    static Connection openReader(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        }
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-64_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30));
        return config.createConnection(readOnly ? "jdbc:sqlite:" + ReadOnlyAccess.uri(file) : url(file));
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}

package dev.eventscope.eventstore.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens JDBC connections to a ledger file with the settings each role needs. */
final class SqliteConnections {

    private static final int BUSY_TIMEOUT_MS = 15_000;

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
            // fewer, larger checkpoints: every checkpoint fsyncs, and bulk appends would pay for it per 4 MB
            statement.execute("PRAGMA wal_autocheckpoint = 10000");
        }
        return connection;
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

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;

import org.sqlite.SQLiteErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides, without writing a byte, whether an existing file is an Eventscope ledger this version
 * can open. Every refusal names the file and what is wrong with it.
 */
final class LedgerFileInspector {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private LedgerFileInspector() {
    }

    /** One sentence for a file that could not be read, naming the reason rather than repeating the path. */
    static EventStoreException cannotRead(Path file, IOException e) {
        String reason = e instanceof java.nio.file.AccessDeniedException
                ? "you do not have permission to read it (ask its owner, or check the file's permissions)"
                : e instanceof java.nio.file.NoSuchFileException ? "it does not exist"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new EventStoreException("Cannot read the ledger '" + file + "': " + reason + ".", e);
    }

    /** Returns the ledger's schema version, or throws a readable {@link EventStoreException}. */
    static int inspect(Path file) {
        checkHeader(file);
        try (Connection connection = SqliteConnections.openForInspection(file)) {
            return checkContents(file, connection);
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    private static byte[] readHeader(Path file) {
        if (Files.isDirectory(file)) {
            throw new EventStoreException(EventStoreException.Problem.NOT_A_LEDGER, "'" + file + "' is a folder, not an Eventscope ledger file.", "", null);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // reading a named pipe waits for a writer that never comes, and a device never ends (session 16)
            throw new EventStoreException("'" + file + "' is not a file but a named pipe, a device or a socket, so it"
                    + " cannot be an Eventscope ledger.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_SIZE);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Checks the header read from the file alone. The file is read without SQLite's locks, so a checkpoint of another
     * connection may be under way: it writes page 1, whose header already gives the grown page count, before the pages
     * that grow the file (session 20's CI: "is truncated: it holds 589824 bytes but its header says 606208" for a ledger
     * whose writer was checkpointing). A file shorter than its header says is read again while its write-ahead log holds
     * frames (a checkpoint ends in milliseconds to seconds); if it stays short with the log still there, SQLite, which
     * reads through the log, is left to judge the file; only a file that is short with no log beside it is refused as
     * truncated.
     */
    private static void checkHeader(Path file) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            byte[] header = readHeader(file);
            EventStoreException truncated = checkHeader(file, header);
            if (truncated == null) {
                return;
            }
            if (!logHoldsFrames(file)) {
                // the checkpoint that grew the file may have emptied its log meanwhile: read once more
                EventStoreException again = checkHeader(file, readHeader(file));
                if (again != null) {
                    throw again;
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw truncated;
            }
        }
    }

    private static boolean logHoldsFrames(Path file) {
        try {
            return Files.size(Path.of(file + "-wal")) > 32;
        } catch (IOException noLog) {
            return false;
        }
    }

    /** The refusal of a file whose header says more pages than it holds (null when it does not), or throws for the rest. */
    private static EventStoreException checkHeader(Path file, byte[] header) {
        if (header.length == 0) {
            throw new EventStoreException(EventStoreException.Problem.NOT_A_LEDGER, "'" + file + "' is an empty file (0 bytes), not an Eventscope ledger.", "", null);
        }
        if (!startsWithMagic(header)) {
            String kind = looksLikeText(header) ? "a text file" : "not an SQLite database";
            throw new EventStoreException(EventStoreException.Problem.NOT_A_LEDGER, "'" + file + "' is not an Eventscope ledger: it is "
                    + kind + ", while a ledger is an SQLite database file.", "", null);
        }
        if (header.length < HEADER_SIZE) {
            throw new EventStoreException(EventStoreException.Problem.DAMAGED, "'" + file + "' is truncated: it ends after "
                    + header.length + " bytes, inside the 100-byte SQLite header.", "", null);
        }
        long pageSize = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long pageCount = readInt(header, 28) & 0xFFFFFFFFL;
        boolean pageCountValid = readInt(header, 24) == readInt(header, 92);
        long size = sizeOf(file);
        if (pageSize < 512 || Long.bitCount(pageSize) != 1) {
            throw new EventStoreException(EventStoreException.Problem.DAMAGED, "'" + file
                    + "' is damaged: its SQLite header gives an impossible page size (" + pageSize + ").", "", null);
        }
        if (size % pageSize != 0 || (pageCountValid && pageCount > 0 && size < pageCount * pageSize)) {
            return new EventStoreException(EventStoreException.Problem.DAMAGED, "'" + file + "' is truncated: it holds " + size
                    + " bytes but its header says "
                    + (pageCountValid ? pageCount * pageSize : "a whole number of " + pageSize + "-byte pages") + ".",
                    "Restore it from a backup.", null);
        }
        int applicationId = readInt(header, 68);
        if (applicationId != LedgerSchema.APPLICATION_ID && applicationId != 0) {
            throw new EventStoreException(EventStoreException.Problem.NOT_A_LEDGER, "'" + file
                    + "' is an SQLite database of another application (application id 0x"
                    + Integer.toHexString(applicationId) + "), not an Eventscope ledger.", "", null);
        }
        return null;
    }

    private static int checkContents(Path file, Connection connection) throws SQLException {
        int applicationId;
        int schemaVersion;
        Set<String> tables = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            applicationId = intPragma(statement, "application_id");
            schemaVersion = intPragma(statement, "user_version");
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        if (applicationId != LedgerSchema.APPLICATION_ID) {
            throw new EventStoreException(EventStoreException.Problem.NOT_A_LEDGER, "'" + file
                    + "' is an SQLite database but not an Eventscope ledger"
                    + (tables.isEmpty() ? " (it has no tables)." : " (it has tables " + String.join(", ", sorted(tables)) + ")."),
                    "", null);
        }
        if (schemaVersion > LedgerSchema.CURRENT_VERSION) {
            throw new EventStoreException("'" + file + "' was written by a newer Eventscope (ledger schema version "
                    + schemaVersion + "; this Eventscope reads up to version " + LedgerSchema.CURRENT_VERSION
                    + "). Open it with a newer Eventscope.");
        }
        if (schemaVersion < 1) {
            throw new EventStoreException("'" + file + "' is marked as an Eventscope ledger but has no schema version;"
                    + " it was not fully created. Nothing was changed.");
        }
        for (String table : LedgerSchema.requiredTables(schemaVersion)) {
            if (!tables.contains(table)) {
                throw new EventStoreException(EventStoreException.Problem.DAMAGED, "'" + file + "' is damaged: the table '" + table
                        + "' that a ledger of schema version " + schemaVersion + " must have is missing.", "", null);
            }
        }
        return schemaVersion;
    }

    static EventStoreException damaged(Path file, SQLException e) {
        String reason = e.getMessage() == null ? "unknown error" : e.getMessage();
        if (SqliteErrors.isDamage(e)) {
            return new EventStoreException(EventStoreException.Problem.DAMAGED, "'" + file
                    + "' is damaged: SQLite reports that the database image is malformed (" + firstLine(reason) + ").",
                    "Restore it from a backup; nothing was changed.", e);
        }
        SQLiteErrorCode code = SqliteErrors.primaryCode(e);
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            // session 20's shot: "[SQLITE_BUSY] The database file is locked (database is locked)."
            return new EventStoreException("Cannot open '" + file + "': another program has held it locked for more than"
                    + " 15 seconds. Nothing was changed; try again when that program is done with it.", e);
        }
        if (e instanceof org.sqlite.SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            // a full disk as SQLite meets it first when it opens a ledger: it cannot size the shared-memory file (session 20)
            return new EventStoreException("Cannot open '" + file + "': SQLite could not make room for its shared-memory"
                    + " file '" + file + "-shm' (" + firstLine(reason) + "); the disk is most likely full (no space left on"
                    + " device). Nothing was changed; free some space and try again.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return new EventStoreException("Cannot open '" + file + "': " + NO_SPACE
                    + " Nothing was changed; free some space and try again.", e);
        }
        return new EventStoreException("Cannot open '" + file + "': " + firstLine(reason) + ".", e);
    }

    /** A full disk, as every sentence about one says it (with SQLite's words for it). */
    static final String NO_SPACE = "the disk is full (no space left on device).";

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static boolean startsWithMagic(byte[] header) {
        if (header.length < SQLITE_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < SQLITE_MAGIC.length; i++) {
            if (header[i] != SQLITE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] header) {
        for (byte b : header) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static java.util.List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}

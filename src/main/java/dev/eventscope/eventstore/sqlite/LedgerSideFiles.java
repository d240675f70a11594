package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The files SQLite keeps beside a ledger ({@code -wal}, {@code -shm}, {@code -journal}) as an attacker or a mistake can
 * arrange them (session 19): a new ledger named as another database's side file, a leftover log beside a new one, and
 * another ledger's write-ahead log beside an existing one. Each is refused in one sentence before a byte is written.
 */
final class LedgerSideFiles {

    private LedgerSideFiles() {
    }

    /**
     * Refuses, before the writer opens it, a ledger whose write-ahead log does not fit it (session 19: another ledger's
     * {@code -wal} put beside it). A reader only looks through a log, but the writer's first connection and its close
     * copy it into the file for good: the ledger would be damaged for ever where, with the log moved away, it is whole.
     * Through the log the ledger must still be an Eventscope ledger of the same or a later schema, with the same first
     * event, and its last event and recorded head must be readable.
     */
    static void refuseForeignLog(Path ledger) {
        Path log = Path.of(ledger + "-wal");
        try {
            if (!Files.isRegularFile(log) || Files.size(log) == 0) {
                return;
            }
        } catch (java.io.IOException unreadable) {
            return; // the writer's own opening says what is wrong
        }
        // the file alone is read while another process may be copying its log into it: a page read half-copied could
        // look like another event, so only a finding made three times over is one
        String problem = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            problem = logProblem(ledger);
            if (problem == null) {
                return;
            }
        }
        throw new EventStoreException(EventStoreException.Problem.DAMAGED, "Cannot open the ledger '" + ledger
                + "' for writing: its write-ahead log '" + log + "' does not belong to it (read through the log, "
                + problem + "), and opening it for writing would copy the log into the ledger for good. Nothing was"
                + " changed.", "If no program has the ledger open, move the log away (keep a copy) and open the"
                + " ledger again; 'eventscope verify' reads the ledger as the log leaves it.", null);
    }

    /** What, read through its log, shows that the log is not the ledger's; null when nothing does. */
    private static String logProblem(Path ledger) {
        String fileFirstEvent;
        int fileVersion;
        long fileLastPosition;
        byte[] fileLastHash;
        org.sqlite.SQLiteConfig immutable = new org.sqlite.SQLiteConfig();
        immutable.setReadOnly(true);
        immutable.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        immutable.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        try (Connection fileOnly = immutable.createConnection("jdbc:sqlite:" + ledger.toUri().toString()
                .replace("file:///", "file:/") + "?immutable=1");
             Statement statement = fileOnly.createStatement()) {
            fileVersion = pragma(fileOnly, "user_version");
            fileFirstEvent = firstEventId(statement);
            try (ResultSet last = statement.executeQuery("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")) {
                fileLastPosition = last.next() ? last.getLong(1) : 0;
                fileLastHash = fileLastPosition > 0 ? last.getBytes(2) : null;
            }
        } catch (SQLException unreadableFile) {
            return null; // the file alone may be mid-checkpoint; the writer's own opening judges it
        }
        String problem;
        try (Connection throughLog = SqliteConnections.openReader(ledger, true);
             Statement statement = throughLog.createStatement()) {
            int applicationId;
            try (ResultSet row = statement.executeQuery("PRAGMA application_id")) {
                applicationId = row.next() ? row.getInt(1) : 0;
            }
            int version = pragma(throughLog, "user_version");
            String firstEvent = firstEventId(statement);
            try (ResultSet row = statement.executeQuery("SELECT value FROM ledger_meta WHERE key = 'head_position'")) {
                row.next();
            }
            // events are never changed or removed: the file's last event is still there, with its hash, through the log
            byte[] hashThroughLog = null;
            try (ResultSet row = statement.executeQuery("SELECT hash FROM events WHERE position = " + fileLastPosition)) {
                if (row.next()) {
                    hashThroughLog = row.getBytes(1);
                }
            }
            boolean lastEventKept = fileLastPosition == 0 || java.util.Arrays.equals(fileLastHash, hashThroughLog);
            problem = applicationId != LedgerSchema.APPLICATION_ID ? "it is no longer an Eventscope ledger"
                    : version < fileVersion ? "its schema version goes back from " + fileVersion + " to " + version
                    : fileFirstEvent != null && !fileFirstEvent.equals(firstEvent)
                    ? "its first event becomes " + firstEvent + " instead of " + fileFirstEvent
                    : !lastEventKept ? "the event at position " + fileLastPosition + " is " + (hashThroughLog == null
                            ? "gone" : "another one") + ", while events are never changed or removed"
                    : null;
        } catch (SQLException malformed) {
            problem = "SQLite finds it damaged (" + malformed.getMessage() + ")";
        }
        return problem;
    }

    private static String firstEventId(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT event_id FROM events WHERE position = 1")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static final String[] SIDE_FILE_SUFFIXES = {"-wal", "-shm", "-journal"};

    /**
     * Refuses, before a byte is written, a new ledger whose file SQLite would take for another database's log or shared
     * memory ({@code L-wal}, {@code L-shm}, {@code L-journal} beside a file {@code L}): the next opening of {@code L}
     * would read it as its log and delete it (session 19). Also refuses a new ledger beside a leftover {@code -wal},
     * {@code -shm} or {@code -journal} of its name, which SQLite would read as the new ledger's own log (a
     * {@code -journal} would be rolled back into it).
     */
    static void refuseSideFileName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : SIDE_FILE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                Path database = file.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (Files.exists(database)) {
                    throw new EventStoreException("Cannot create the ledger '" + file + "': SQLite would take it for the "
                            + suffix.substring(1) + " file of '" + database + "' beside it and delete it when that file is"
                            + " next opened; choose another file name. Nothing was created.");
                }
            }
        }
        // a leftover -shm is never read into a new ledger: the first connection to a database finds no other holding
        // it and truncates it (SQLite's unix VFS); a -wal with frames or a -journal with pages would be read into it
        for (String suffix : new String[] {"-wal", "-journal"}) {
            Path leftover = Path.of(file + suffix);
            // a ledger made meanwhile by another process under this name has its own log: that race is the creation's.
            // An empty file holds nothing SQLite could read into the new ledger (no log frame, no journal to roll back,
            // shared memory it rebuilds): a read-only opening of a ledger since removed leaves an empty -wal and -shm
            if (Files.exists(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(file) && !empty(leftover)) {
                throw new EventStoreException("Cannot create the ledger '" + file + "': there is already a file '" + leftover
                        + "' beside it, which SQLite would read as the new ledger's log; remove it or choose another file"
                        + " name. Nothing was created.");
            }
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static boolean empty(Path file) {
        try {
            return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0;
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }
}

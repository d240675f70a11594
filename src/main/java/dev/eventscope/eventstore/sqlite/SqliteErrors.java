package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns SQLite's failures into one readable sentence about the ledger, by SQLite's result code (never
 * by the wording of its message, which changes between versions): busy or locked, read-only, disk
 * full, a damaged file, a broken unique constraint.
 */
final class SqliteErrors {

    private final Path file;

    SqliteErrors(Path file) {
        this.file = file;
    }

    /** The primary result code (the low byte of an extended one, e.g. SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT). */
    static SQLiteErrorCode primaryCode(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        return SQLiteErrorCode.getErrorCode(code & 0xFF);
    }

    /**
     * True only for a broken UNIQUE or PRIMARY KEY constraint, the one way an insert tells of a repeated event id; a
     * trigger's RAISE(ABORT) or a NOT NULL failure is also SQLITE_CONSTRAINT, but says nothing about event ids.
     */
    static boolean isUniqueViolation(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE.code || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY.code;
    }

    /** True for a file SQLite cannot read as a database: damaged, or not a database at all. */
    static boolean isDamage(SQLException e) {
        SQLiteErrorCode code = primaryCode(e);
        return code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB;
    }

    /** "Could not {@code action} the ledger ...": what went wrong, in the user's terms. */
    EventStoreException failure(String action, SQLException e) {
        String start = "Could not " + action + " the ledger '" + file + "': ";
        return switch (primaryCode(e)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new EventStoreException(start
                    + "another program has held it locked for more than 15 seconds. Try again.", e);
            case SQLITE_READONLY -> new EventStoreException(start + "the file or its folder is not writable.", e);
            case SQLITE_FULL -> new EventStoreException(start + LedgerFileInspector.NO_SPACE + " Nothing was written.", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> LedgerFileInspector.damaged(file, e);
            default -> new EventStoreException(start + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        };
    }
}

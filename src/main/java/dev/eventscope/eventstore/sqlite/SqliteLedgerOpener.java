package dev.eventscope.eventstore.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Opens a ledger file for {@link SqliteEventStore}: creates a new one atomically, upgrades an older
 * schema in one transaction, and refuses, without changing a byte and with one sentence, a file that
 * is not an Eventscope ledger this version reads, is newer, or cannot be written.
 */
final class SqliteLedgerOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedgerOpener.class);

    /** The connections of an opened ledger; {@code writer} is null when it is open read-only. */
    record Connections(Connection writer, Connection reader) {
    }

    /** The steps of creating a ledger, in order; {@code CrashSafetyTest} kills a creating process at each. */
    enum CreationStep {
        /** The hidden file's schema is written, its transaction not committed. */
        SCHEMA_WRITTEN,
        /** The hidden file is complete and closed, not yet linked under the ledger's name. */
        COMMITTED,
        /** Linked under the ledger's name; the hidden file not yet removed. */
        LINKED,
        /** Created; the writer has not opened it yet (still in rollback-journal mode, no WAL). */
        CREATED
    }

    /** Told each step of creating a ledger with the connection writing it (null once closed); a test seam only. */
    static volatile java.util.function.BiConsumer<CreationStep, Connection> creationSteps = (step, connection) -> { };

    /** Told when an upgrade's transaction has begun, with the writer's connection; a test seam only. */
    static volatile java.util.function.Consumer<Connection> upgradeBegun = connection -> { };

    private SqliteLedgerOpener() {
    }

    /** Opens (creating it when the path does not exist) a ledger for reading and writing. */
    static Connections open(Path absolute, SqliteOptions options) {
        return open(absolute, options, false);
    }

    /**
     * Creates a new ledger and opens it for reading and writing; refuses a path that exists, also one another process
     * created while this ledger was being made (session 24: {@code copy} took such a file for its own new ledger, and
     * deleted it when the copy was refused), leaving that file as it is.
     */
    static Connections create(Path absolute, SqliteOptions options) {
        if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new EventStoreException("There is already a file at " + absolute + "; a new ledger needs a new file name.");
        }
        return open(absolute, options, true);
    }

    private static Connections open(Path absolute, SqliteOptions options, boolean mustBeNew) {
        boolean exists = Files.exists(absolute);
        if (mustBeNew && exists) {
            throw new EventStoreException("Cannot create the ledger '" + absolute + "': another process created a file"
                    + " under that name meanwhile; it was left as it is and nothing was written to it.");
        }
        if (exists) {
            LedgerFileInspector.inspect(absolute);
            refuseWhenNotWritable(absolute);
            LedgerSideFiles.refuseForeignLog(absolute);
        }
        if (!exists && absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new EventStoreException("Cannot create the ledger '" + absolute + "': the folder '"
                    + absolute.getParent() + "' does not exist.");
        }
        if (!exists) {
            LedgerSideFiles.refuseSideFileName(absolute);
            createProblem(absolute, Files.isWritable(absolute.getParent())).ifPresent(problem -> {
                throw new EventStoreException(EventStoreException.Problem.READ_ONLY, problem, "", null);
            });
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = exists ? SqliteConnections.openWriter(absolute, options.synchronous()) : create(absolute, options, mustBeNew);
            if (exists) {
                // the inspection may have looked past a WAL left by a crash; the writer sees the real version
                int actualVersion = userVersion(writer);
                if (actualVersion > LedgerSchema.CURRENT_VERSION) {
                    throw new EventStoreException("'" + absolute + "' was written by a newer Eventscope (ledger schema version "
                            + actualVersion + "). Open it with a newer Eventscope.");
                }
                if (actualVersion < LedgerSchema.CURRENT_VERSION) {
                    migrate(writer, absolute, actualVersion);
                } else {
                    refuseOlderColumns(writer, absolute);
                }
            }
            reader = SqliteConnections.openReader(absolute, false);
            return new Connections(writer, reader);
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
                    throw new EventStoreException(EventStoreException.Problem.READ_ONLY, problem, "", null);
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

    /**
     * The sentence for a new ledger whose folder may not be written (a read-only mount, a folder without write
     * permission), or empty: SQLite's own words were "[SQLITE_CANTOPEN] Unable to open the database file" (session 20).
     */
    static Optional<String> createProblem(Path ledger, boolean folderWritable) {
        return folderWritable ? Optional.empty() : Optional.of("Cannot create the ledger '" + ledger + "': you may not"
                + " create files in its folder '" + ledger.getParent() + "' (it, or the file system it is on, is"
                + " read-only for you). Nothing was created.");
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Opens an existing ledger read-only at the connection level (an auditor's view). */
    static Connections openReadOnly(Path absolute) {
        if (!Files.exists(absolute)) {
            throw new EventStoreException("The ledger '" + absolute + "' does not exist.");
        }
        int schemaVersion = LedgerFileInspector.inspect(absolute);
        // a read-only open never writes: a ledger of an older schema this version still reads is read as it is, and
        // upgraded only when someone first opens it for writing
        if (schemaVersion < LedgerSchema.OLDEST_READABLE_VERSION) {
            throw new EventStoreException("'" + absolute + "' was written by an older Eventscope (ledger schema version "
                    + schemaVersion + ") and must be upgraded once before it can be opened read-only;"
                    + " open it normally to upgrade it.");
        }
        try {
            return new Connections(null, SqliteConnections.openReader(absolute, true));
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
    private static Connection create(Path file, SqliteOptions options, boolean mustBeNew) throws SQLException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".creating-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        try {
            try (Connection connection = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + partial, new java.util.Properties());
                 Statement statement = connection.createStatement()) {
                // before the first write: the page size of a file is fixed once it has any (WAL cannot change it)
                statement.execute("PRAGMA page_size = " + LedgerSchema.PAGE_SIZE);
                statement.execute("BEGIN IMMEDIATE");
                LedgerSchema.migrate(connection, 0, LedgerSchema.CURRENT_VERSION);
                statement.execute("INSERT INTO ledger_meta (key, value) VALUES ('created_with_schema', '"
                        + LedgerSchema.CURRENT_VERSION + "'), ('head_position', '0')");
                creationSteps.accept(CreationStep.SCHEMA_WRITTEN, connection);
                statement.execute("COMMIT");
            }
            creationSteps.accept(CreationStep.COMMITTED, null);
            try {
                // a hard link fails if another process created the ledger meanwhile; a rename would replace it
                Files.createLink(file, partial);
            } catch (java.nio.file.FileAlreadyExistsException racedByAnotherProcess) {
                if (mustBeNew) {
                    throw new EventStoreException("Cannot create the ledger '" + file + "': another process created a file"
                            + " under that name meanwhile; it was left as it is and nothing was written to it.", racedByAnotherProcess);
                }
                LedgerFileInspector.inspect(file);
            } catch (java.io.IOException | UnsupportedOperationException noHardLinks) {
                Files.move(partial, file);
            }
            creationSteps.accept(CreationStep.LINKED, null);
        } catch (java.io.IOException e) {
            throw new EventStoreException("Cannot create the ledger '" + file + "': " + e.getMessage() + ".", e);
        } catch (SQLException e) {
            if (SqliteErrors.primaryCode(e) == org.sqlite.SQLiteErrorCode.SQLITE_FULL) {
                throw new EventStoreException("Cannot create the ledger '" + file + "': " + LedgerFileInspector.NO_SPACE
                        + " Nothing was created; free some space and try again.", e);
            }
            throw e;
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(Path.of(partial + "-journal"));
            } catch (java.io.IOException e) {
                LOG.warn("could not remove the temporary file {}: {}", PrintableText.of(partial), PrintableText.of(e.getMessage()));
            }
        }
        LOG.info("created ledger {}", PrintableText.of(file));
        creationSteps.accept(CreationStep.CREATED, null);
        return SqliteConnections.openWriter(file, options.synchronous());
    }

    private static void migrate(Connection writer, Path file, int fromVersion) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                upgradeBegun.accept(writer);
                requireTablesOf(writer, file, fromVersion);
                refuseToDropEvidence(writer, file, fromVersion);
                LedgerSchema.migrate(writer, fromVersion, LedgerSchema.CURRENT_VERSION);
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException alreadyRolledBack) {
                    // SQLite rolls a transaction back by itself on some errors (a full disk: SQLITE_FULL); its
                    // "cannot rollback - no transaction is active" must not hide why the upgrade failed (session 20)
                    e.addSuppressed(alreadyRolledBack);
                }
                if (e instanceof EventStoreException readable) {
                    throw readable;
                }
                if (e instanceof SQLException sql && SqliteErrors.primaryCode(sql) == org.sqlite.SQLiteErrorCode.SQLITE_FULL) {
                    throw new EventStoreException("Cannot upgrade '" + file + "' from ledger schema version " + fromVersion
                            + " to " + LedgerSchema.CURRENT_VERSION + ": " + LedgerFileInspector.NO_SPACE
                            + " It was left unchanged; free some space and try again.", e);
                }
                throw new EventStoreException("Cannot upgrade '" + file + "' from ledger schema version " + fromVersion
                        + " to " + LedgerSchema.CURRENT_VERSION + ": its tables do not match its schema version, so it was"
                        + " left unchanged.", e);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        LOG.info("migrated ledger {} from schema {} to {}", PrintableText.of(file), fromVersion, LedgerSchema.CURRENT_VERSION);
    }

    /**
     * Refuses a file that says it is at the current version but still has the columns version 3 dropped (its schema
     * version was set forward outside Eventscope): every append would fail on them with SQLite's own words.
     */
    private static void refuseOlderColumns(Connection writer, Path file) throws SQLException {
        try (Statement statement = writer.createStatement(); ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*)"
                + " FROM pragma_table_info('events') WHERE name = 'prev_hash') + (SELECT COUNT(*) FROM"
                + " pragma_table_info('streams') WHERE name IN ('version', 'last_position'))")) {
            if (row.next() && row.getInt(1) > 0) {
                throw new EventStoreException("'" + file + "' says it is at ledger schema version " + LedgerSchema.CURRENT_VERSION
                        + " but still has the columns of version 2 (its schema version was changed outside Eventscope); it was"
                        + " left unchanged: set its schema version back to 2, or restore it from a backup.");
            }
        }
    }

    /**
     * Refuses to upgrade a ledger whose streams' recorded versions were edited: version 3 drops those columns, and with
     * them the only trace of the edit, which {@code verify} reports on the file as it is (session 13's adversary: a
     * post upgraded such a ledger, and it verified intact afterwards).
     */
    private static void refuseToDropEvidence(Connection writer, Path file, int fromVersion) throws SQLException {
        if (fromVersion >= 3) {
            return;
        }
        String edited = ChainVerifier.editedStreamVersion(writer);
        if (edited != null) {
            throw new EventStoreException("Cannot upgrade '" + file + "' to ledger schema version " + LedgerSchema.CURRENT_VERSION
                    + ": its records beside the chain were edited (" + edited + "), and the upgrade would drop those records"
                    + " and with them the trace of the edit. It was left unchanged; 'eventscope verify' reads it as it is."
                    + " Restore it from a backup to write to it.");
        }
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

    static void closeQuietly(Connection connection) {
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

package dev.eventscope.projection.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.projection.ReadModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

/**
 * What a read-model cache file must be before Eventscope writes into it (session 20, adversary): a file of its own in
 * the cache folder. The cache is written by every read command, so a symbolic link there (to a ledger), a hard link to
 * a ledger or a ledger copied under the cache's name had the read models of one ledger written into another ledger by
 * a plain {@code balance}. A cache file SQLite cannot read at all is only a cache: it is moved aside and built again.
 */
final class CacheFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFiles.class);
    /** The Eventscope ledger's {@code PRAGMA application_id} ("EvSc"); a read-model cache has none. */
    private static final int LEDGER_APPLICATION_ID = 0x45765363;

    private CacheFiles() {
    }

    /**
     * Refuses, before a byte is written, a cache path that is not a plain file of its own: a symbolic link, a folder,
     * a pipe or a device, a file with other names (hard links), or an Eventscope ledger. A missing file is fine.
     */
    static void requireOwn(Path file) {
        notOwn(file, "the read models").ifPresent(what -> {
            throw refused(file, what);
        });
    }

    /**
     * Why {@code file} is not a plain file of its own that {@code contents} may be written into (a symbolic link, not a
     * regular file, a file of several names, an Eventscope ledger), or empty (a missing file is fine). The search index
     * keeps the same rule in its own package ({@code search.IndexFiles}; the package rules keep it apart).
     */
    static java.util.Optional<String> notOwn(Path file, String contents) {
        if (Files.isSymbolicLink(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException | UnsupportedOperationException unreadable) {
                target = "a file that cannot be told";
            }
            return java.util.Optional.of("is a symbolic link (to " + target + "), so " + contents + " would be written into that file");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.of("is not a file but a folder, a named pipe, a device or a socket");
        }
        int names = names(file);
        if (names > 1) {
            return java.util.Optional.of("is a file with " + names + " names (hard links), so " + contents + " would be written"
                    + " into a file that is also kept elsewhere");
        }
        if (applicationId(file) == LEDGER_APPLICATION_ID) {
            return java.util.Optional.of("is an Eventscope ledger, not a cache, and Eventscope never writes " + contents
                    + " into a ledger it did not open");
        }
        return java.util.Optional.empty();
    }

    /**
     * As {@link #failure(String, SQLException)}; a {@code cache} file SQLite finds damaged while open (replaced or cut
     * by something else, session 24) is said to be only a cache that the next opening builds again.
     */
    static ReadModelException failure(String start, SQLException e, boolean cache) {
        if (cache && e.getMessage() != null && (e.getMessage().contains("SQLITE_CORRUPT") || e.getMessage().contains("SQLITE_NOTADB")
                || e.getMessage().contains("SQLITE_IOERR_SHORT_READ"))) {
            return new ReadModelException(start + ": SQLite finds the file damaged (" + e.getMessage() + "); something other"
                    + " than Eventscope replaced or cut it while it was open. It is only a cache: open the ledger again (or run"
                    + " the command again), and it is moved aside and built again from the ledger's events (the ledger is not"
                    + " affected).", e);
        }
        return failure(start, e);
    }

    /** "{@code start}: why": a full disk in the user's words (session 20, adversary2), anything else in SQLite's. */
    static ReadModelException failure(String start, SQLException e) {
        if (e instanceof org.sqlite.SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_FULL.code) {
            return new ReadModelException(start + ": the disk is full (no space left on device). It is only a cache: free"
                    + " some space, and the next command goes on building it from the ledger's events (the ledger is not"
                    + " affected).", e);
        }
        return new ReadModelException(start + ": " + e.getMessage(), e);
    }

    private static ReadModelException refused(Path file, String what) {
        return new ReadModelException("The read-model cache " + file + " " + what + ". Nothing was written to it. It is only"
                + " a cache: move it away (it is built again from the ledger's events; the ledger is not affected).");
    }

    private static int names(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notTold) {
            return 1;
        }
    }

    private static int applicationId(Path file) {
        byte[] header = new byte[72];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return 0;
            }
        } catch (IOException unreadable) {
            return 0; // SQLite says what is wrong when it opens the file
        }
        return ByteBuffer.wrap(header, 68, 4).getInt();
    }

    /**
     * Opens the cache in {@code file} with {@code open} once it is a file of its own ({@link #requireOwn}); a file SQLite
     * cannot read at all is moved aside ({@link #moveAside}) and the cache opened again, built from nothing.
     */
    static <T> T openOwn(Path file, java.util.function.Supplier<T> open) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ReadModelException("Could not create the folder for the read models at " + file + ": " + e.getMessage(), e);
        }
        requireOwn(file);
        notACache(file).ifPresent(what -> moveAside(file, what));
        try {
            return open.get();
        } catch (ReadModelException failed) {
            if (!unreadable(failed)) {
                throw failed;
            }
            moveAside(file, failed);
            return open.get();
        }
    }

    /** The columns of {@code projection_state}, as {@link SqliteReadModelStore} makes it. */
    private static final java.util.List<String> STATE_COLUMNS = java.util.List.of("name", "version", "generation", "position",
            "position_hash", "failure_position", "failure_type", "failure_error", "building_version", "building_generation",
            "building_position", "building_hash");

    /**
     * Why the SQLite database in {@code file} is not a read-model cache (a table of its own that no cache holds, or a
     * {@code projection_state} of other columns), or empty: a cache, an empty file, a missing one, or one SQLite cannot
     * read (the opening says that). Session 24 (adversary): another program's database under the cache's name made
     * every read command fail with SQLite's "no such column: name" until it was deleted by hand.
     */
    static java.util.Optional<String> notACache(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (java.sql.Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.Statement statement = connection.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (!table.equals("projection_state") && !table.startsWith("rm_") && !table.equals("cache_identity")
                        && !table.startsWith("sqlite_")) {
                    return java.util.Optional.of("it holds the table " + PrintableText.shortened(table) + ", which no read-model cache has");
                }
            }
            if (tables.contains("projection_state")) {
                java.util.List<String> columns = new java.util.ArrayList<>();
                try (java.sql.ResultSet rows = statement.executeQuery("PRAGMA table_info(projection_state)")) {
                    while (rows.next()) {
                        columns.add(rows.getString("name"));
                    }
                }
                if (!columns.equals(STATE_COLUMNS)) {
                    return java.util.Optional.of("its table projection_state is not a read-model cache's");
                }
            }
            return java.util.Optional.empty();
        } catch (SQLException unreadable) {
            return java.util.Optional.empty(); // SQLite says what is wrong when the cache opens it
        }
    }

    /** Moves another program's database, {@code what} it is, aside as {@link #moveAside(Path, ReadModelException)} does. */
    private static void moveAside(Path file, String what) {
        moveAside(file, new ReadModelException("The read-model cache " + file + " is not a read-model cache of Eventscope: "
                + what + ".", new SQLException("not a read-model cache: " + what)));
    }

    /** Closes what a failed open had opened; that failure is the one reported. */
    static void closeQuietly(java.sql.Connection... connections) {
        for (java.sql.Connection connection : connections) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the open's own failure is reported
                }
            }
        }
    }

    /** Whether a cache failed to open because SQLite cannot read the file as a database at all. */
    static boolean unreadable(ReadModelException failed) {
        if (!(failed.getCause() instanceof SQLException sql) || sql.getMessage() == null) {
            return false;
        }
        String message = sql.getMessage();
        return message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT");
    }

    /**
     * Moves a cache file SQLite cannot read to {@code <file>.damaged} (replacing an older one there), with its log and
     * shared memory removed, so that it is built again; says so in the log.
     */
    static void moveAside(Path file, ReadModelException why) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            for (String companion : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + companion));
            }
        } catch (IOException failed) {
            throw new ReadModelException(why.getMessage() + " It is only a cache, but it could not be moved aside to " + aside
                    + " (" + failed.getMessage() + "): delete it, and the read models are built again from the ledger's events.", why);
        }
        LOG.warn("The read-model cache {} could not be read ({}); it was moved to {} and is built again from the ledger's events.",
                PrintableText.of(file), PrintableText.of(why.getCause().getMessage()), PrintableText.of(aside));
    }
}

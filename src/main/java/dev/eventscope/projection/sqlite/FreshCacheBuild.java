package dev.eventscope.projection.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.projection.ReadModelException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A read-model cache file built from nothing (never read models inside a ledger file): while it is built, its writer
 * keeps the rollback journal in memory and does not sync ({@code journal_mode = MEMORY}, {@code synchronous = OFF}),
 * so that every page is written once, to the file, instead of to the write-ahead log and then again into the file at
 * each checkpoint. A rollback inside the process still undoes a transaction (a projection that fails mid-batch), but a
 * crash in the middle of one may leave the file damaged, so a marker file beside it ({@code <file>-building}) says
 * "not finished" from before the first write until {@link #finish} has switched the file to WAL and synced it. An
 * open that finds the marker deletes the cache file (it is rebuilt from the ledger), never trusts it.
 * ({@code journal_mode = OFF} would leave {@code ROLLBACK} undefined; an exclusive lock would shut out the reader
 * connection that answers queries while the file is being built.)
 */
final class FreshCacheBuild {

    private static final Logger LOG = LoggerFactory.getLogger(FreshCacheBuild.class);
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private final Path file;
    private final Path marker;
    private boolean finished;

    private FreshCacheBuild(Path file) {
        this.file = file;
        this.marker = markerOf(file);
    }

    /** The marker beside a cache file that says its build from nothing has not finished. */
    static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-building");
    }

    /**
     * Before the cache file is opened: deletes a file whose build from nothing did not finish (its marker is there);
     * returns the build to run quickly when the file does not exist (its marker now written), or null to open the file
     * as it is.
     */
    static FreshCacheBuild prepare(Path file) {
        Path marker = markerOf(file);
        try {
            if (Files.exists(marker, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(file);
                for (String companion : COMPANIONS) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + companion));
                }
            } else if (Files.exists(file)) {
                return null;
            }
            // session 20 (adversary): written through a symbolic link planted under the marker's name, it overwrote a
            // ledger with this sentence; the name is freed and the marker made anew, never opened through a link
            Files.deleteIfExists(marker);
            Files.writeString(marker, "a build of this read-model cache from nothing has not finished\n",
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                channel.force(true);
            }
            return new FreshCacheBuild(file);
        } catch (IOException e) {
            throw new ReadModelException("Could not prepare the read-model cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** The writer's settings while the file is built; replaces WAL and {@code synchronous = NORMAL}. */
    void configure(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA journal_mode = MEMORY");
            statement.execute("PRAGMA synchronous = OFF");
        }
    }

    /**
     * The build is over (or stops here: the store is closed): the file goes to WAL and {@code synchronous = NORMAL}, as
     * any read-model file, is synced, and only then loses its marker. Outside any transaction; once. Whatever fails here
     * leaves the marker (the next open builds the file again) and does not keep the store from closing.
     */
    void finish(Connection writer) {
        if (finished) {
            return;
        }
        try (Statement statement = writer.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !mode.getString(1).toLowerCase(Locale.ROOT).equals("wal")) {
                    return; // stays marked: the next open builds it again
                }
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                channel.force(true);
            }
            Files.deleteIfExists(marker);
            finished = true;
        } catch (SQLException | IOException e) {
            LOG.warn("The read-model cache {} stays marked as unfinished and will be built again: {}", PrintableText.of(file),
                    PrintableText.of(e.getMessage()));
        }
    }
}

package dev.eventscope.projection.sqlite;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.Projections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read-model cache file built from nothing is written without a journal on disk until the first open's catch-up is
 * over, with a marker beside it all that time: a file found with its marker (a crash in the middle of the build) is
 * built again from the ledger, never trusted; a finished file is in WAL and has no marker; read models in a ledger
 * file are never written that way.
 */
class FreshCacheBuildTest {

    @TempDir
    Path folder;

    @Test
    void a_cache_file_built_from_nothing_is_marked_until_the_catch_up_is_over_then_in_wal_and_unmarked() throws Exception {
        Path ledger = sample();
        Path cache = folder.resolve("models.sqlite");
        Path marker = FreshCacheBuild.markerOf(cache);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(cache, ledger);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(),
                     100)) {
            assertTrue(Files.exists(marker), "marked from before the first write");
            // the journal in memory is the writer connection's own: the file is not in WAL (another connection sees its default)
            assertEquals("delete", journalMode(cache), "written without a journal on disk while it is built");
            projections.open(ProgressListener.NONE);
            assertFalse(Files.exists(marker), "the catch-up is over: no longer marked");
            assertEquals("wal", journalMode(cache));
            caughtUp(store, projections);
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void a_cache_file_left_with_its_marker_is_built_again_not_trusted() throws Exception {
        Path ledger = sample();
        Path cache = folder.resolve("models.sqlite");
        Map<String, Long> built = open(ledger, cache);
        // what a crash in the middle of a build leaves: the marker, and a file whose contents cannot be trusted
        execute(cache, "CREATE TABLE rm_left_by_the_crash (x INTEGER)", "UPDATE projection_state SET position = position - 1");
        Files.writeString(FreshCacheBuild.markerOf(cache), "");

        Map<String, Long> rebuilt = open(ledger, cache);
        assertEquals(built, rebuilt, "the same read models, built again from the ledger");
        assertFalse(tables(cache).contains("rm_left_by_the_crash"), "the marked file was discarded, not reused");
        assertFalse(Files.exists(FreshCacheBuild.markerOf(cache)));
    }

    @Test
    void a_finished_cache_file_is_opened_as_it_is_and_stays_in_wal() throws Exception {
        Path ledger = sample();
        Path cache = folder.resolve("models.sqlite");
        Map<String, Long> built = open(ledger, cache);
        // a read-model table of its own (rm_): a table no cache has marks another program's file (session 24)
        execute(cache, "CREATE TABLE rm_kept (x INTEGER)");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(cache, ledger)) {
            assertFalse(Files.exists(FreshCacheBuild.markerOf(cache)), "not built from nothing: not marked");
            assertEquals("wal", journalMode(cache));
        }
        assertEquals(built, open(ledger, cache));
        assertTrue(tables(cache).contains("rm_kept"), "the file was reused");
    }

    @Test
    void read_models_inside_a_ledger_file_are_never_marked_nor_written_without_the_wal() throws Exception {
        Path ledger = sample();
        try (SqliteEventStore store = SqliteEventStore.open(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inLedgerFile(ledger);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(),
                     100)) {
            assertFalse(Files.exists(FreshCacheBuild.markerOf(ledger)));
            assertEquals("wal", journalMode(ledger));
            projections.open(ProgressListener.NONE);
            assertEquals("wal", journalMode(ledger));
            caughtUp(store, projections);
        }
        assertFalse(Files.exists(FreshCacheBuild.markerOf(ledger)));
    }

    private Path sample() throws Exception {
        return Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
    }

    /** Opens the read models in {@code cache}, catches them up; every projection's checkpoint. */
    private static Map<String, Long> open(Path ledger, Path cache) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(cache, ledger);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(),
                     100)) {
            projections.open(ProgressListener.NONE);
            return caughtUp(store, projections);
        }
    }

    private static Map<String, Long> caughtUp(SqliteEventStore store, Projections projections) {
        Map<String, Long> checkpoints = new TreeMap<>();
        for (ProjectionStatus status : projections.status()) {
            assertEquals(store.lastPosition(), status.checkpoint(), status.name());
            checkpoints.put(status.name(), status.checkpoint());
        }
        return checkpoints;
    }

    private static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String journalMode(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            return mode.getString(1);
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> tables = new java.util.ArrayList<>();
            while (names.next()) {
                tables.add(names.getString(1));
            }
            return tables;
        }
    }
}

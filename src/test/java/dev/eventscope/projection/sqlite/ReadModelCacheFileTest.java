package dev.eventscope.projection.sqlite;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.BuiltInProjections;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.ReadModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary): the read-model cache is written by every read command (a plain {@code balance}), so what lies
 * under its name in the cache folder must be a file of its own. A symbolic link or a hard link there to another ledger,
 * or a ledger copied under that name, had the read models of one ledger written into the other ledger, and a symbolic
 * link under the name of the cache's build marker had a ledger overwritten by the marker's one sentence. A cache file
 * that SQLite cannot read at all made every read command (and {@code verify}) fail until it was deleted by hand.
 */
class ReadModelCacheFileTest {

    @TempDir
    Path folder;

    @Test
    void a_symbolic_link_to_another_ledger_under_the_cache_s_name_is_refused_and_that_ledger_is_not_written() throws Exception {
        Path ledger = sample("books.ledger");
        Path other = otherLedger();
        byte[] before = Files.readAllBytes(other);
        Path cache = Files.createSymbolicLink(folder.resolve("models.sqlite"), other);

        ReadModelException refused = assertThrows(ReadModelException.class, () -> open(ledger, cache));

        assertMentions(refused.getMessage(), "The read-model cache " + cache + " is a symbolic link (to " + other + ")",
                "Nothing was written to it", "move it away");
        assertArrayEquals(before, Files.readAllBytes(other), "the other ledger is not written");
    }

    @Test
    void a_hard_link_to_another_ledger_or_a_ledger_copied_under_the_cache_s_name_is_refused_and_not_written() throws Exception {
        Path ledger = sample("books.ledger");
        Path other = otherLedger();
        byte[] before = Files.readAllBytes(other);
        Path linked = Files.createLink(folder.resolve("linked.sqlite"), other);
        Path copied = Files.copy(other, folder.resolve("copied.sqlite"));

        assertMentions(assertThrows(ReadModelException.class, () -> open(ledger, linked)).getMessage(),
                "is a file with 2 names (hard links)");
        assertMentions(assertThrows(ReadModelException.class, () -> open(ledger, copied)).getMessage(),
                "is an Eventscope ledger, not a cache");
        assertArrayEquals(before, Files.readAllBytes(other));
        assertArrayEquals(before, Files.readAllBytes(copied));
    }

    @Test
    void a_symbolic_link_under_the_build_marker_s_name_is_replaced_not_written_through() throws Exception {
        Path ledger = sample("books.ledger");
        Path other = otherLedger();
        byte[] before = Files.readAllBytes(other);
        Path cache = folder.resolve("models.sqlite");
        Files.createSymbolicLink(FreshCacheBuild.markerOf(cache), other);

        open(ledger, cache);

        assertArrayEquals(before, Files.readAllBytes(other), "the ledger the marker's link named is left whole");
        assertTrue(Files.isRegularFile(cache));
    }

    @Test
    void a_cache_file_sqlite_cannot_read_is_moved_aside_and_built_again() throws Exception {
        Path ledger = sample("books.ledger");
        for (byte[] damaged : new byte[][] {"not a database\n".getBytes(), truncatedCache(ledger)}) {
            Path cache = folder.resolve("models.sqlite");
            Files.deleteIfExists(cache);
            Files.write(cache, damaged);

            long caughtUpTo = open(ledger, cache);

            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                assertEquals(store.lastPosition(), caughtUpTo);
            }
            assertArrayEquals(damaged, Files.readAllBytes(cache.resolveSibling("models.sqlite.damaged")), "kept for a look");
        }
    }

    @Test
    void another_program_s_sqlite_database_under_the_cache_s_name_is_moved_aside_and_the_cache_built_again() throws Exception {
        // session 24 (adversary): a valid SQLite file that is not a cache (another program's, with a table named as the
        // cache's own) made every read command fail with "no such column: name" until it was deleted by hand
        Path ledger = sample("books.ledger");
        for (String[] tables : new String[][] {
                {"CREATE TABLE projection_state (a, b)", "INSERT INTO projection_state VALUES (1, 2)"},
                {"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO customers VALUES (1, 'ann')"}}) {
            Path cache = folder.resolve("models.sqlite");
            Files.deleteIfExists(cache);
            try (java.sql.Connection foreign = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cache);
                 java.sql.Statement statement = foreign.createStatement()) {
                for (String sql : tables) {
                    statement.execute(sql);
                }
            }
            byte[] foreign = Files.readAllBytes(cache);

            long caughtUpTo = open(ledger, cache);

            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                assertEquals(store.lastPosition(), caughtUpTo);
            }
            assertArrayEquals(foreign, Files.readAllBytes(cache.resolveSibling("models.sqlite.damaged")), "kept for a look");
        }
    }

    @Test
    void a_cache_cut_while_it_is_open_says_it_is_only_a_cache_and_the_next_opening_builds_it_again() throws Exception {
        // session 24 (adversary): the app kept "[SQLITE_CORRUPT] The database disk image is malformed" for every question
        Path ledger = sample("books.ledger");
        Path cache = folder.resolve("models.sqlite");
        open(ledger, cache);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(cache, ledger);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(), 100)) {
            projections.open(ProgressListener.NONE);
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
                file.setLength(file.length() / 2 + 100);
            }
            try (SqliteEventStore writer = SqliteEventStore.open(ledger)) {
                writer.append(dev.eventscope.eventstore.StreamId.of("note-cut"), dev.eventscope.eventstore.ExpectedVersion.ANY,
                        java.util.List.of(new dev.eventscope.eventstore.NewEvent("cut-1", "Tested", 1, "{}",
                                dev.eventscope.eventstore.EventMetadata.by("poster"))));
            }
            ReadModelException failed = assertThrows(ReadModelException.class, projections::catchUp);
            assertMentions(failed.getMessage(), cache.toString(), "SQLite finds the file damaged", "It is only a cache",
                    "moved aside and built again", "the ledger is not affected");
        }
        long caughtUpTo = open(ledger, cache);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertEquals(store.lastPosition(), caughtUpTo);
        }
    }

    @Test
    void verify_leaves_out_a_cache_file_it_cannot_read_rather_than_failing() throws Exception {
        Path cache = Files.write(folder.resolve("models.sqlite"), truncatedCache(sample("books.ledger")));

        assertEquals(0, SqliteRecordedRegisters.ofCache(cache).size());
        Path foreign = folder.resolve("foreign.sqlite"); // session 24: another program's database, "no such column: version"
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE projection_state (a, b)");
        }
        assertEquals(0, SqliteRecordedRegisters.ofCache(foreign).size());
        assertEquals(0, SqliteRecordedRegisters.ofCache(Files.createSymbolicLink(folder.resolve("link.sqlite"), otherLedger())).size());
    }

    private Path sample(String name) throws Exception {
        return Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve(name));
    }

    private Path otherLedger() throws Exception {
        return Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("other.ledger"));
    }

    /** A cache built for the ledger, cut to half its length. */
    private byte[] truncatedCache(Path ledger) throws Exception {
        Path whole = folder.resolve("whole.sqlite");
        Files.deleteIfExists(whole);
        open(ledger, whole);
        byte[] bytes = Files.readAllBytes(whole);
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** Opens the read models in {@code cache} and catches them up; the lowest checkpoint. */
    private static long open(Path ledger, Path cache) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(cache, ledger);
             Projections projections = new Projections(store, BookkeepingCodec.create(), readModels, BuiltInProjections.all(), 100)) {
            projections.open(ProgressListener.NONE);
            return projections.status().stream().mapToLong(ProjectionStatus::checkpoint).min().orElseThrow();
        }
    }
}

package dev.eventscope.eventstore.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's failures are told by their result code, extended codes included, whatever their message says. */
class SqliteErrorsTest {

    @TempDir
    Path folder;

    private final SqliteErrors errors = new SqliteErrors(Path.of("/books/shop.ledger"));

    @Test
    void each_result_code_gets_its_sentence_even_when_the_message_says_something_else() {
        assertMentions(errors.failure("append to", new SQLiteException("SQLITE_FULL disk full", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))
                .getMessage(), "Could not append to the ledger '/books/shop.ledger'", "held it locked", "Try again");
        assertMentions(errors.failure("append to", new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_READONLY_DBMOVED))
                .getMessage(), "not writable");
        assertMentions(errors.failure("append to", new SQLiteException("malformed", SQLiteErrorCode.SQLITE_FULL)).getMessage(),
                "the disk is full", "Nothing was written");
        assertMentions(errors.failure("read", new SQLiteException("oops", SQLiteErrorCode.SQLITE_CORRUPT_INDEX)).getMessage(),
                "is damaged", "Restore it from a backup");
        String plain = errors.failure("read", new SQLiteException("[SQLITE_BUSY] and malformed, says the text",
                SQLiteErrorCode.SQLITE_ERROR)).getMessage();
        assertFalse(plain.contains("held it locked") || plain.contains("damaged"), plain);
        assertTrue(SqliteErrors.isUniqueViolation(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)));
        assertFalse(SqliteErrors.isUniqueViolation(new SQLiteException("UNIQUE constraint failed", SQLiteErrorCode.SQLITE_IOERR)));
    }

    @Test
    void only_a_broken_unique_key_is_taken_for_a_repeated_event_id() throws Exception {
        Path file = folder.resolve("constraints.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id TEXT UNIQUE, x INTEGER NOT NULL)");
            statement.execute("CREATE TRIGGER refuse BEFORE INSERT ON t WHEN NEW.x = 13 BEGIN SELECT RAISE(ABORT, 'refused'); END");
            statement.execute("INSERT INTO t VALUES ('a', 1)");
            SQLException repeated = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES ('a', 2)"));
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES ('b', 13)"));
            SQLException missing = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES ('c', NULL)"));
            assertTrue(SqliteErrors.isUniqueViolation(repeated), repeated.toString());
            for (SQLException other : new SQLException[]{refused, missing}) {
                assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT, SqliteErrors.primaryCode(other), other.toString());
                assertFalse(SqliteErrors.isUniqueViolation(other), other.toString());
            }
        }
    }

    @Test
    void an_insert_refused_by_a_trigger_midway_through_an_append_is_not_called_a_repeated_event_id() throws Exception {
        Path file = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.append(dev.eventscope.eventstore.StreamId.of("account-cash"), dev.eventscope.eventstore.ExpectedVersion.NO_STREAM,
                    java.util.List.of(event("e-1")));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER failing_disk BEFORE INSERT ON events WHEN NEW.event_id = 'e-4'"
                    + " BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");
        }
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            RuntimeException failed = assertThrows(RuntimeException.class, () -> store.append(
                    dev.eventscope.eventstore.StreamId.of("account-cash"), dev.eventscope.eventstore.ExpectedVersion.exactly(1),
                    java.util.List.of(event("e-2"), event("e-3"), event("e-4"))));
            assertMentions(failed.getMessage(), "simulated disk failure");
            assertFalse(failed.getMessage().contains("already stored"), failed.getMessage());
            assertEquals(1, store.lastPosition(), "nothing of the refused append was written");
        }
    }

    private static dev.eventscope.eventstore.NewEvent event(String id) {
        return new dev.eventscope.eventstore.NewEvent(id, "Something", 1, "{}",
                new dev.eventscope.eventstore.EventMetadata("alice", null, null, "Test"));
    }

    @Test
    void a_real_lock_held_by_another_connection_is_told_as_locked() throws Exception {
        Path file = folder.resolve("locked.sqlite");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement hold = holder.createStatement(); Statement write = writer.createStatement()) {
            hold.execute("CREATE TABLE t (x)");
            write.execute("PRAGMA busy_timeout = 0");
            hold.execute("BEGIN EXCLUSIVE");
            SQLException busy = assertThrows(SQLException.class, () -> write.execute("INSERT INTO t VALUES (1)"));
            assertEquals(SQLiteErrorCode.SQLITE_BUSY, SqliteErrors.primaryCode(busy));
            assertMentions(errors.failure("append to", busy).getMessage(), "held it locked");
            hold.execute("ROLLBACK");
        }
    }

    @Test
    void a_file_that_is_not_a_database_is_told_as_damage() throws Exception {
        Path file = Files.writeString(folder.resolve("garbage.sqlite"), "x".repeat(4_096));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            SQLException notADatabase = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM sqlite_master"));
            assertTrue(SqliteErrors.isDamage(notADatabase), notADatabase.toString());
        }
    }
}

package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream-name cache asks the streams table once per stream, with one statement per connection (prepared once, not
 * once per miss: docs/cli-speed.md, first open, session 10), and follows the caller to another connection.
 */
class StreamNameCacheTest {

    @TempDir
    Path folder;

    @Test
    void namesEveryStreamFromTheConnectionItIsGivenAndReportsAnUnknownKey() throws SQLException {
        String url = "jdbc:sqlite:" + folder.resolve("streams.sqlite");
        try (Connection setUp = DriverManager.getConnection(url); Statement statement = setUp.createStatement()) {
            statement.execute("CREATE TABLE streams (stream_key INTEGER PRIMARY KEY, stream_id TEXT NOT NULL)");
            // one statement: a thousand commits would each wait for the disk
            statement.execute("WITH RECURSIVE n(key) AS (SELECT 1 UNION ALL SELECT key + 1 FROM n WHERE key < 1000)"
                    + " INSERT INTO streams SELECT key, 'entry-E' || key FROM n");
        }
        StreamNameCache cache = new StreamNameCache();
        try (Connection first = DriverManager.getConnection(url)) {
            for (int key = 1; key <= 500; key++) {
                assertEquals(StreamId.of("entry-E" + key), cache.nameOf(first, key));
            }
        }
        // the first connection is closed: a statement kept from it would fail; the cache prepares one on the new one
        try (Connection second = DriverManager.getConnection(url)) {
            for (int key = 1; key <= 1_000; key++) {
                assertEquals(StreamId.of("entry-E" + key), cache.nameOf(second, key));
            }
            SQLException unknown = assertThrows(SQLException.class, () -> cache.nameOf(second, 1_001));
            assertTrue(unknown.getMessage().contains("stream key 1001 which is not in the streams table"), unknown.getMessage());
            // the statement still serves after a miss that found nothing
            assertEquals(StreamId.of("entry-E1000"), cache.nameOf(second, 1_000));
        }
    }

    @Test
    void takesTheNameTheEventsQueryJoinedAndAsksTheTableOnlyWhenNoneWasJoined() throws SQLException {
        String url = "jdbc:sqlite:" + folder.resolve("joined.sqlite");
        try (Connection setUp = DriverManager.getConnection(url); Statement statement = setUp.createStatement()) {
            statement.execute("CREATE TABLE streams (stream_key INTEGER PRIMARY KEY, stream_id TEXT NOT NULL)");
            statement.execute("INSERT INTO streams VALUES (1, 'ledger')");
        }
        StreamNameCache cache = new StreamNameCache();
        try (Connection connection = DriverManager.getConnection(url)) {
            // the joined name is used as it is, not the table's (key 7 has no row: a query would fail)
            assertEquals(StreamId.of("account-assets:bank"), cache.nameOf(connection, 7, () -> "account-assets:bank"));
            // held now: the joined column is not read again
            assertEquals(StreamId.of("account-assets:bank"), cache.nameOf(connection, 7, () -> {
                throw new AssertionError("a held name was read from the row again");
            }));
            // nothing joined (the stream's row is missing, or was): the table is asked, and names it or reports it
            assertEquals(StreamId.of("ledger"), cache.nameOf(connection, 1, () -> null));
            SQLException unknown = assertThrows(SQLException.class, () -> cache.nameOf(connection, 8, () -> null));
            assertTrue(unknown.getMessage().contains("stream key 8 which is not in the streams table"), unknown.getMessage());
        }
    }
}

package dev.eventscope.projection.sqlite;

import dev.eventscope.eventstore.sqlite.WalCheckpointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read models' WAL is checkpointed on a thread of its own once it has grown by {@link ReadModelCheckpoints#EVERY_BYTES},
 * not by the committing writer (whose own automatic checkpoint is only the bound), and nothing is checkpointed after the
 * store closed.
 */
class ReadModelCheckpointsTest {

    @TempDir
    Path folder;

    @Test
    void a_wal_grown_past_the_threshold_is_copied_into_the_file_by_the_checkpoint_thread_not_by_the_commit() throws Exception {
        Path file = folder.resolve("models.sqlite");
        try (Connection writer = writer(file)) {
            long before = Files.size(file);
            write(writer, 48);
            // the commit itself left the pages in the WAL: the writer's bound is far above 48 MB
            assertEquals(before, Files.size(file));
            WalCheckpointer checkpoints = ReadModelCheckpoints.of(file);
            checkpoints.committed();
            checkpoints.close(); // waits for the checkpoint it started
            assertTrue(Files.size(file) > before + (40L << 20), "the file holds the checkpointed pages: " + Files.size(file));
        }
    }

    @Test
    void a_small_wal_is_left_to_grow() throws Exception {
        Path file = folder.resolve("models.sqlite");
        try (Connection writer = writer(file)) {
            long before = Files.size(file);
            write(writer, 4);
            WalCheckpointer checkpoints = ReadModelCheckpoints.of(file);
            checkpoints.committed();
            checkpoints.close();
            assertEquals(before, Files.size(file));
        }
    }

    @Test
    void after_close_no_checkpoint_starts() throws Exception {
        Path file = folder.resolve("models.sqlite");
        try (Connection writer = writer(file)) {
            long before = Files.size(file);
            WalCheckpointer checkpoints = ReadModelCheckpoints.of(file);
            checkpoints.close();
            write(writer, 48);
            checkpoints.committed();
            checkpoints.close();
            assertEquals(before, Files.size(file));
        }
    }

    private static Connection writer(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            ReadModelCheckpoints.configureWriter(statement);
            statement.execute("CREATE TABLE IF NOT EXISTS pages (data BLOB)");
        }
        return connection;
    }

    /** Commits {@code megabytes} of rows in one transaction. */
    private static void write(Connection writer, int megabytes) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            for (int index = 0; index < megabytes; index++) {
                statement.execute("INSERT INTO pages VALUES (randomblob(1048576))");
            }
            statement.execute("COMMIT");
        }
    }
}

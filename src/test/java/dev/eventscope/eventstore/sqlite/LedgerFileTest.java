package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.ledgerWith;
import static dev.eventscope.eventstore.sqlite.LedgerFiles.rawSql;
import static dev.eventscope.eventstore.sqlite.LedgerFiles.sha256;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerFileTest {

    @TempDir
    Path folder;

    @Nested
    @DisplayName("a new ledger")
    class NewLedger {

        @Test
        void opening_a_missing_path_creates_a_ledger_in_wal_mode_with_full_durability() throws Exception {
            Path file = folder.resolve("new.ledger");
            try (SqliteEventStore store = SqliteEventStore.open(file)) {
                assertTrue(Files.exists(file));
                assertEquals(0, store.lastPosition());
            }
            assertEquals("wal", pragma(file, "journal_mode"));
            assertEquals(String.valueOf(LedgerSchema.APPLICATION_ID), pragma(file, "application_id"));
            assertEquals(String.valueOf(LedgerSchema.CURRENT_VERSION), pragma(file, "user_version"));
        }

        @Test
        void a_missing_folder_is_named() {
            Path file = folder.resolve("no-such-folder/new.ledger");
            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));
            assertMentions(refused.getMessage(), "no-such-folder", "does not exist");
        }

        @Test
        void a_new_ledger_named_as_the_log_or_shared_memory_of_another_is_refused_and_the_other_keeps_its_events() throws Exception {
            // session 19: init/import/copy made books.ledger-wal as a ledger; the next opening of books.ledger read it as
            // its write-ahead log and deleted it, with every event it held
            Path books = ledgerWith(folder.resolve("books.ledger"), 2, 3);
            String before = sha256(books);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Path sideFile = folder.resolve("books.ledger" + suffix);
                EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(sideFile),
                        suffix);
                assertMentions(refused.getMessage(), "books.ledger" + suffix, suffix.substring(1) + " file of",
                        "Nothing was created");
                assertFalse(Files.exists(sideFile), "nothing may be created under the name " + sideFile);
            }
            assertEquals(before, sha256(books));
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(books)) {
                assertEquals(6, store.lastPosition());
            }
        }

        @Test
        void a_new_ledger_beside_a_leftover_log_of_its_name_is_refused() throws Exception {
            // a -journal left there would be rolled back into the new ledger when its writer first opens it
            for (String suffix : List.of("-wal", "-journal")) {
                Path file = folder.resolve("fresh" + suffix.replace('-', '_') + ".ledger");
                Path leftover = Path.of(file + suffix);
                Files.writeString(leftover, "not ours");
                EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file),
                        suffix);
                assertMentions(refused.getMessage(), leftover.getFileName().toString(), "already a file",
                        "Nothing was created");
                assertFalse(Files.exists(file));
                assertEquals("not ours", Files.readString(leftover));
            }
        }

        @Test
        void a_new_ledger_beside_the_empty_log_a_read_only_opening_left_is_created() throws Exception {
            // a read-only opening of a ledger leaves an empty -wal and -shm; the ledger removed, its name is free again
            Path file = ledgerWith(folder.resolve("again.ledger"), 2, 3);
            try (SqliteEventStore readOnly = SqliteEventStore.openReadOnly(file)) {
                assertEquals(6, readOnly.lastPosition());
            }
            Files.delete(file);
            assertTrue(Files.exists(Path.of(file + "-shm")), "the read-only opening left its shared memory");
            for (String suffix : List.of("-wal", "-journal")) {
                Path leftover = Path.of(file + suffix);
                if (!Files.exists(leftover)) {
                    Files.createFile(leftover);
                }
                assertEquals(0, Files.size(leftover), suffix);
            }
            try (SqliteEventStore store = SqliteEventStore.open(file)) {
                assertEquals(0, store.lastPosition());
            }
        }

        @Test
        void another_ledger_s_write_ahead_log_put_beside_a_ledger_is_refused_for_writing_and_the_ledger_is_left_whole()
                throws Exception {
            // session 19: opening for writing copied the foreign log into the file for good and said "left unchanged"
            Path books = ledgerWith(folder.resolve("books.ledger"), 2, 3);
            Path other = ledgerWith(folder.resolve("other.ledger"), 3, 4);
            Path foreignLog = folder.resolve("stolen-wal");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                // the other ledger's owner rewrites its events, so its log holds pages of its events table
                statement.execute("DROP TRIGGER events_are_immutable");
                statement.execute("UPDATE events SET data = data || ' '");
                Files.copy(Path.of(other + "-wal"), foreignLog);
            }
            String before = sha256(books);
            assertFalse(Files.exists(Path.of(books + "-wal")), "a closed ledger keeps no log");
            Files.deleteIfExists(Path.of(books + "-shm"));
            Files.copy(foreignLog, Path.of(books + "-wal"));

            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(books));

            assertMentions(refused.getMessage(), "books.ledger-wal", "does not belong to it", "Nothing was changed");
            assertEquals(before, sha256(books), "the ledger file must not change");
            Files.delete(Path.of(books + "-wal"));
            Files.deleteIfExists(Path.of(books + "-shm"));
            try (SqliteEventStore store = SqliteEventStore.open(books)) {
                assertEquals(6, store.lastPosition());
                assertTrue(store.verify().intact());
            }
        }

        @Test
        void the_writer_runs_with_synchronous_full_by_default() throws Exception {
            // synchronous is per connection, so ask the store's own writer through a fresh append path
            SqliteOptions options = SqliteOptions.defaults();
            assertEquals(SqliteOptions.Synchronous.FULL, options.synchronous());
            try (Connection writer = SqliteConnections.openWriter(ledgerWith(folder.resolve("d.ledger"), 1, 1), options.synchronous());
                 Statement statement = writer.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA synchronous")) {
                row.next();
                assertEquals(2, row.getInt(1), "2 = FULL");
            }
        }
    }

    @Nested
    @DisplayName("pages and checkpoints (session 10)")
    class PagesAndCheckpoints {

        @Test
        void a_new_ledger_has_16_KiB_pages_and_its_writer_checkpoints_the_wal_itself_at_1600_MB() throws Exception {
            Path file = ledgerWith(folder.resolve("pages.ledger"), 2, 3);
            assertEquals("16384", pragma(file, "page_size"));
            try (Connection writer = SqliteConnections.openWriter(file, SqliteOptions.Synchronous.FULL)) {
                // every ~400 MB WalCheckpointer checkpoints beside the writer (session 15); the writer's own bounds the WAL
                assertEquals(4 * 100_000L * 4_096 / 16_384, writerPragma(writer, "wal_autocheckpoint"));
                assertEquals(64L << 20, writerPragma(writer, "journal_size_limit"));
            }
        }

        @Test
        void a_ledger_with_4_KiB_pages_as_every_earlier_eventscope_made_keeps_them_and_works() throws Exception {
            Path file = ledgerWith(folder.resolve("old-pages.ledger"), 3, 4);
            // what a ledger made before session 10 is: the same schema in SQLite's default 4 KiB pages
            rawSql(file, "PRAGMA journal_mode = DELETE", "PRAGMA page_size = 4096", "VACUUM", "PRAGMA journal_mode = WAL");
            assertEquals("4096", pragma(file, "page_size"));
            try (SqliteEventStore store = SqliteEventStore.open(file)) {
                assertTrue(store.verify().intact());
                store.append(StreamId.of("account-test:0"), ExpectedVersion.exactly(4), List.of(new NewEvent("after", "Tested", 1,
                        "{}", EventMetadata.by("tester"))));
                try (dev.eventscope.eventstore.BulkAppend bulk = store.beginBulkAppend()) {
                    for (int n = 0; n < 500; n++) {
                        bulk.append(List.of(new dev.eventscope.eventstore.StreamAppend(StreamId.of("account-test:bulk"),
                                ExpectedVersion.exactly(n), List.of(new NewEvent("bulk-" + n, "Tested", 1, "{\"n\":" + n + "}",
                                EventMetadata.by("tester"))))));
                    }
                    bulk.commit();
                }
                assertEquals(513, store.lastPosition());
                assertTrue(store.verify().intact());
                assertEquals(400_000L, writerPragma(store.writerConnection(), "wal_autocheckpoint"));
            }
            assertEquals("4096", pragma(file, "page_size"));
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
                assertEquals(513, store.lastPosition());
                assertEquals(500, store.readStream(StreamId.of("account-test:bulk"), 1, dev.eventscope.eventstore.Direction.FORWARD,
                        1_000).size());
            }
        }

        private static long writerPragma(Connection writer, String name) throws SQLException {
            try (Statement statement = writer.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Nested
    @DisplayName("a file that is not a ledger is refused and left byte-for-byte unchanged")
    class NotALedger {

        private void assertRefusedUnchanged(Path file, String... mentions) throws Exception {
            String before = sha256(file);
            long sizeBefore = Files.size(file);
            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));
            assertMentions(refused.getMessage(), file.getFileName().toString());
            assertMentions(refused.getMessage(), mentions);
            assertEquals(before, sha256(file), "the file must not change");
            assertEquals(sizeBefore, Files.size(file));
            assertFalse(Files.exists(Path.of(file + "-wal")), "no WAL may be left beside a refused file");
            EventStoreException readOnly = assertThrows(EventStoreException.class, () -> SqliteEventStore.openReadOnly(file));
            assertMentions(readOnly.getMessage(), file.getFileName().toString());
            assertEquals(before, sha256(file));
        }

        @Test
        void a_text_file() throws Exception {
            Path file = folder.resolve("journal.txt");
            Files.writeString(file, "2025-01-01 opening balances\n  assets:cash  100 EUR\n  equity:opening\n");
            assertRefusedUnchanged(file, "text file", "not an Eventscope ledger");
        }

        @Test
        void a_binary_file() throws Exception {
            Path file = folder.resolve("picture.png");
            Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
            assertRefusedUnchanged(file, "not an SQLite database");
        }

        @Test
        void an_empty_file() throws Exception {
            Path file = folder.resolve("empty.ledger");
            Files.createFile(file);
            assertRefusedUnchanged(file, "empty file");
        }

        @Test
        void a_foreign_sqlite_database() throws Exception {
            Path file = folder.resolve("contacts.db");
            rawSql(file, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('Ada', '123')");
            assertRefusedUnchanged(file, "SQLite database but not an Eventscope ledger", "contacts");
        }

        @Test
        void a_database_of_another_application() throws Exception {
            Path file = folder.resolve("other.db");
            rawSql(file, "PRAGMA application_id = 1234", "CREATE TABLE t (x)");
            assertRefusedUnchanged(file, "another application");
        }

        @Test
        void a_truncated_ledger() throws Exception {
            Path file = ledgerWith(folder.resolve("truncated.ledger"), 20, 20);
            long size = Files.size(file);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size / 2 + 100);
            }
            assertRefusedUnchanged(file, "truncated");
        }

        @Test
        void a_ledger_cut_inside_its_header() throws Exception {
            Path file = ledgerWith(folder.resolve("stub.ledger"), 1, 1);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(40);
            }
            assertRefusedUnchanged(file, "truncated");
        }

        @Test
        void a_corrupt_ledger() throws Exception {
            Path file = ledgerWith(folder.resolve("corrupt.ledger"), 5, 5);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                // overwrite the schema table (the rest of page 1) with noise
                raf.seek(100);
                byte[] noise = new byte[3000];
                new java.util.Random(7).nextBytes(noise);
                raf.write(noise);
            }
            assertRefusedUnchanged(file, "damaged");
        }

        @Test
        void a_ledger_from_a_newer_eventscope() throws Exception {
            Path file = ledgerWith(folder.resolve("future.ledger"), 1, 1);
            rawSql(file, "PRAGMA user_version = " + (LedgerSchema.CURRENT_VERSION + 5));
            assertRefusedUnchanged(file, "newer Eventscope", "version " + (LedgerSchema.CURRENT_VERSION + 5));
        }

        @Test
        void a_folder() {
            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(folder));
            assertMentions(refused.getMessage(), "folder");
        }

        @Test
        @DisplayName("session 16: another program's database with a table named events, as a ledger has")
        void a_database_of_another_program_with_a_table_named_events() throws Exception {
            Path file = folder.resolve("tracker.db");
            rawSql(file, "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT, data TEXT)",
                    "CREATE TABLE head (position INTEGER)", "INSERT INTO events VALUES (1, 's', '{}')");
            assertRefusedUnchanged(file, "SQLite database but not an Eventscope ledger", "events");
        }

        @Test
        @DisplayName("session 16: a named pipe is refused at once (reading it waited for ever for a writer)")
        @EnabledOnOs({OS.LINUX, OS.MAC})
        void a_named_pipe() throws Exception {
            Path pipe = folder.resolve("pipe.ledger");
            assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
            // only a guard against the old hang, generous for a loaded machine: the refusal reads nothing
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                for (boolean readOnly : new boolean[] {false, true}) {
                    EventStoreException refused = assertThrows(EventStoreException.class, () -> {
                        try (SqliteEventStore store = readOnly ? SqliteEventStore.openReadOnly(pipe)
                                : SqliteEventStore.open(pipe)) {
                            store.lastPosition();
                        }
                    });
                    assertMentions(refused.getMessage(), "pipe.ledger", "not a file but a named pipe");
                }
            });
            assertFalse(Files.exists(Path.of(pipe + "-wal")));
            assertFalse(Files.exists(Path.of(pipe + "-journal")));
        }

        @Test
        @DisplayName("session 16: a device is refused as one, not read as a database that never ends")
        @EnabledOnOs(OS.LINUX)
        void a_device() {
            EventStoreException refused = assertThrows(EventStoreException.class,
                    () -> SqliteEventStore.openReadOnly(Path.of("/dev/zero")));
            assertMentions(refused.getMessage(), "/dev/zero", "not a file but a named pipe, a device");
        }
    }

    @Nested
    @DisplayName("an older ledger")
    class OlderLedger {

        @Test
        void is_migrated_in_one_transaction_and_keeps_its_events_and_chain() throws Exception {
            // a ledger of schema 1: a bundled sample (schema 2) without the table step 2 adds
            Path file = SchemaUpgradeTest.copyOfSample(folder, "small-business");
            long last;
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
                last = store.lastPosition();
            }
            rawSql(file, "DROP TABLE snapshots", "PRAGMA user_version = 1");
            StreamId bank = StreamId.of("account-assets:bank:checking");
            try (SqliteEventStore store = SqliteEventStore.open(file)) {
                assertEquals(last, store.lastPosition());
                assertTrue(store.verify().intact());
                store.append(bank, ExpectedVersion.exactly(137), List.of(new NewEvent("later", "Tested", 1, "{}",
                        EventMetadata.by("tester"))));
                store.saveSnapshot(new dev.eventscope.eventstore.Snapshot(bank, 138, "S", 1, "{}"));
            }
            assertEquals(String.valueOf(LedgerSchema.CURRENT_VERSION), pragma(file, "user_version"));
        }

        @Test
        void a_failed_migration_leaves_the_old_schema() throws Exception {
            Path file = SchemaUpgradeTest.copyOfSample(folder, "small-business");
            // a table in the way of step 2 makes the migration fail midway
            rawSql(file, "DROP TABLE snapshots", "PRAGMA user_version = 1", "CREATE VIEW snapshots AS SELECT 1");
            assertThrows(EventStoreException.class, () -> SqliteEventStore.open(file));
            assertEquals("1", pragma(file, "user_version"));
        }

        @Test
        void is_refused_read_only_with_advice_to_upgrade() throws Exception {
            Path file = SchemaUpgradeTest.copyOfSample(folder, "small-business");
            rawSql(file, "DROP TABLE snapshots", "PRAGMA user_version = 1");
            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.openReadOnly(file));
            assertMentions(refused.getMessage(), "older Eventscope", "open it normally");
        }
    }

    @Nested
    @DisplayName("events are immutable")
    class Immutable {

        @Test
        void the_table_refuses_update_and_delete() throws Exception {
            Path file = ledgerWith(folder.resolve("fixed.ledger"), 1, 3);
            SQLException update = assertThrows(SQLException.class, () -> rawSql(file, "UPDATE events SET data = '{}' WHERE position = 2"));
            assertMentions(update.getMessage(), "events are immutable");
            SQLException delete = assertThrows(SQLException.class, () -> rawSql(file, "DELETE FROM events WHERE position = 2"));
            assertMentions(delete.getMessage(), "events are immutable");
        }
    }

    @Nested
    @DisplayName("read-only mode")
    class ReadOnly {

        @Test
        void reads_work_and_every_write_fails_clearly() throws Exception {
            Path file = ledgerWith(folder.resolve("audit.ledger"), 2, 3);
            String before = sha256(file);
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
                assertTrue(store.isReadOnly());
                assertEquals(6, store.lastPosition());
                assertTrue(store.verify().intact());
                EventStoreException refused = assertThrows(EventStoreException.class, () -> store.append(StreamId.of("x"),
                        ExpectedVersion.ANY, List.of(new NewEvent("n", "T", 1, "{}", EventMetadata.by("auditor")))));
                assertMentions(refused.getMessage(), "read-only", "audit.ledger");
                assertThrows(EventStoreException.class, () -> store.saveSnapshot(
                        new dev.eventscope.eventstore.Snapshot(StreamId.of("account-test:0"), 1, "S", 1, "{}")));
            }
            assertEquals(before, sha256(file));
        }

        @Test
        void a_missing_file_is_not_created() {
            Path file = folder.resolve("missing.ledger");
            EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.openReadOnly(file));
            assertMentions(refused.getMessage(), "does not exist");
            assertFalse(Files.exists(file));
        }
    }

    static String pragma(Path file, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

}

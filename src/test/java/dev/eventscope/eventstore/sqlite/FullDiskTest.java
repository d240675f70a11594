package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary2): a ledger on a full disk (a 3 MB tmpfs). Creating a ledger said SQLite's own words ("Cannot
 * open …: [SQLITE_FULL] Insertion failed because database is full"), and the first write to an older ledger, which
 * upgrades it, said "cannot rollback - no transaction is active" (SQLite had rolled the upgrade back by itself, and the
 * failed ROLLBACK hid why). The disk is made full here by SQLite's own limit on the database's pages
 * ({@code PRAGMA max_page_count}), which fails the same way (SQLITE_FULL).
 */
class FullDiskTest {

    @TempDir
    Path folder;

    @AfterEach
    void noSeams() {
        SqliteLedgerOpener.creationSteps = (step, connection) -> { };
        SqliteLedgerOpener.upgradeBegun = connection -> { };
    }

    /** Fills the database of {@code connection} to its page limit, as a full disk would; SQLite's error is rethrown. */
    private static void fillUp(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            long pages;
            try (var row = statement.executeQuery("PRAGMA page_count")) {
                pages = row.getLong(1);
            }
            statement.execute("PRAGMA max_page_count = " + pages);
            statement.execute("CREATE TABLE filler (bytes BLOB)");
            statement.execute("INSERT INTO filler VALUES (zeroblob(1000000))");
        } catch (SQLException e) {
            throw FullDiskTest.<RuntimeException>sneaky(e);
        }
        throw new AssertionError("the page limit did not fill the database");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void creating_a_ledger_on_a_full_disk_says_so_in_one_sentence_and_leaves_no_file() throws Exception {
        Path ledger = folder.resolve("new.ledger");
        SqliteLedgerOpener.creationSteps = (step, connection) -> {
            if (step == SqliteLedgerOpener.CreationStep.SCHEMA_WRITTEN) {
                fillUp(connection);
            }
        };
        EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(ledger).close());
        assertEquals("Cannot create the ledger '" + ledger.toAbsolutePath() + "': the disk is full (no space left on device)."
                + " Nothing was created; free some space and try again.", refused.getMessage());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "no ledger and no hidden half-made file is left");
        }
    }

    @Test
    void the_upgrade_of_an_older_ledger_on_a_full_disk_says_so_and_leaves_it_as_it_was() throws Exception {
        Path ledger = SchemaUpgradeTest.copyOfSample(folder, "small-business");
        String before = sha256(ledger);
        SqliteLedgerOpener.upgradeBegun = FullDiskTest::fillUp;
        EventStoreException refused = assertThrows(EventStoreException.class, () -> SqliteEventStore.open(ledger).close());
        assertEquals("Cannot upgrade '" + ledger.toAbsolutePath() + "' from ledger schema version 2 to "
                + LedgerSchema.CURRENT_VERSION + ": the disk is full (no space left on device). It was left unchanged; free"
                + " some space and try again.", refused.getMessage());
        SqliteLedgerOpener.upgradeBegun = connection -> { };
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertTrue(store.verify().intact(), "the ledger verifies intact after the failed upgrade");
        }
        assertEquals(before, sha256(ledger), "the ledger's bytes are as they were");
        assertFalse(Files.exists(folder.resolve("small-business.ledger-wal")) && Files.size(folder.resolve("small-business.ledger-wal")) > 0,
                "no write-ahead log with half an upgrade is left");
    }

    @Test
    void opening_a_ledger_on_a_full_disk_names_the_full_disk_not_sqlite_s_codes() {
        Path ledger = folder.resolve("l.ledger").toAbsolutePath();
        EventStoreException full = LedgerFileInspector.damaged(ledger,
                new SQLiteException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)", SQLiteErrorCode.SQLITE_FULL));
        assertEquals("Cannot open '" + ledger + "': the disk is full (no space left on device). Nothing was changed; free some"
                + " space and try again.", full.getMessage());
        EventStoreException shm = LedgerFileInspector.damaged(ledger, new SQLiteException("[SQLITE_IOERR_SHMSIZE] I/O error within"
                + " xShmMap while trying to resize an existing shared memory segment (disk I/O error)", SQLiteErrorCode.SQLITE_IOERR_SHMSIZE));
        assertTrue(shm.getMessage().startsWith("Cannot open '" + ledger + "': SQLite could not make room for its shared-memory file '"
                + ledger + "-shm'"), shm.getMessage());
        assertTrue(shm.getMessage().contains("the disk is most likely full (no space left on device). Nothing was changed"), shm.getMessage());
    }
}

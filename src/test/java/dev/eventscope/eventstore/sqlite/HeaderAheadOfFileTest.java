package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.ledgerWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20's CI: a ledger opened while its writer checkpointed was refused as "truncated: it holds 589824 bytes but
 * its header says 606208" — a checkpoint writes page 1, whose header already counts the pages it is about to add,
 * before the pages that grow the file. The opening check reads the file without SQLite's locks, so it sees that state.
 * Here the state is made to last: the header counts two pages more than the file holds, with a write-ahead log beside
 * it. The check must not call the ledger truncated while a log is there (SQLite reads through it), must open it once the
 * file has grown, and calls the same file truncated when no log is beside it.
 */
class HeaderAheadOfFileTest {

    @TempDir
    Path folder;

    private static long pageSize(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(16);
            int size = raf.readUnsignedShort();
            return size == 1 ? 65536 : size;
        }
    }

    @Test
    void a_header_ahead_of_its_file_while_a_log_holds_frames_is_not_called_truncated() throws Exception {
        Path file = ledgerWith(folder.resolve("growing.ledger"), 3, 3);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(28);
            int pages = raf.readInt();
            raf.seek(28);
            raf.writeInt(pages + 2);
        }
        Path log = Path.of(file + "-wal");
        Files.write(log, new byte[4096]);
        // the state lasts (no checkpoint ends it): the check leaves the file to SQLite, which here finds the missing pages
        // nowhere (this log holds no real frames) and says so in its own words, not as a truncated file
        EventStoreException judged = assertThrows(EventStoreException.class, () -> LedgerFileInspector.inspect(file));
        assertFalse(judged.getMessage().contains("truncated"), judged.getMessage());

        // the checkpoint ends: the pages the header counts are written and the log is emptied while the check waits
        java.util.concurrent.ExecutorService checking = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> opened = checking.submit(() -> LedgerFileInspector.inspect(file));
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(raf.length() + 2L * pageSize(file));
            }
            Files.delete(log);
            assertDoesNotThrow(() -> opened.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            checking.shutdownNow();
        }

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 2L * pageSize(file));
        }
        EventStoreException refused = assertThrows(EventStoreException.class, () -> LedgerFileInspector.inspect(file));
        assertTrue(refused.getMessage().contains("is truncated"), refused.getMessage());
    }
}

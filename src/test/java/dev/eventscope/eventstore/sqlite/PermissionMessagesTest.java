package dev.eventscope.eventstore.sqlite;

import org.junit.jupiter.api.Test;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17.12: a ledger the user may not read or write gets one sentence naming the reason, not the bare
 * path ("Cannot read '/x/a.ledger': /x/a.ledger.") or SQLite's SQLITE_READONLY_DIRECTORY text. The rules are
 * tested apart from the file system because these tests run as root, for whom every file is writable; the
 * wording was also checked by hand as the user nobody (docs/durability.md).
 */
class PermissionMessagesTest {

    private static final Path LEDGER = Path.of("/srv/books/a.ledger");

    @Test
    void a_file_that_may_not_be_read_says_permission() {
        assertEquals("Cannot read the ledger '/srv/books/a.ledger': you do not have permission to read it (ask its owner,"
                        + " or check the file's permissions).",
                LedgerFileInspector.cannotRead(LEDGER, new AccessDeniedException(LEDGER.toString())).getMessage());
    }

    @Test
    void a_read_only_file_or_folder_is_named_before_sqlite_fails() {
        assertEquals(Optional.of("You may not change the ledger '/srv/books/a.ledger': its file is read-only for you."
                + " Open it read-only (as an auditor) to look at it."), SqliteLedgerOpener.writeProblem(LEDGER, false, true, false));
        assertEquals(Optional.of("You may not change the ledger '/srv/books/a.ledger': you may not create files in its folder"
                        + " '/srv/books', where SQLite keeps the ledger's write-ahead log. Open it read-only (as an auditor) to look at it."),
                SqliteLedgerOpener.writeProblem(LEDGER, true, false, false));
        assertEquals(Optional.empty(), SqliteLedgerOpener.writeProblem(LEDGER, true, false, true), "an existing WAL can be written");
        assertEquals(Optional.empty(), SqliteLedgerOpener.writeProblem(LEDGER, true, true, false));
    }

    @Test
    void a_new_ledger_in_a_folder_that_may_not_be_written_is_refused_in_one_sentence() {
        // session 20 (adversary2): on a read-only mount, import and copy into a new ledger said SQLite's
        // "[SQLITE_CANTOPEN] Unable to open the database file"
        assertEquals(Optional.of("Cannot create the ledger '" + LEDGER + "': you may not create files in its folder '"
                + LEDGER.getParent() + "' (it, or the file system it is on, is read-only for you). Nothing was created."),
                SqliteLedgerOpener.createProblem(LEDGER, false));
        assertEquals(Optional.empty(), SqliteLedgerOpener.createProblem(LEDGER, true));
    }
}

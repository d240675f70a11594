package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.EventStoreException.Problem;
import dev.eventscope.timetravel.InvalidPoint;
import dev.eventscope.timetravel.TimeTravelException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMessagesTest {

    @Test
    void a_time_travel_answer_that_cannot_be_given_is_shown_as_it_is_written() {
        String why = "The event at position 250 (PostingRecorded) cannot be read: its data is not valid JSON."
                + " The account cannot be rebuilt past it.";
        assertEquals(why, ErrorMessages.of(new CompletionException(new TimeTravelException(why))));
    }

    @Test
    void a_ledger_another_program_holds_locked_says_so_in_words(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        // session 20's shot: "Cannot open '…/locked.ledger': [SQLITE_BUSY] The database file is locked (database is locked)."
        java.nio.file.Path ledger = java.nio.file.Files.copy(java.nio.file.Path.of("sample-data/ledgers/small-business.ledger"),
                folder.resolve("locked.ledger"));
        try (var holder = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ledger); var statement = holder.createStatement()) {
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            // SQLite waits out its busy timeout (15 s) before it gives up
            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> dev.eventscope.session.TestSessions.SQLITE.open(ledger).close());
            String said = ErrorMessages.of(refused);
            assertTrue(said.contains("another program has held it locked") && !said.contains("SQLITE_BUSY"), said);
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void a_sandbox_problem_is_its_own_sentence() {
        // session 20's shot: "Something went wrong (The sandbox is still opening.); try again, and if it persists, …"
        assertEquals("The sandbox is still opening.", ErrorMessages.of(new RuntimeException(
                new dev.eventscope.sandbox.SandboxProblem("The sandbox is still opening."))));
    }

    @Test
    void a_point_that_is_not_one_lists_the_accepted_forms() {
        assertTrue(ErrorMessages.of(new InvalidPoint("yesterday")).startsWith("'yesterday' is not a point"));
    }

    @Test
    void an_unexpected_failure_says_so_and_what_to_do() {
        assertEquals("Something went wrong (boom); try again, and if it persists, report it with the log.",
                ErrorMessages.of(new IllegalStateException("boom")));
    }

    @Test
    void a_refused_file_is_told_with_what_to_do_next() {
        String foreign = ErrorMessages.of(new EventStoreException(Problem.NOT_A_LEDGER,
                "'/tmp/photos.ledger' is an SQLite database but not an Eventscope ledger (it has tables photos).", "", null));
        assertEquals("'/tmp/photos.ledger' is an SQLite database but not an Eventscope ledger (it has tables photos)."
                + " Open a ledger made by Eventscope, or bring the books in from their journal (File › Import a journal…).", foreign);
        String damaged = ErrorMessages.of(new EventStoreException(Problem.DAMAGED,
                "'/tmp/books.ledger' is damaged: its SQLite header gives an impossible page size (2515).", "", null));
        assertTrue(damaged.endsWith("(2515). Nothing was changed; restore the file from a backup."), damaged);
        // the store's own advice gives way to the window's, said once
        String truncated = ErrorMessages.of(new EventStoreException(Problem.DAMAGED,
                "'/tmp/books.ledger' is truncated: it holds 20000 bytes but its header says 622592.", "Restore it from a backup.", null));
        assertEquals("'/tmp/books.ledger' is truncated: it holds 20000 bytes but its header says 622592."
                + " Nothing was changed; restore the file from a backup.", truncated);
    }

    @Test
    void the_advice_follows_the_kind_of_problem_never_the_wording() {
        // worded like a damaged file but of no named kind: shown as written, nothing added
        String unnamed = "'/tmp/books.ledger' is damaged: its SQLite header gives an impossible page size (2515).";
        assertEquals(unnamed, ErrorMessages.of(new EventStoreException(unnamed)));
        String plainNotALedger = "The file /tmp/x is not an Eventscope ledger.";
        assertEquals(plainNotALedger, ErrorMessages.of(new EventStoreException(plainNotALedger)));
        // reworded, the kind still brings its advice
        String reworded = ErrorMessages.of(new EventStoreException(Problem.NOT_A_LEDGER, "'/tmp/notes.txt' holds plain text.", "", null));
        assertTrue(reworded.endsWith("(File › Import a journal…)."), reworded);
        String rewordedDamage = ErrorMessages.of(new CompletionException(new EventStoreException(Problem.DAMAGED,
                "'/tmp/books.ledger' has broken pages.", "", null)));
        assertEquals("'/tmp/books.ledger' has broken pages. Nothing was changed; restore the file from a backup.", rewordedDamage);
    }

    @Test
    void a_file_the_store_refuses_by_kind_gets_the_windows_advice(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path text = java.nio.file.Files.writeString(folder.resolve("notes.ledger"), "2025-01-01 rent\n");
        EventStoreException refused = org.junit.jupiter.api.Assertions.assertThrows(EventStoreException.class,
                () -> dev.eventscope.eventstore.sqlite.SqliteEventStore.openReadOnly(text).close());
        assertEquals(Problem.NOT_A_LEDGER, refused.problem());
        assertTrue(ErrorMessages.of(refused).endsWith("(File › Import a journal…)."));
    }

    @Test
    void a_hostile_file_name_is_shown_in_its_printable_form(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        // session 22 (adversary2): a line break, an escape sequence and a right-to-left override in the file's name went
        // raw into the dialog, so the name could add a line of its own or read as another name
        java.nio.file.Path text = java.nio.file.Files.writeString(folder.resolve("a\nb \u001B[2J \u202Etxt.ledger"),
                "2025-01-01 rent\n");
        EventStoreException refused = org.junit.jupiter.api.Assertions.assertThrows(EventStoreException.class,
                () -> dev.eventscope.eventstore.sqlite.SqliteEventStore.openReadOnly(text).close());

        String shown = ErrorMessages.of(refused);

        assertTrue(shown.contains("a\\u000Ab \\u001B[2J \\u202Etxt.ledger' is not an Eventscope ledger"), shown);
        assertTrue(shown.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT),
                shown);
    }
}

package dev.eventscope.ui.importer;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.session.TestSessions;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import dialog's view model: summary and skipped lines, the error with file:line, cancel rolls back. */
class ImportViewModelTest {

    private static final LedgerSessions SQLITE = TestSessions.SQLITE;

    @TempDir
    Path folder;

    private Path journal(String text) throws Exception {
        return Files.writeString(folder.resolve("books.journal"), text);
    }

    @Test
    void a_journal_is_imported_into_a_new_ledger_with_its_summary_and_skipped_lines() throws Exception {
        Path journal = journal("payee Bakery\n\n2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales\n");
        ImportViewModel model = new ImportViewModel(new SameThreadExecutor(), SQLITE);
        model.start(journal, ImportTarget.newLedger(folder.resolve("books.ledger")));

        assertEquals(ImportState.DONE, model.stateProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertTrue(model.summaryProperty().get().startsWith("Imported 1 entries, 2 accounts opened"), model.summaryProperty().get());
        assertTrue(model.summaryProperty().get().endsWith("The journal held 1 transactions, 2 postings, 0 directives, 1 skipped."),
                model.summaryProperty().get());
        assertEquals(1, model.skippedLines().size());
        assertTrue(model.skippedLines().get(0).startsWith("line 1: "), model.skippedLines().get(0));
        try (EventStore store = SqliteEventStore.openReadOnly(folder.resolve("books.ledger"))) {
            assertTrue(store.lastPosition() > 0);
        }
    }

    @Test
    void an_error_names_the_file_and_line_and_leaves_no_new_ledger_behind() throws Exception {
        Path journal = journal("2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales  -90.00 EUR\n");
        ImportViewModel model = new ImportViewModel(new SameThreadExecutor(), SQLITE);
        model.start(journal, ImportTarget.newLedger(folder.resolve("books.ledger")));

        assertEquals(ImportState.FAILED, model.stateProperty().get());
        assertTrue(model.errorProperty().get().contains("books.journal:1"), model.errorProperty().get());
        assertFalse(Files.exists(folder.resolve("books.ledger")));
    }

    @Test
    void a_ledger_another_process_makes_under_the_new_ledger_s_name_meanwhile_is_left_as_it_was() throws Exception {
        // session 24 (adversary): the import opened that ledger as its new one and, failing, removed it with its log
        Path journal = journal("2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales  -90.00 EUR\n");
        Path others = Files.copy(Path.of("sample-data/ledgers/household-two-currencies.ledger"), folder.resolve("others.ledger"));
        byte[] before = Files.readAllBytes(others);
        Path target = folder.resolve("books.ledger");
        ImportViewModel model = new ImportViewModel(new SameThreadExecutor(), SQLITE);
        try (AutoCloseable seam = dev.eventscope.eventstore.sqlite.LedgerCreationSeam.beforeLinking(() -> {
            try {
                Files.copy(others, target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            model.start(journal, ImportTarget.newLedger(target));
        }

        assertEquals(ImportState.FAILED, model.stateProperty().get());
        assertTrue(Files.exists(target), "the ledger another process made there was removed by the failed import");
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void a_new_ledger_refused_beside_a_leftover_log_leaves_that_file_as_it_was() throws Exception {
        // session 19: the refusal said "remove it or choose another file name", and the failed import removed it unasked
        Path journal = journal("2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales\n");
        Path leftover = Files.writeString(folder.resolve("books.ledger-journal"), "not ours");
        ImportViewModel model = new ImportViewModel(new SameThreadExecutor(), SQLITE);
        model.start(journal, ImportTarget.newLedger(folder.resolve("books.ledger")));

        assertEquals(ImportState.FAILED, model.stateProperty().get());
        assertTrue(model.errorProperty().get().contains("books.ledger-journal"), model.errorProperty().get());
        assertEquals("not ours", Files.readString(leftover));
        assertFalse(Files.exists(folder.resolve("books.ledger")));
    }

    @Test
    void cancelling_rolls_everything_back() throws Exception {
        Path journal = journal("2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales\n");
        Path ledger = folder.resolve("open.ledger");
        try (EventStore store = SqliteEventStore.open(ledger)) {
            long before = store.lastPosition();
            SameThreadExecutor held = new SameThreadExecutor();
            held.hold();
            ImportViewModel second = new ImportViewModel(held, SQLITE);
            second.start(journal, ImportTarget.openLedger(TestSessions.of(ledger, store)));
            second.cancel();
            held.runHeld();
            assertEquals(ImportState.CANCELLED, second.stateProperty().get());
            assertEquals(before, store.lastPosition());
            assertTrue(second.summaryProperty().get().contains("ledger is unchanged"));
        }
    }

    @Test
    void importing_the_same_journal_again_is_refused_with_the_reason() throws Exception {
        Path journal = journal("2025-01-02 Sale\n    assets:bank  100.00 EUR\n    income:sales\n");
        Path ledger = folder.resolve("open.ledger");
        try (EventStore store = SqliteEventStore.open(ledger)) {
            ImportViewModel first = new ImportViewModel(new SameThreadExecutor(), SQLITE);
            first.start(journal, ImportTarget.openLedger(TestSessions.of(ledger, store)));
            assertEquals(ImportState.DONE, first.stateProperty().get(), first.errorProperty().get());
            long before = store.lastPosition();

            ImportViewModel again = new ImportViewModel(new SameThreadExecutor(), SQLITE);
            again.start(journal, ImportTarget.openLedger(TestSessions.of(ledger, store)));

            assertEquals(ImportState.FAILED, again.stateProperty().get());
            assertTrue(again.errorProperty().get().startsWith("books.journal was already imported"), again.errorProperty().get());
            assertEquals(before, store.lastPosition());
        }
    }
}

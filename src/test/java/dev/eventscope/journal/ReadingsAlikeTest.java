package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an import's two readings must do whatever code they share (session 19 tried one listener class and the
 * balancer's reading-dependent state in data, docs/benchmarks-store.md "Session 19 (import2)"): the display precision
 * before and after it is fixed, and the first reading's progress reports.
 */
class ReadingsAlikeTest {

    @TempDir
    Path folder;

    @Test
    void before_it_is_fixed_the_display_precision_follows_the_amounts_and_directives_read() {
        TransactionBalancer balancer = new TransactionBalancer();
        balancer.notePrecision("EUR", 2);
        assertEquals(Map.of("EUR", 2), balancer.displayPrecision());
        balancer.declarePrecision("EUR", 0);
        assertEquals(Map.of("EUR", 0), balancer.displayPrecision());
        balancer.notePrecision("USD", 3);
        balancer.notePrecision("USD", 1);
        assertEquals(Map.of("EUR", 0, "USD", 3), balancer.displayPrecision());
        balancer.notePrecision("EUR", 4);
        assertEquals(Map.of("EUR", 0, "USD", 3), balancer.displayPrecision(), "a declaration wins over amounts");
    }

    @Test
    void once_fixed_the_display_precision_is_the_fixed_one_whatever_is_read_after() {
        TransactionBalancer balancer = new TransactionBalancer();
        balancer.notePrecision("EUR", 2);
        assertEquals(Map.of("EUR", 2), balancer.displayPrecision());
        Map<String, Integer> whole = Map.of("EUR", 3, "USD", 1);
        balancer.fixPrecision(whole);
        assertEquals(whole, balancer.displayPrecision());
        balancer.notePrecision("EUR", 5);
        balancer.notePrecision("GBP", 4);
        assertEquals(whole, balancer.displayPrecision());
        balancer.declarePrecision("USD", 0);
        balancer.declarePrecision("CHF", 2);
        assertEquals(whole, balancer.displayPrecision());
    }

    @Test
    void the_checking_reading_reports_its_progress_up_to_the_whole_file() throws Exception {
        StringBuilder text = new StringBuilder("commodity 1,000.00 EUR\n");
        for (int entry = 0; entry < 1500; entry++) {
            text.append("2024-01-").append(String.format("%02d", 1 + entry % 28)).append(" entry ").append(entry)
                    .append("\n    expenses:food   1.25 EUR\n    assets:bank\n\n");
        }
        Path journal = folder.resolve("books.journal");
        Files.writeString(journal, text);
        long size = Files.size(journal);
        List<Long> checking = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("p.ledger"))) {
            ImportSummary summary = new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("alice"), new ImportProgress() {
                        @Override
                        public void progress(String phase, long bytesRead, long totalBytes, long entries) {
                            if (phase.equals("checking")) {
                                assertEquals(size, totalBytes);
                                checking.add(bytesRead);
                            }
                        }
                    });
            assertEquals(1500, summary.entries());
        }
        // 6,001 lines: a report every 1,000 lines or so, and the last at the end of the file
        assertTrue(checking.size() >= 5, checking::toString);
        for (int index = 1; index < checking.size(); index++) {
            assertTrue(checking.get(index) >= checking.get(index - 1), checking::toString);
        }
        assertEquals(size, checking.get(checking.size() - 1));
    }
}

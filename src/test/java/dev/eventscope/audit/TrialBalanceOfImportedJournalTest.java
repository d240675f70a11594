package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trial balance of verification (issue 12): virtual postings are left out and labelled so, and an entry hledger
 * balances at its commodity's display precision (off by 0.00476 USD at cost) balances here too.
 */
class TrialBalanceOfImportedJournalTest {

    @TempDir
    Path folder;

    @Test
    void virtual_postings_are_left_out_and_entries_balance_at_their_display_precision() throws Exception {
        Path journal = folder.resolve("books.journal");
        Files.writeString(journal, """
                2025-01-01 salary, with an envelope budget
                    assets:checking  1000.00 USD
                    income:salary  -1000.00 USD
                    (budget:food)  300.00 USD
                    [budget:unallocated]  -300.00 USD
                    [budget:rent]  300.00 USD
                2025-01-02 shares, costing 100.00476 USD
                    assets:shares  3 AAA @ 33.33492 USD
                    assets:checking  -100.00 USD
                2025-01-03 a lone unbalanced virtual posting
                    (tracking:miles)  120
                """);
        Path ledger = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("alice"), ImportProgress.NONE);
        }
        LedgerVerifier verifier = new LedgerVerifier(BookkeepingCodec.create(),
                new RememberedHeads(folder.resolve("heads")), new TrustedKeys(new SigningKeys(folder.resolve("keys"))),
                Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC));
        LedgerBalance books;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            books = verifier.verify(store, ledger).balance();
        }
        assertTrue(books.balanced(), books.summary());
        assertEquals(4, books.virtualPostings());
        assertEquals("The books balance: the 4 real postings sum to zero in every commodity (4 virtual postings are left"
                + " out of the trial balance, as hledger --real leaves them out).", books.summary());
        assertMentions(books.summary(), "virtual");
    }
}

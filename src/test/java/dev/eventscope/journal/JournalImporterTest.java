package dev.eventscope.journal;

import dev.eventscope.timetravel.FullReplay;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalImporterTest {

    @TempDir
    Path folder;

    private static final CommandContext ALICE = CommandContext.byUser("alice");

    private ImportSummary importInto(Path ledger, Path journal) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            return new JournalImporter(LedgerCommandService.create(store))
                    .importJournal(journal, JournalImporter.Options.defaults(), ALICE, ImportProgress.NONE);
        }
    }

    private Map<String, Map<String, BigDecimal>> ourBalances(Path ledger, LocalDate asOf) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            FullReplay replay = new FullReplay(store, BookkeepingCodec.create());
            // asOf null: at the end, every posting
            return new TreeMap<>((asOf == null ? replay.balances(Long.MAX_VALUE) : replay.balances(Long.MAX_VALUE, asOf)).asMap());
        }
    }

    private Path journal(String text) throws Exception {
        Path file = folder.resolve("books.journal");
        Files.writeString(file, text);
        return file;
    }

    @Nested
    @DisplayName("a valid journal")
    class ValidJournal {

        @Test
        void becomes_a_ledger_with_accounts_entries_and_metadata() throws Exception {
            Path journal = journal("""
                    account assets:bank  ; the current account
                    2025-01-02 * (INV-1) Opening balance  ; source:bank-statement
                        assets:bank        1,000.00 EUR
                        equity:opening
                    2025-01-05 Groceries
                        expenses:food        42.10 EUR
                        assets:bank
                    """);
            Path ledger = folder.resolve("books.ledger");
            ImportSummary summary = importInto(ledger, journal);
            assertEquals(2, summary.entries());
            assertEquals(3, summary.accountsOpened());
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                assertEquals(List.of("account-assets:bank", "account-equity:opening", "account-expenses:food",
                                "entry-E000001", "entry-E000002", "ledger"),
                        store.streams(StreamFilter.ALL).stream().map(s -> s.streamId().value()).toList());
                RecordedEvent posted = store.readStream(StreamId.of("entry-E000001"), 1,
                        dev.eventscope.eventstore.Direction.FORWARD, 1).get(0);
                assertEquals("EntryPosted", posted.type());
                assertEquals("alice", posted.metadata().user());
                assertEquals("PostEntry", posted.metadata().commandName());
                assertMentions(posted.data(), "INV-1", "Opening balance", "bank-statement");
                assertTrue(store.verify().intact());
                assertEquals(summary.events(), store.lastPosition());
            }
            assertEquals(Map.of("assets:bank", Map.of("EUR", new BigDecimal("957.9")),
                    "equity:opening", Map.of("EUR", new BigDecimal("-1000")),
                    "expenses:food", Map.of("EUR", new BigDecimal("42.1"))), ourBalances(ledger, null));
        }

        @Test
        void an_account_is_opened_on_its_first_use_even_when_the_journal_is_not_in_date_order() throws Exception {
            Path journal = journal("""
                    2025-03-01 Later
                        expenses:rent   500 EUR
                        assets:bank
                    2025-01-01 Earlier
                        assets:bank    2000 EUR
                        equity:opening
                    """);
            ImportSummary summary = importInto(folder.resolve("unsorted.ledger"), journal);
            assertEquals(2, summary.entries());
        }

        @Test
        void reports_progress_and_skipped_lines() throws Exception {
            Path journal = journal("""
                    payee Landlord
                    ~ monthly
                        expenses:rent  500 EUR
                        assets:bank
                    2025-01-02 Pay
                        assets:bank   10 EUR
                        income:salary
                    """);
            AtomicInteger calls = new AtomicInteger();
            try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("p.ledger"))) {
                ImportSummary summary = new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                        JournalImporter.Options.defaults(), ALICE, new ImportProgress() {
                            @Override
                            public void progress(String phase, long bytesRead, long totalBytes, long entries) {
                                calls.incrementAndGet();
                            }
                        });
                assertEquals(1, summary.entries());
                assertEquals(2, summary.warnings().size());
                assertEquals(1, summary.warnings().get(0).location().line());
                assertEquals(2, summary.warnings().get(1).location().line());
            }
            assertTrue(calls.get() > 0);
        }
    }

    @Nested
    @DisplayName("a journal with an error")
    class JournalWithAnError {

        private void assertRefusedAndLedgerUnchanged(String text, String... mentions) throws Exception {
            Path ledger = folder.resolve("existing.ledger");
            importInto(ledger, journal("""
                    2024-12-31 Earlier import
                        assets:bank   5 EUR
                        equity:opening
                    """));
            long before;
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                before = store.lastPosition();
            }
            Path bad = folder.resolve("bad.journal");
            Files.writeString(bad, text);
            JournalImportException refused = assertThrows(JournalImportException.class, () -> importInto(ledger, bad));
            assertMentions(refused.getMessage(), "bad.journal:");
            assertMentions(refused.getMessage(), mentions);
            assertMentions(refused.getMessage(), "ledger is unchanged");
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                assertEquals(before, store.lastPosition());
                assertTrue(store.verify().intact());
            }
        }

        @Test
        void an_unbalanced_entry_names_its_line_and_the_imbalance() throws Exception {
            assertRefusedAndLedgerUnchanged("""
                    2025-01-02 Fine
                        assets:bank   10 EUR
                        income:salary
                    2025-01-03 Off by one
                        expenses:food   11 EUR
                        assets:bank    -10 EUR
                    """, ":4:", "EUR");
        }

        @Test
        void an_unparsable_amount_names_its_line() throws Exception {
            assertRefusedAndLedgerUnchanged("""
                    2025-01-02 Fine
                        assets:bank   10 EUR
                        income:salary
                    2025-01-03 Broken
                        expenses:food   12..5 EUR
                        assets:bank
                    """, ":5:");
        }

        @Test
        void a_failed_balance_assertion_names_its_line_and_amounts() throws Exception {
            assertRefusedAndLedgerUnchanged("""
                    2025-01-02 Pay
                        assets:bank   10 EUR = 10 EUR
                        income:salary
                    2025-01-03 Spend
                        expenses:food   4 EUR
                        assets:bank    -4 EUR = 7 EUR
                    """, ":6:", "7", "6");
        }

        @Test
        void a_domain_rule_violation_late_in_the_file_rolls_back_everything_before_it() throws Exception {
            assertRefusedAndLedgerUnchanged("""
                    2025-01-02 Pay
                        assets:bank   10 EUR
                        income:salary
                    2025-01-03 Bad\u2028description
                        expenses:thing   4 EUR
                        assets:bank
                    """, ":4:", "line break");
        }
    }

    @Nested
    @DisplayName("agreement with hledger")
    class AgreementWithHledger {

        @ParameterizedTest
        @ValueSource(strings = {"small-business.journal", "household-two-currencies.journal", "audit-case.journal"})
        void every_sample_journal_has_the_balances_hledger_gives_on_several_dates(String name) {
            Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
            Path journal = Path.of("sample-data", name);
            Path ledger = folder.resolve(name + ".ledger");
            importInto(ledger, journal);
            for (LocalDate asOf : List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30),
                    LocalDate.of(2025, 9, 15), LocalDate.of(2026, 12, 31))) {
                assertEquals(Hledger.balances(journal, asOf), ourBalances(ledger, asOf), name + " as of " + asOf);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"small-business.journal", "household-two-currencies.journal", "audit-case.journal"})
        void an_exported_ledger_gives_hledger_the_same_balances_as_the_journal_it_came_from(String name) throws Exception {
            Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
            Path journal = Path.of("sample-data", name);
            Path ledger = folder.resolve(name + ".ledger");
            importInto(ledger, journal);
            Path exported = folder.resolve("exported-" + name);
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
                 var out = Files.newBufferedWriter(exported)) {
                new JournalExporter(store, BookkeepingCodec.create()).export(out);
            }
            assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(exported));
            assertEquals(Hledger.balances(journal, LocalDate.of(2025, 3, 31)), Hledger.balances(exported, LocalDate.of(2025, 3, 31)));
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
        void random_journals_have_the_balances_hledger_gives_on_random_dates(long seed) {
            Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
            Path journal = folder.resolve("random-" + seed + ".journal");
            var summary = new RandomJournalGenerator(seed, 300).writeTo(journal);
            Path ledger = folder.resolve("random-" + seed + ".ledger");
            importInto(ledger, journal);
            java.util.Random random = new java.util.Random(seed);
            long days = summary.lastDate().toEpochDay() - summary.firstDate().toEpochDay();
            for (int i = 0; i < 4; i++) {
                LocalDate asOf = summary.firstDate().plusDays((long) (random.nextDouble() * (days + 1)));
                assertEquals(Hledger.balances(journal, asOf), ourBalances(ledger, asOf), "seed " + seed + " as of " + asOf);
            }
            assertEquals(Hledger.balancesAtEnd(journal), ourBalances(ledger, null));
        }
    }
}

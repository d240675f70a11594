package dev.eventscope.bootstrap;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bookkeeping commands of the command line over real ledger files. */
class LedgerCommandLineTest {

    @TempDir
    Path folder;
    Path ledger;

    @BeforeEach
    void importSmallJournal() throws Exception {
        Path journal = folder.resolve("shop.journal");
        Files.writeString(journal, RealCli.SHOP_JOURNAL);
        ledger = folder.resolve("shop.ledger");
        RealCli imported = RealCli.run("import", journal.toString(), "--ledger", ledger.toString(), "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        assertMentions(imported.out(), "3 entries", "4 accounts opened");
    }

    @Nested
    @DisplayName("balance")
    class Balance {

        @Test
        void csv_is_exactly_the_documented_shape() {
            RealCli run = RealCli.run("balance", "-l", ledger.toString(), "--format", "csv");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(String.join("\n", "account,commodity,amount", "assets:bank,EUR,850", "equity:opening,EUR,-1000",
                    "expenses:rent,EUR,400", "income:sales,EUR,-250") + "\n", run.out());
        }

        @Test
        void as_of_a_date_counts_entries_dated_on_or_before_it() {
            RealCli run = RealCli.run("balance", "-l", ledger.toString(), "--format", "csv", "--as-of", "2025-01-10");
            assertMentions(run.out(), "assets:bank,EUR,1250", "income:sales,EUR,-250");
            assertFalse(run.out().contains("expenses:rent"));
        }

        @Test
        void at_a_position_counts_events_up_to_it() {
            RealCli run = RealCli.run("balance", "-l", ledger.toString(), "--format", "json", "--at-position", "1");
            assertEquals(0, run.exitCode(), run.err());
            assertMentions(run.out(), "\"balances\" : [ ]");
        }

        @Test
        void a_posting_that_cannot_be_read_is_refused_with_its_position() throws Exception {
            long position;
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ledger);
                 java.sql.ResultSet rows = connection.createStatement().executeQuery(
                         "SELECT position FROM events WHERE type = 'PostingRecorded' ORDER BY position LIMIT 1 OFFSET 2")) {
                assertTrue(rows.next());
                position = rows.getLong(1);
            }
            dev.eventscope.ui.LedgerFixtures.tamper(ledger, position, "{\"amount\": \"not money\"}");
            RealCli run = RealCli.run("balance", "-l", ledger.toString());
            assertEquals(4, run.exitCode(), run.out() + run.err());
            assertMentions(run.err(), "The posting at position " + position + " cannot be read");
            assertEquals("", run.out());
        }

        @Test
        void text_shows_totals_per_commodity() {
            RealCli run = RealCli.run("balance", "-l", ledger.toString());
            assertMentions(run.out(), "assets:bank", "850", "(total)");
        }
    }

    @Nested
    @DisplayName("changing the ledger")
    class Changing {

        @Test
        void post_from_options_and_see_it_in_the_balance() {
            RealCli posted = RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--description", "Coffee",
                    "--posting", "expenses:rent  3.50 EUR", "--posting", "assets:bank", "--user", "bob");
            assertEquals(0, posted.exitCode(), posted.err());
            assertMentions(posted.out(), "Posted entry E000004");
            assertMentions(RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out(), "assets:bank,EUR,846.5");
        }

        @Test
        void post_a_journal_snippet_from_standard_input() {
            RealCli posted = RealCli.runWithInput("2025-02-06 Snack\n    expenses:rent  1 EUR\n    assets:bank\n",
                    "post", "-l", ledger.toString(), "-");
            assertEquals(0, posted.exitCode(), posted.err());
            assertMentions(RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out(), "assets:bank,EUR,849");
        }

        @Test
        void an_unbalanced_entry_is_refused_naming_the_postings_and_exit_4() {
            RealCli refused = RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--description", "Typo",
                    "--posting", "expenses:rent  3.50 EUR", "--posting", "assets:bank  -3.00 EUR");
            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "--posting options do not balance", "0.50 EUR");
            assertFalse(refused.err().contains("Exception"), refused.err());
        }

        @Test
        void freeze_refuses_postings_then_unfreeze_allows_them() {
            assertEquals(0, RealCli.run("freeze", "expenses:rent", "-l", ledger.toString(), "--reason", "audit").exitCode());
            RealCli refused = RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--posting", "expenses:rent  1 EUR",
                    "--posting", "assets:bank");
            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "expenses:rent", "frozen");
            assertEquals(0, RealCli.run("unfreeze", "expenses:rent", "-l", ledger.toString()).exitCode());
            assertEquals(0, RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--posting", "expenses:rent  1 EUR",
                    "--posting", "assets:bank").exitCode());
        }

        @Test
        void close_period_refuses_entries_dated_inside_it() {
            assertEquals(0, RealCli.run("close-period", "-l", ledger.toString(), "--through", "2025-01-31").exitCode());
            RealCli refused = RealCli.run("post", "-l", ledger.toString(), "--date", "2025-01-20", "--posting", "expenses:rent  1 EUR",
                    "--posting", "assets:bank");
            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "2025-01-31");
        }

        @Test
        void reverse_undoes_an_entry_once() {
            RealCli reversed = RealCli.run("reverse", "E000003", "-l", ledger.toString(), "--on", "2025-02-10");
            assertEquals(0, reversed.exitCode(), reversed.err());
            assertMentions(RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out(), "assets:bank,EUR,1250");
            RealCli again = RealCli.run("reverse", "E000003", "-l", ledger.toString(), "--on", "2025-02-11");
            assertEquals(4, again.exitCode());
            assertMentions(again.err(), "E000003");
        }

        @Test
        void close_account_needs_a_zero_balance() {
            RealCli refused = RealCli.run("close-account", "expenses:rent", "-l", ledger.toString(), "--on", "2025-03-01");
            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "400");
        }

        @Test
        void accounts_lists_type_status_and_balance() {
            RealCli run = RealCli.run("accounts", "-l", ledger.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertMentions(run.out(), "assets:bank", "assets", "open", "850 EUR");
        }

        @Test
        void a_missing_ledger_is_not_created_by_a_command_that_changes_one() {
            Path missing = folder.resolve("missing.ledger");
            RealCli run = RealCli.run("freeze", "assets:bank", "-l", missing.toString(), "--reason", "x");
            assertEquals(2, run.exitCode());
            assertFalse(Files.exists(missing));
        }
    }

    @Nested
    @DisplayName("import and export")
    class ImportAndExport {

        @Test
        void a_journal_with_an_error_is_named_by_line_and_leaves_the_ledger_unchanged() throws Exception {
            Path bad = folder.resolve("bad.journal");
            Files.writeString(bad, "2025-03-01 Broken\n    assets:bank  10 EUR\n    income:sales  -9 EUR\n");
            String before = RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out();
            RealCli refused = RealCli.run("import", bad.toString(), "-l", ledger.toString());
            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "bad.journal:1", "unchanged");
            assertEquals(before, RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out());
        }

        @Test
        void export_gives_a_journal_hledger_reads_with_the_same_balances() throws Exception {
            Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
            Path exported = folder.resolve("exported.journal");
            assertEquals(0, RealCli.run("export", "-l", ledger.toString(), "--out", exported.toString()).exitCode());
            assertEquals(Hledger.balancesAtEnd(folder.resolve("shop.journal")), Hledger.balancesAtEnd(exported));
        }

        @Test
        void every_new_command_has_help() {
            for (String command : new String[] {"import", "balance", "accounts", "post", "reverse", "freeze", "unfreeze",
                    "close-account", "close-period", "reopen-period", "open-account", "export", "imports"}) {
                RealCli help = RealCli.run(command, "--help");
                assertEquals(0, help.exitCode(), command);
                assertTrue(help.out().contains("Usage:"), command);
            }
        }
    }
}

package dev.eventscope.journal;

import java.util.List;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Balance assertions and assignments, lot annotations and dates (issue 12, E), each on a small journal written
 * for it: the imported ledger's balances equal {@code hledger bal} at the end and at two cut-off dates ({@code
 * --as-of D} inclusive is hledger's {@code -e D+1}).
 */
class JournalAssertionAgreementTest extends JournalAgreementFixture {

    @Nested
    @DisplayName("balance assertions")
    class Assertions {

        @Test
        void subaccount_inclusive_total_and_costed_assertions_are_checked_as_hledger_checks_them() throws Exception {
            Path journal = write("assertions.journal", """
                    2025-01-01 opening
                        assets:bank:a  10 EUR
                        assets:bank:b  5 EUR
                        assets:cash  1 USD
                        equity

                    2025-01-02 checks
                        assets:bank  0 EUR =* 15 EUR
                        assets:bank:a  0 EUR ==* 10 EUR
                        assets:cash  0 USD == 1 USD

                    2025-01-03 buy
                        assets:shares  1 AAA @ 1.20 USD = 1 AAA @ 1.20 USD
                        assets:cash  -1.20 USD
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
        }

        @Test
        void balance_assignments_set_one_commodity_or_the_whole_balance_as_hledger_does() throws Exception {
            Path journal = write("assignments.journal", """
                    2025-01-01 opening
                        assets:a:x  10 EUR
                        assets:a:y  5 USD
                        income:random  -20 EUR
                        equity

                    2025-01-02 one commodity
                        assets:a  = 3 EUR
                        equity

                    2025-01-03 with subaccounts
                        assets:a  =* 20 EUR
                        equity

                    2025-01-04 the whole balance
                        assets:a  == 0
                        equity

                    2025-12-31 retain earnings
                        income  ==* 0
                        equity:retained earnings
                    """);
            importAndCompare(journal, ledger(), date("2025-01-02"), date("2025-01-03"));
        }

        @Test
        void a_failing_subaccount_inclusive_assertion_is_refused_naming_its_line() throws Exception {
            Path journal = write("failing.journal", """
                    2025-01-01 opening
                        assets:bank:a  10 EUR
                        assets:bank:b  5 EUR
                        equity

                    2025-01-02 check
                        assets:bank  0 EUR ==* 10 EUR
                    """);
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "failing.journal:7", "assets:bank and its subaccounts", "15 EUR");
            assertEquals(false, Hledger.check(journal).succeeded());
        }
    }

    @Nested
    @DisplayName("lot annotations")
    class Lots {

        @Test
        void are_read_and_kept_with_the_posting_and_count_as_hledger_counts_them() throws Exception {
            Path journal = write("lots.journal", """
                    2025-01-02 buy
                        assets:shares  10 AAPL {$50} [2025-01-01]
                        assets:cash  $-500

                    2025-01-03 sell
                        assets:shares  -5 AAPL {{$250}} @ $60
                        assets:cash  $300

                    2025-01-04 a lot price is not a cost
                        assets:shares  1 AAPL {=$50}
                        assets:cash
                    """);
            importAndCompare(journal, ledger(), date("2025-01-02"), date("2025-01-03"));
            JournalTransaction buy = JournalText.read(Files.readAllLines(journal).toArray(String[]::new)).transactions().get(0);
            assertEquals("{$50} [2025-01-01]", buy.postings().get(0).lot());
            assertEquals(buy.withoutLocation(), JournalText.only(JournalWriter.format(buy).split("\n")).withoutLocation());
            assertEquals(new BigDecimal("-1"), ours(ledger(), null).get("assets:cash").get("AAPL"));
        }
    }

    @Nested
    @DisplayName("dates without a year")
    class YearlessDates {

        @Test
        void take_the_year_directive_or_else_the_current_year_with_a_warning_as_hledger_does() throws Exception {
            int thisYear = java.time.Year.now().getValue();
            Path journal = write("yearless.journal", """
                    1/1 borrow
                      assets:cash                 10
                      liabilities:payable:alice  -10

                    1/3 lend
                      assets:cash
                      assets:receivable:bob       25

                    Y 2020
                    2/1 in 2020
                      assets:cash  5
                      equity
                    """);
            ImportSummary summary = importAndCompare(journal, ledger(), LocalDate.of(thisYear, 1, 2),
                    LocalDate.of(2020, 2, 1));
            assertEquals(1, summary.warnings().size());
            assertMentions(summary.warnings().get(0).message(), "read as " + thisYear);
        }
    }

    @Nested
    @DisplayName("posting dates")
    class PostingDates {

        @Test
        void a_posting_with_its_own_date_counts_on_that_date_as_in_hledger() throws Exception {
            for (String comment : new String[] {"; date:2025-03-01", "; [2025-02-01]", "; note [3/1]"}) {
                Path journal = write("dated.journal", "2025-01-01 t\n    expenses:a  10\n    expenses:b  5  " + comment
                        + "\n    assets:x\n2025-04-01 later\n    expenses:b  1\n    assets:x\n");
                Path ledger = folder.resolve("dated-" + comment.length() + ".ledger");
                importAndCompare(journal, ledger, date("2025-01-15"), date("2025-02-15"), date("2025-03-01"));
                Path exported = folder.resolve("dated-" + comment.length() + ".exported.journal");
                try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
                     Writer out = Files.newBufferedWriter(exported, StandardCharsets.UTF_8)) {
                    new JournalExporter(store, BookkeepingCodec.create()).export(out);
                }
                for (LocalDate cutOff : new LocalDate[] {date("2025-01-15"), date("2025-02-15"), null}) {
                    assertEquals(Hledger.balances(journal, List.of(), cutOff), Hledger.balances(exported, List.of(), cutOff),
                            "the export keeps the posting's date: as of " + cutOff);
                }
            }
        }

        @Test
        void a_posting_dated_before_the_account_exists_opens_the_account_on_that_date() throws Exception {
            Path journal = write("earlier.journal", """
                    2025-03-01 t
                        expenses:a  10  ; date:2025-01-10
                        assets:x
                    """);
            importAndCompare(journal, ledger(), date("2025-01-09"), date("2025-01-10"), date("2025-02-28"));
        }

        @Test
        void a_secondary_posting_date_or_the_entry_s_own_date_changes_nothing_as_in_hledger() throws Exception {
            Path journal = write("date2.journal", """
                    2025-01-01 t
                        expenses:a  10  ; [=2025-04-01]
                        expenses:b  5  ; date:2025-01-01
                        assets:x
                    2025-02-01 later
                        expenses:a  1
                        assets:x
                    """);
            importAndCompare(journal, ledger(), date("2025-01-15"), date("2025-02-01"));
        }
    }
}

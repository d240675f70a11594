package dev.eventscope.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.eventscope.journal.testkit.Hledger;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each journal feature of issue 12, on a small journal written for it: the imported ledger's balances equal
 * {@code hledger bal} at the end and at two cut-off dates.
 */
class JournalAgreementTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Path ledger() {
        return folder.resolve("books.ledger");
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("a bare amount")
    class BareAmounts {

        @Test
        void is_a_commodity_of_its_own_never_merged_into_another() throws Exception {
            Path journal = write("bare.journal", """
                    2025-01-01 shares
                        assets:a  -1 A
                        equity
                    2025-01-05 no symbol
                        assets:a  -1
                        equity
                    2025-01-09 sheep
                        assets:sheep  2 @@ $600
                        assets:cash  $-600
                    2025-01-12 self price
                        assets:a  10
                        assets:b  -20 EUR
                    """);
            importAndCompare(journal, ledger(), date("2025-01-04"), date("2025-01-09"));
            Map<String, BigDecimal> held = ours(ledger(), null).get("assets:a");
            assertEquals(new BigDecimal("-1"), held.get("A"));
            assertEquals(new BigDecimal("9"), held.get(""));
        }
    }

    @Nested
    @DisplayName("include")
    class Includes {

        @Test
        void follows_includes_relative_to_the_including_file_with_globs_in_sorted_order() throws Exception {
            write("books/sub/commodities.journal", "commodity 1,000.00 \"ball bearings\"\n");
            write("books/sub/b.journal", "2025-02-03 second by name\n    assets:k  2 EUR\n    equity\n");
            write("books/sub/a.journal", "2025-02-01 first by name\n    assets:k  1,5 EUR\n    equity\n");
            write("books/year.journal", "Y 2024\ndecimal-mark ,\n1/5 child's year\n    assets:y  1.000 EUR\n    equity\n");
            Path journal = write("books/main.journal", """
                    include sub/commodities.journal
                    2025-01-01 bearings
                        assets:a  1,000 "ball bearings"
                        equity
                    include sub/*.journal
                    include year.journal
                    2025-03-01 the child's decimal mark stays in the child
                        assets:a  1.000 EUR
                        equity
                    """);
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-31"), date("2025-02-02"));
            assertEquals(new BigDecimal("1000"), ours(ledger(), null).get("assets:a").get("ball bearings"));
            assertEquals(new BigDecimal("1"), ours(ledger(), null).get("assets:a").get("EUR"));
            assertEquals(5, summary.entries());
        }

        @Test
        void a_double_star_matches_no_folder_too() throws Exception {
            write("deep/top.journal", "2025-01-01 top\n    assets:a  1\n    equity\n");
            write("deep/sub/inner.journal", "2025-01-02 inner\n    assets:b  2\n    equity\n");
            Path journal = write("deep/main.ledger", "include **/*.journal\n");
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(2, summary.entries());
        }

        @Test
        void an_include_loop_is_refused_naming_the_line() throws Exception {
            write("loop/b.journal", "2025-01-02 x\n    a  1\n    b\n\ninclude a.journal\n");
            Path journal = write("loop/a.journal", "; the loop\ninclude b.journal\n");
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "b.journal:5", "loop");
        }

        @Test
        void a_missing_file_is_refused_naming_the_line() throws Exception {
            Path journal = write("missing.journal", "2025-01-02 x\n    a  1\n    b\n\ninclude nothere/*.journal\n");
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "missing.journal:5", "no existing file matches");
            assertTrue(Files.notExists(ledger()) || ours(ledger(), null).isEmpty());
        }

        @Test
        void a_tilde_is_the_home_folder() throws Exception {
            write("home/ledgers/2025.journal", "2025-01-02 x\n    a  1\n    b\n");
            String home = System.getProperty("user.home");
            System.setProperty("user.home", folder.resolve("home").toString());
            try {
                assertEquals(List.of(folder.resolve("home/ledgers/2025.journal").toRealPath()),
                        IncludeResolver.resolve("~/ledgers/*.journal", folder, "main.journal", 1).stream()
                                .map(path -> {
                                    try {
                                        return path.toRealPath();
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                }).toList());
            } finally {
                System.setProperty("user.home", home);
            }
        }
    }

    @Nested
    @DisplayName("reading text and numbers as hledger does")
    class TextAndNumbers {

        @Test
        void a_byte_order_mark_is_dropped_and_the_first_transaction_kept() throws Exception {
            Path journal = folder.resolve("bom.journal");
            Files.write(journal, ("\uFEFF2025-01-01 first\n    assets:a  1 EUR\n    equity\n"
                    + "2025-01-03 second\n    assets:a  2 EUR\n    equity\n").getBytes(StandardCharsets.UTF_8));
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(2, summary.entries());
        }

        @Test
        void a_latin1_journal_is_refused_naming_the_line() throws Exception {
            Path journal = folder.resolve("latin1.journal");
            Files.write(journal, "2025-01-01 first\n    assets:a  1 EUR\n    equity\n2025-01-02 caf\u00e9\n    assets:a  1 EUR\n    equity\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "latin1.journal:4", "not UTF-8");
        }

        @Test
        void ambiguous_numbers_read_as_hledger_1_25_reads_them() throws Exception {
            Path journal = write("numbers.journal", """
                    2025-01-01 a lone comma before three digits is a decimal comma, as hledger 1.25 reads it
                        assets:a  $1,500
                        equity
                    2025-01-02 groups of any size
                        assets:b  1,00,000.50 INR
                        equity
                    2025-01-03 both marks
                        assets:c  1.234,5 EUR
                        equity
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(new BigDecimal("1.5"), ours(ledger(), null).get("assets:a").get("$"));
        }

        @Test
        void spaces_group_digits_and_exponents_scale_as_hledger_1_25_reads_them() throws Exception {
            Path journal = write("spaces.journal", """
                    2025-01-01 spaces
                        assets:a  1 000 EUR
                        assets:b  1 000,50 EUR
                        assets:c  $1 000.25
                        assets:d  -1 000 000
                        equity
                    2025-01-02 a quoted commodity after a number
                        assets:e  1 "ball bearings"
                        equity
                    2025-01-03 exponents
                        assets:f  1e3 X
                        assets:g  1.5E-2 X
                        assets:h  2E1
                        equity
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(new BigDecimal("1000.5"), ours(ledger(), null).get("assets:b").get("EUR"));
        }

        @Test
        void a_no_break_space_is_a_space_as_in_hledger() throws Exception {
            Path journal = write("nbsp.journal", "2025-01-01 t\n    assets:c  10\u00a0EUR\n    assets:d  -10 EUR\n"
                    + "2025-01-02 t\n    assets:e\u00a0\u00a05 EUR\n    assets:d\n");
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(new BigDecimal("10"), ours(ledger(), null).get("assets:c").get("EUR"));
        }

        @Test
        void a_transaction_that_changes_no_balance_is_left_out_with_a_warning() throws Exception {
            Path journal = write("empty.journal", """
                    2025-01-01 nothing

                    2025-01-02 t
                        assets:a  1
                        equity
                    2025-01-03 one zero posting
                        assets:a  0
                    """);
            ImportSummary summary = importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(1, summary.entries());
            assertEquals(2, summary.read().skipped());
            assertEquals(2, summary.warnings().size());
        }

        @Test
        void numbers_follow_commodity_decimal_mark_and_default_commodity_directives() throws Exception {
            Path journal = write("declared.journal", """
                    commodity $1,000.00
                    2025-01-01 declared commodity
                        assets:a  $1,500
                        equity
                    decimal-mark .
                    2025-01-02 decimal-mark directive
                        assets:b  1,234 EUR
                        equity
                    commodity 1,000.
                    2025-01-03 the no-symbol commodity declared
                        assets:c  1,500
                        equity
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(new BigDecimal("1500"), ours(ledger(), null).get("assets:a").get("$"));
            assertEquals(new BigDecimal("1234"), ours(ledger(), null).get("assets:b").get("EUR"));
            assertEquals(new BigDecimal("1500"), ours(ledger(), null).get("assets:c").get(""));
        }

        @Test
        void a_price_in_the_commodity_it_prices_is_refused_naming_the_line() throws Exception {
            Path journal = write("same.journal", "2025-01-01 x\n    assets:a  1 EUR\n    equity\n"
                    + "2025-01-02 self price\n    assets:a  10 EUR @@ 20 EUR\n    assets:b  -20 EUR\n");
            JournalImportException error = assertThrows(JournalImportException.class,
                    () -> importAndCompare(journal, ledger()));
            assertMentions(error.getMessage(), "same.journal:5", "same commodity EUR");
        }

        @Test
        void the_default_commodity_directive_gives_bare_amounts_its_commodity() throws Exception {
            Path journal = write("default.journal", """
                    D 1.000,00 EUR
                    2025-01-01 bare
                        assets:a  1.000
                        equity
                    2025-01-02 other commodity, D's decimal mark
                        assets:b  1.000 USD
                        equity
                    2025-01-03 price
                        assets:c  2 @ 3 USD
                        assets:d  -6 USD
                    commodity 1,000.00 GBP
                    2025-01-04 a commodity directive keeps its own decimal mark
                        assets:e  1,000 GBP
                        equity
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
        }
    }

    @Nested
    @DisplayName("automated transactions")
    class Automated {

        private static final String RULES = """
                2025-01-01 groceries
                    expenses:food  $20
                    assets:bank

                = expenses:food
                    expenses:tax     *0.1
                    liabilities:tax  *-0.1

                = expenses:tax
                    [equity:budget:tax]   *1
                    [equity:budget:free]  *-1

                = desc:salary amt:>100
                    assets:savings  $5
                    assets:bank     $-5

                2025-01-10 salary
                    assets:bank  $200
                    income

                2025-01-20 food abroad
                    expenses:Food:fruit  10 EUR @ $1.1
                    assets:bank   $-11
                """;

        @Test
        void import_auto_applies_them_as_hledger_auto_does_wherever_they_stand() throws Exception {
            Path journal = write("auto.journal", RULES);
            ImportSummary summary = importAndCompare(journal, ledger(), JournalImporter.Options.defaults().withAutomated(true),
                    List.of("--auto"), date("2025-01-05"), date("2025-01-10"));
            assertEquals(new BigDecimal("-1"), ours(ledger(), null).get("liabilities:tax").get("EUR"));
            assertEquals(3, summary.read().directives());
        }

        @Test
        void without_auto_they_are_left_out_with_a_warning_as_hledger_leaves_them_out() throws Exception {
            Path journal = write("auto.journal", RULES);
            ImportSummary summary = importAndCompare(journal, ledger());
            assertEquals(3, summary.warnings().size());
            assertEquals(3, summary.read().skipped());
        }

        @Test
        void their_accounts_are_named_by_the_aliases_and_apply_account_where_they_stand() throws Exception {
            Path journal = write("renamed-rules.journal", """
                    alias tax = liabilities:tax
                    = expenses:food
                        tax  *0.1
                        expenses:x  *-0.1
                    apply account expenses
                    = desc:salary
                        bonus  $5
                        savings  $-5
                    end apply account

                    2025-01-02 groceries
                        expenses:food  $10
                        assets:bank
                    2025-01-03 salary
                        assets:bank  $100
                        income:salary
                    """);
            importAndCompare(journal, ledger(), JournalImporter.Options.defaults().withAutomated(true),
                    List.of("--auto"), date("2025-01-02"), date("2025-01-03"));
            assertEquals(new BigDecimal("1"), ours(ledger(), null).get("liabilities:tax").get("$"));
        }

        @Test
        void a_transaction_that_no_longer_balances_is_refused_naming_its_line() throws Exception {
            Path journal = write("unbalanced.journal", """
                    = expenses:food
                        expenses:tax   *0.1

                    2025-01-01 groceries
                        expenses:food  $20
                        assets:bank
                    """);
            JournalImportException error = assertThrows(JournalImportException.class, () -> importAndCompare(journal,
                    ledger(), JournalImporter.Options.defaults().withAutomated(true), List.of("--auto")));
            assertMentions(error.getMessage(), "unbalanced.journal:4", "automated");
        }
    }

    @Nested
    @DisplayName("alias and apply account")
    class Renaming {

        @Test
        void rename_accounts_as_hledger_does() throws Exception {
            write("renamed/child.journal", "alias expenses = leaks:not\n2025-01-08 child\n    cash  2\n    bank  -2\n");
            Path journal = write("renamed/main.journal", """
                    alias checking = assets:bank:checking
                    alias /^exp(enses)?:/ = expenses:
                    alias expenses:food = expenses:groceries
                    2025-01-01 plain, regex and most recent first
                        checking  10
                        exp:food  -4
                        expenses:food:x  -6
                    apply account assets
                    2025-01-05 prefixed
                        cash  1
                        bank  -1
                    apply account sub
                    2025-01-06 nested prefixes
                        x  1
                        y  -1
                    end apply account
                    include child.journal
                    end apply account
                    end aliases
                    2025-01-09 no more aliases
                        expenses:food  1
                        assets:bank
                    """);
            importAndCompare(journal, ledger(), date("2025-01-04"), date("2025-01-06"));
            assertEquals(new BigDecimal("-3"), ours(ledger(), null).get("expenses:food").get(""));
            assertEquals(new BigDecimal("3"), ours(ledger(), null).get("assets:cash").get(""));
        }
    }

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
        void an_assertion_among_transactions_out_of_date_order_is_reported_because_hledger_checks_in_date_order()
                throws Exception {
            Path journal = write("order.journal", """
                    2025-01-05 later
                        assets:a  10
                        equity
                    2025-01-01 earlier, asserting the file-order balance
                        assets:a  0 = 10
                        equity
                    """);
            assertEquals(false, Hledger.check(journal).succeeded());
            ImportSummary summary;
            try (dev.eventscope.eventstore.sqlite.SqliteEventStore store =
                         dev.eventscope.eventstore.sqlite.SqliteEventStore.open(ledger())) {
                summary = new JournalImporter(dev.eventscope.application.LedgerCommandService.create(store)).importJournal(
                        journal, JournalImporter.Options.defaults(),
                        dev.eventscope.application.CommandContext.byUser("alice"), ImportProgress.NONE);
            }
            assertEquals(1, summary.warnings().size());
            assertMentions(summary.warnings().get(0).toString(), "order.journal:4", "date order");
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
        void a_posting_with_its_own_date_is_refused_naming_its_line() throws Exception {
            for (String comment : new String[] {"; date:2025-03-01", "; [2025-02-01]", "; note [3/1]"}) {
                Path journal = write("dated.journal", "2025-01-01 t\n    expenses:a  10\n    expenses:b  5  " + comment
                        + "\n    assets:x\n");
                JournalImportException error = assertThrows(JournalImportException.class,
                        () -> importAndCompare(journal, folder.resolve("dated-" + comment.length() + ".ledger")));
                assertMentions(error.getMessage(), "dated.journal:3", "its own date");
            }
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

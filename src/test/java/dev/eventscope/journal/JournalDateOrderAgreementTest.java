package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerRun;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balance assertions and assignments out of file order (issue 12): hledger 1.25 checks assertions and fills
 * assignments in date order (postings by their own date, a transaction with an assignment at its date, file order
 * within a date), and so must the import. Each journal is given to the installed hledger: where hledger accepts it,
 * the imported balances must equal {@code hledger bal} account by account at the end and at cut-off dates; where
 * hledger refuses it, the import must refuse it at the same line and leave the ledger empty.
 */
class JournalDateOrderAgreementTest extends JournalAgreementFixture {

    private static final Pattern HLEDGER_LINE = Pattern.compile("\\(lines? (\\d+)");

    private int ledgers;

    @BeforeEach
    void needsHledger() {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
    }

    /** Imports the journal; returns true when hledger accepted it (and the balances agree), false when both refused. */
    private boolean agreeWithHledger(Path journal, LocalDate... cutOffs) {
        Path ledger = folder.resolve("books-" + (++ledgers) + ".ledger");
        HledgerRun check = Hledger.check(journal);
        if (check.succeeded()) {
            importAndCompare(journal, ledger, cutOffs);
            return true;
        }
        JournalImportException refused = assertThrows(JournalImportException.class, () -> importInto(journal, ledger),
                "hledger refuses the journal, so must the import: " + check.describe());
        assertEquals(hledgerLine(check), refused.line(), "the line hledger names: " + check.standardError()
                + "\nours: " + refused.getMessage());
        assertEquals(Map.of(), ours(ledger, null), "nothing was imported");
        return false;
    }

    private static void importInto(Path journal, Path ledger) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("alice"), ImportProgress.NONE);
        }
    }

    private static int hledgerLine(HledgerRun run) {
        Matcher matcher = HLEDGER_LINE.matcher(run.standardError());
        assertTrue(matcher.find(), "hledger names no line: " + run.standardError());
        return Integer.parseInt(matcher.group(1));
    }

    @Nested
    @DisplayName("balance assertions")
    class Assertions {

        @Test
        void an_assertion_that_holds_only_in_date_order_is_accepted() throws Exception {
            assertTrue(agreeWithHledger(write("holds.journal", """
                    2025-01-05 later in date, first in the file
                        assets:a  10
                        equity
                    2025-01-01 earlier
                        assets:a  0 = 0
                        equity
                    2025-01-06 after both
                        assets:a  0 = 10
                        equity
                    """), date("2025-01-01"), date("2025-01-05")));
        }

        @Test
        void an_assertion_that_holds_only_in_file_order_is_refused_at_its_line() throws Exception {
            assertEquals(false, agreeWithHledger(write("file-order.journal", """
                    2025-01-05 later
                        assets:a  10
                        equity
                    2025-01-01 earlier, asserting the file-order balance
                        assets:a  0 = 10
                        equity
                    """)));
        }

        @Test
        void several_assertions_on_one_date_follow_file_order_within_the_date() throws Exception {
            assertTrue(agreeWithHledger(write("same-day.journal", """
                    2025-01-02 second of the day, first in the file
                        assets:a  5 = 15
                        equity
                    2025-01-01 the day before
                        assets:a  10 = 10
                        equity
                    2025-01-02 third of the day
                        assets:a  1 = 16
                        assets:a  0 = 16
                        equity
                    2025-01-02 fourth, total assertion
                        assets:a  0 == 16
                        equity
                    """), date("2025-01-01")));
            assertEquals(false, agreeWithHledger(write("same-day-wrong.journal", """
                    2025-01-02 second
                        assets:a  5 = 5
                        equity
                    2025-01-02 first in date order would be this one only if it came first in the file
                        assets:a  10 = 10
                        equity
                    """)));
        }

        @Test
        void a_posting_date_moves_the_posting_in_date_order() throws Exception {
            assertTrue(agreeWithHledger(write("posting-date.journal", """
                    2025-01-01 paid on the 20th
                        assets:a  10  ; date:2025-01-20
                        equity
                    2025-01-05 not yet paid
                        assets:a  0 = 0
                        equity
                    2025-01-21 paid
                        assets:a  0 = 10
                        equity
                    """), date("2025-01-05"), date("2025-01-20")));
            assertEquals(false, agreeWithHledger(write("posting-date-wrong.journal", """
                    2025-01-01 paid on the 20th
                        assets:a  10  ; date:2025-01-20
                        equity
                    2025-01-05 asserting the file-order balance
                        assets:a  0 = 10
                        equity
                    """)));
        }

        @Test
        void subaccount_inclusive_and_total_assertions_are_checked_in_date_order() throws Exception {
            assertTrue(agreeWithHledger(write("inclusive.journal", """
                    2025-01-10 later
                        assets:bank:a  10 EUR
                        assets:bank:b  1 USD
                        equity
                    2025-01-02 before it
                        assets:bank  0 EUR =* 5 EUR
                        assets:bank  0 EUR ==* 5 EUR
                        assets:bank:b  0 EUR == 5 EUR
                        equity
                    2025-01-01 first
                        assets:bank:b  5 EUR
                        equity
                    2025-01-11 at the end
                        assets:bank  0 EUR =* 15 EUR
                        assets:bank:b  0 USD = 1 USD
                        equity
                    """), date("2025-01-02")));
            assertEquals(false, agreeWithHledger(write("total-wrong.journal", """
                    2025-01-10 a second commodity, later
                        assets:bank:b  1 USD
                        equity
                    2025-01-11 in date order the account holds USD too
                        assets:bank:b  5 EUR == 5 EUR
                        equity
                    """)));
            assertEquals(false, agreeWithHledger(write("inclusive-wrong.journal", """
                    2025-01-20 later
                        assets:bank:a  10 EUR
                        equity
                    2025-01-10 earlier
                        assets:bank:b  5 EUR
                        equity
                    2025-01-15 between
                        assets:bank  0 EUR ==* 15 EUR
                        equity
                    """)));
        }
    }

    @Nested
    @DisplayName("balance assignments")
    class Assignments {

        @Test
        void an_assignment_before_an_earlier_dated_posting_in_the_file_counts_that_posting() throws Exception {
            assertTrue(agreeWithHledger(write("assignment.journal", """
                    2024-01-10 set
                        assets:bank  = 100 EUR
                        equity:open

                    2024-01-05 earlier
                        assets:bank  30 EUR
                        income:x
                    """), date("2024-01-05"), date("2024-01-10")));
            assertEquals(0, new java.math.BigDecimal("100").compareTo(ours(folder.resolve("books-1.ledger"), null)
                    .get("assets:bank").get("EUR")));
        }

        @Test
        void an_assignment_after_a_later_dated_posting_in_the_file_leaves_that_posting_out() throws Exception {
            assertTrue(agreeWithHledger(write("assignment-after.journal", """
                    2024-01-20 later
                        assets:bank  30 EUR
                        income:x

                    2024-01-10 set
                        assets:bank  = 100 EUR
                        equity:open

                    2024-01-25 check
                        assets:bank  0 = 130 EUR
                        equity:open
                    """), date("2024-01-10"), date("2024-01-20")));
        }

        @Test
        void inclusive_total_and_multi_commodity_assignments_are_filled_in_date_order() throws Exception {
            assertTrue(agreeWithHledger(write("assignments.journal", """
                    2025-01-04 the whole balance, first in the file
                        assets:a  == 0
                        equity

                    2025-01-01 opening
                        assets:a:x  10 EUR
                        assets:a:y  5 USD
                        income:random  -20 EUR
                        equity

                    2025-01-03 with subaccounts
                        assets:a  =* 20 EUR
                        equity

                    2025-01-02 one commodity
                        assets:a  = 3 EUR
                        equity

                    2025-12-31 retain earnings
                        income  ==* 0
                        equity:retained earnings

                    2025-01-02 same day, after the assignment in the file
                        assets:a  1 EUR = 4 EUR
                        equity
                    """), date("2025-01-02"), date("2025-01-03"), date("2025-01-04")));
        }

        @Test
        void an_assignment_with_an_elided_amount_and_a_posting_date_is_walked_at_the_transaction_s_date() throws Exception {
            assertTrue(agreeWithHledger(write("elided.journal", """
                    2025-02-01 set, with a posting dated later
                        assets:a  = 50
                        assets:b  5  ; date:2025-03-01
                        equity
                    2025-01-15 earlier
                        assets:a  20
                        assets:b  0 = 0
                        equity
                    2025-02-15 between
                        assets:b  0 = 5
                        assets:a  0 = 50
                        equity
                    """), date("2025-01-31"), date("2025-02-01"), date("2025-03-01")));
        }

        @Test
        void a_transaction_with_an_assignment_loses_its_prices_as_in_hledger() throws Exception {
            // hledger 1.25 drops every price of such a transaction: the elided posting takes both commodities
            assertTrue(agreeWithHledger(write("priced.journal", """
                    2024-10-26 x
                        liabilities:accrued   £-10 @@ $40
                        expenses:hotels       = $-100
                        income:salary
                    """)));
            assertEquals(false, agreeWithHledger(write("priced-explicit.journal", """
                    2024-10-26 balanced only at the price
                        liabilities:accrued   £-10 @@ $40
                        expenses:hotels       = $-100
                        income:salary  $60
                    """)));
        }

        @Test
        void an_assignment_that_leaves_its_transaction_unbalanced_in_date_order_is_refused() throws Exception {
            assertEquals(false, agreeWithHledger(write("unbalanced.journal", """
                    2024-01-10 set, balanced only in file order
                        assets:bank  = 100 EUR
                        equity:open  -100 EUR

                    2024-01-05 earlier
                        assets:bank  30 EUR
                        income:x
                    """)));
        }
    }

    @Nested
    @DisplayName("random journals out of date order")
    class RandomJournals {

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void agree_with_hledger_at_the_end_and_at_cut_off_dates(long seed) throws Exception {
            Path journal = folder.resolve("random-" + seed + ".journal");
            new RandomJournalGenerator(seed, 300).outOfDateOrder().writeTo(journal);
            String text = Files.readString(journal);
            assertTrue(text.contains("  = ") || text.contains(" = "), "the journal has assertions or assignments");
            assertTrue(agreeWithHledger(journal, date("2024-03-31"), date("2024-12-31"), date("2025-06-30")),
                    "hledger accepts the generated journal");
        }

        /**
         * Moves a few transactions to other dates: assertions and assignments then change or fail in date order,
         * and the import must agree with hledger either way (same balances, or a refusal at the same line).
         */
        @ParameterizedTest
        @ValueSource(longs = {11, 12, 13, 14, 15, 16})
        void with_transactions_moved_to_other_dates_agree_or_are_refused_at_hledger_s_line(long seed) throws Exception {
            Path generated = folder.resolve("generated-" + seed + ".journal");
            new RandomJournalGenerator(seed, 200).outOfDateOrder().writeTo(generated);
            List<String> lines = new ArrayList<>(Files.readAllLines(generated));
            Random random = new Random(seed);
            List<Integer> headers = new ArrayList<>();
            for (int index = 0; index < lines.size(); index++) {
                if (!lines.get(index).isEmpty() && Character.isDigit(lines.get(index).charAt(0))) {
                    headers.add(index);
                }
            }
            for (int moved = 0; moved < 3; moved++) {
                int header = headers.get(random.nextInt(headers.size()));
                String line = lines.get(header);
                LocalDate newDate = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730));
                lines.set(header, newDate + line.substring(10));
            }
            Path journal = folder.resolve("moved-" + seed + ".journal");
            Files.write(journal, lines);
            agreeWithHledger(journal, date("2024-06-30"), date("2025-06-30"));
        }
    }
}

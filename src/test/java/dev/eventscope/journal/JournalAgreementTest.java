package dev.eventscope.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bare amounts and numbers (issue 12, B and C), each on a small journal written for it: the imported ledger's
 * balances equal {@code hledger bal} at the end and at two cut-off dates ({@code --as-of D} inclusive is
 * hledger's {@code -e D+1}).
 */
class JournalAgreementTest extends JournalAgreementFixture {

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
        void a_price_in_the_commodity_it_prices_counts_as_hledger_1_25_counts_it() throws Exception {
            // hledger 1.25 accepts it (ledger refuses it): the posting moves 10 EUR and costs 20 EUR
            Path journal = write("same.journal", "2025-01-01 x\n    assets:a  1 EUR\n    equity\n"
                    + "2025-01-02 self price\n    assets:a  10 EUR @@ 20 EUR\n    assets:b  -20 EUR\n"
                    + "2025-01-03 unit self price, the other amount inferred\n    assets:c  3 EUR @ 2 EUR\n    assets:d\n");
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
            assertEquals(new BigDecimal("-6"), ours(ledger(), null).get("assets:d").get("EUR"));
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
}

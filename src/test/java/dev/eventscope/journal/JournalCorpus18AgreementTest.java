package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 18 (docs/journals.md, "The corpus (session 18)") found, each on a journal from it: the
 * import agrees with {@code hledger bal} at the end, at cut-off dates and through the export, and the conversion
 * prices it records are hledger's ({@code hledger bal -B} of the export equals that of the journal).
 */
class JournalCorpus18AgreementTest extends JournalAgreementFixture {

    /** maxmaeteling/bqnledger's test.ledger (GPL-3): three "EUR" 20 postings against USD -20, USD with cents elsewhere. */
    private static final String BQNLEDGER = """
            2022/10/22 * (0815) Beers
                Expenses:Beers                          "EUR" 20
                Expenses:Beers                                20 EUR
                Assets:Bank:Checking

            2022/10/22 * Beers
                Expenses:Beers                          "EUR" 20
                Expenses:Beers                          "EUR" 20
                Expenses:Beers                          "EUR" 20
                Assets:Checking                          USD -20

            2022/10/22 * Beers
                Expenses:Beers                             30.29 USD
                Expenses:Beers                             30.29 USD
                Expenses:Beers                             30.29 USD
                Assets:Checking   \s

            2022/10/22 * (4711) Beers
                Expenses:Beers                         SFR 30.29
                Assets:Checking   \s""";

    @Test
    void an_inferred_unit_price_is_hledgers_exact_quotient_so_a_valid_journal_imports() throws Exception {
        // hledger 1.25 reads the second entry as EUR 20 @ USD 0.333... (its Decimal division: 255 places), so the costs
        // sum to USD 19.999...98 and the entry balances at USD's two places; the import kept only max(2, 0 + 2) places
        // (USD 0.33), its costs summed to USD 19.80, and it refused the journal: "USD is off by -0.20"
        Path journal = write("bqnledger.journal", BQNLEDGER);
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).succeeded(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2022-10-21"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
        assertEquals(Hledger.balances(journal, List.of("-B"), null), Hledger.balances(export(), List.of("-B"), null),
                "balances at cost");
    }

    @Test
    void an_inferred_unit_price_records_the_cost_hledger_gives_when_the_display_precision_hid_the_rounding() throws Exception {
        // the same entry with no cents anywhere: the import imported it (USD 19.80 looks like USD 20 at no decimal
        // places) but recorded USD 0.33 a unit, so the cost of the EUR was USD 19.80 where hledger has USD 20
        Path journal = write("three-postings.journal", """
                2022-10-22 beers
                    expenses:beers      EUR 20
                    expenses:beers      EUR 20
                    expenses:beers      EUR 20
                    assets:checking     USD -20

                2022-10-23 more beers
                    expenses:beers      7 CHF
                    expenses:beers      7 CHF
                    expenses:beers      7 CHF
                    assets:checking     -10 USD
                """);
        importAndCompare(journal, ledger(), date("2022-10-22"));
        assertEquals(Hledger.balances(journal, List.of("-B"), null), Hledger.balances(export(), List.of("-B"), null),
                "balances at cost");
        String exported = Files.readString(export());
        assertTrue(exported.contains("@ 0.33333333333333333333"), exported);
        assertTrue(exported.contains("@ 0.47619047619047619047"), exported);
    }

    @Test
    void the_inferred_unit_price_has_hledgers_255_decimal_places_rounded_half_to_even() {
        BigDecimal third = TransactionBalancer.inferredUnitPrice(new BigDecimal("-20"), new BigDecimal("60"), 2);
        assertEquals(255, third.scale());
        assertEquals(new BigDecimal("0." + "3".repeat(255)), third);
        BigDecimal twoThirds = TransactionBalancer.inferredUnitPrice(new BigDecimal("40"), new BigDecimal("-60"), 2);
        assertEquals(new BigDecimal("0." + "6".repeat(254) + "7"), twoThirds);
        // an exact quotient is shown at hledger's display precision for it (max 2 (from + to) places), no shorter
        assertEquals("0.50", TransactionBalancer.inferredUnitPrice(new BigDecimal("-30"), new BigDecimal("60"), 2).toPlainString());
        assertEquals("2.0000", TransactionBalancer.inferredUnitPrice(new BigDecimal("-40"), new BigDecimal("20"), 4).toPlainString());
    }

    /** An entry off by USD 0.0025: unbalanced at four decimal places, balanced at USD's declared two. */
    private static final String OFF_BY_A_QUARTER_CENT = """
            2016-10-06 bitcoin purchase
                expenses:fees           3.9900 USD
                assets:bitcoin          0.75 BTC @ 531.93 USD
                assets:checking         -402.94 USD
            """;

    @Test
    void an_entry_unbalanced_at_the_places_read_so_far_imports_when_a_commodity_directive_further_on_declares_fewer()
            throws Exception {
        // found probing the corpus's taxinglots journal (the refusal named another line than hledger's): the import's
        // first reading balanced each entry at the precision read so far, which a commodity directive further on (here
        // a commodity file included after the transactions, as ngalaiko/ledger.anon's main.ledger includes its) can
        // lower; hledger balances at the whole journal's precision, USD's declared two places, and reads the journal
        write("commodities.journal", "commodity 1.00 USD\n");
        write("2016.journal", OFF_BY_A_QUARTER_CENT);
        Path journal = write("main.journal", "include 2016.journal\ninclude commodities.journal\n");
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).succeeded(), "hledger reads it");
        importAndCompare(journal, ledger(), date("2016-10-05"));
        assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(export()));
        // every reader of journals reads it as the import does
        try (JournalReader reader = JournalReader.open(journal, JournalReadListener.NONE)) {
            assertEquals(1, reader.items().filter(item -> item instanceof JournalTransaction).count());
        }
    }

    @Test
    void an_entry_unbalanced_at_the_whole_journals_precision_is_still_refused_naming_its_line() throws Exception {
        // a P price with ten places further on raises USD's precision: hledger refuses the entry, and so does the import
        Path journal = assertRefused("refused.journal", OFF_BY_A_QUARTER_CENT + "\nP 2016-01-05 GBP 1.4677390947 USD\n",
                "refused.journal:1", "does not balance", "-0.0025 USD");
        assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it");
        Files.deleteIfExists(ledger());
        assertRefused("declared.journal", OFF_BY_A_QUARTER_CENT + "\ncommodity 1.0000 USD\n", "declared.journal:1",
                "does not balance");
    }

    @Test
    void a_default_commodity_whose_amount_shows_no_decimal_mark_is_refused_as_hledger_refuses_it() throws Exception {
        // ShrykeWindgrace/hledger-directive-exploration: main.journal has D 0.00 EUR, its aux.journal D 0,00 EUR and
        // "acc 1,01"; hledger 1.25 refuses the second D (read in EUR's style so far, 0,00 shows no decimal point), the
        // import read it and "1,01" as 101 EUR (the journal was refused only by the assertion after it)
        write("aux.journal", "D 0,00 EUR\n\n2021-06-01 Tx with comma\n    acc          1,01\n    inc\n");
        Path journal = assertRefused("main.journal", """
                D 0.00 EUR

                2021-01-01 Tx wo commodity
                    acc       1.01
                    inc

                include aux.journal
                """, "aux.journal:1", "D directive", "decimal mark");
        assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it");
        for (String directive : List.of("D 1000 EUR", "D $1")) {
            Files.deleteIfExists(ledger());
            Path refused = assertRefused("no-mark.journal", directive + "\n\n2021-06-01 x\n    acc  5\n    inc\n",
                    "no-mark.journal:1", "decimal mark");
            assertFalse(Hledger.isAvailable() && Hledger.check(refused).succeeded(), "hledger refuses " + directive);
        }
        // alone, D 0,00 EUR shows its decimal comma: hledger reads 1,01 EUR, and so does the import
        Files.deleteIfExists(ledger());
        Path alone = write("aux-alone.journal", "D 0,00 EUR\n\n2021-06-01 Tx with comma\n    acc          1,01\n    inc\n");
        importAndCompare(alone, ledger());
    }
}

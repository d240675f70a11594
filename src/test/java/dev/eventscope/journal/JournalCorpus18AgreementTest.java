package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        BigDecimal third = TransactionBalancer.inferredUnitPrice(new BigDecimal("-20"), new BigDecimal("60"));
        assertEquals(255, third.scale());
        assertEquals(new BigDecimal("0." + "3".repeat(255)), third);
        BigDecimal twoThirds = TransactionBalancer.inferredUnitPrice(new BigDecimal("40"), new BigDecimal("-60"));
        assertEquals(new BigDecimal("0." + "6".repeat(254) + "7"), twoThirds);
        // an exact quotient keeps only the places it needs, as hledger's Decimal normalises it
        assertEquals(new BigDecimal("0.5"), TransactionBalancer.inferredUnitPrice(new BigDecimal("-30"), new BigDecimal("60")));
        assertEquals(new BigDecimal("2"), TransactionBalancer.inferredUnitPrice(new BigDecimal("-40"), new BigDecimal("20")));
    }
}

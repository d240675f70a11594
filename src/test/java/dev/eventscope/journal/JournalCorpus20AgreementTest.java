package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus of session 20 (docs/journals.md, "Session 20 (corpus)") found, each on the smallest journal that
 * shows it: the import agrees with {@code hledger bal} at the end and at cut-off dates, and gives the numbers hledger
 * 1.25 gave for the same journal (written out here, so that each test fails without hledger too).
 */
class JournalCorpus20AgreementTest extends JournalAgreementFixture {

    @Test
    void a_comma_right_after_a_symbol_belongs_to_the_symbol_as_hledger_reads_it() throws Exception {
        // beancount/ledger2beancount's tests/amounts-plus-sign-decimal-comma.hledger writes "+$,10" and "$+,10";
        // hledger 1.25 reads the first as 10 of the commodity "$," and the second as $0.10 (its unquoted symbols end
        // only at a digit, a space or one of -+.@*;"{}=). The import read both as $0.10: a number hledger does not give
        Path journal = write("comma.journal", """
                2021-08-29 * plus sign before the symbol
                    Assets:Test                            +$,10
                    Assets:Othr                            -$,10

                2021-08-29 * plus sign after the symbol
                    Assets:Test                            $+,10
                    Assets:Othr                            $-,10

                2018-09-27 * no digits before the comma
                    Assets:Test                        \u20ac,10
                    Assets:Othr
                """);
        importAndCompareWhereHledgerRuns(journal, date("2018-09-27"), date("2021-08-28"));
        Map<String, Map<String, BigDecimal>> balances = ours(ledger(), null);
        assertEquals(amounts("$,", "10", "$", "0.10", "\u20ac,", "10"), stripped(balances.get("Assets:Test")), "as hledger 1.25 gives them");
        assertEquals(amounts("$,", "-10", "$", "-0.10", "\u20ac,", "-10"), stripped(balances.get("Assets:Othr")));
    }

    @Test
    void brackets_and_parentheses_belong_to_a_symbol_as_hledger_reads_them() throws Exception {
        // hledger 1.25 reads "10 X]", "$(10", "[Y 3" and "5 EUR," (10 of "X]", 10 of "$(", 3 of "[Y", 5 of "EUR,");
        // the import refused them
        Path journal = write("brackets.journal", """
                2021-01-01 brackets and parentheses
                    a  10 X]
                    b  $(10
                    c  [Y 3
                    e  5 EUR,
                    d
                """);
        importAndCompareWhereHledgerRuns(journal);
        Map<String, Map<String, BigDecimal>> balances = ours(ledger(), null);
        assertEquals(amounts("X]", "10"), stripped(balances.get("a")));
        assertEquals(amounts("$(", "10"), stripped(balances.get("b")));
        assertEquals(amounts("[Y", "3"), stripped(balances.get("c")));
        assertEquals(amounts("EUR,", "5"), stripped(balances.get("e")));
        assertEquals(amounts("X]", "-10", "$(", "-10", "[Y", "-3", "EUR,", "-5"),
                stripped(balances.get("d")));
    }

    @Test
    void a_format_with_a_comment_and_a_quoted_name_with_digits_are_declarations_hledger_reads() throws Exception {
        // ledger2beancount's tests/hledger.hledger: "format \u20aa 2.000.000,00 ; comment" under "commodity \u20aa", which
        // hledger 1.25 reads (so "\u20aa 1.000" is 1000); the import refused the comment. Its tests/lots.ledger declares
        // commodity "LU0274208692", which the import took for an amount and refused
        Path journal = write("declarations.journal", """
                commodity \u20aa
                    format \u20aa 2.000.000,00 ; comment

                commodity "LU0274208692"

                2020-07-27 Thousand
                    Assets:Test                \u20aa 1.000
                    Assets:Test2               1 "LU0274208692"
                    Assets:Other
                """);
        importAndCompareWhereHledgerRuns(journal);
        Map<String, Map<String, BigDecimal>> balances = ours(ledger(), null);
        assertEquals(amounts("\u20aa", "1000"), stripped(balances.get("Assets:Test")));
        assertEquals(amounts("LU0274208692", "1"), stripped(balances.get("Assets:Test2")));
    }

    @Test
    void a_space_after_a_lot_price_brace_is_refused_at_the_line_hledger_refuses() throws Exception {
        // ledger2beancount's tests/lots.ledger line 28: "10.00 EUR { 0.90 GBP}", which hledger 1.25 refuses ("unexpected
        // '0', expecting '='"); the import read it, and refused the journal 47 lines further on, or imported a journal
        // that hledger refuses
        Path journal = assertRefused("spaced.journal", """
                2018-03-17 * Test
                    Assets:Test               10.00 EUR {0.90 GBP }
                    Equity:Opening-Balance    -9.00 GBP

                2018-03-17 * Test
                    Assets:Test               10.00 EUR { 0.90 GBP}
                    Equity:Opening-Balance    -9.00 GBP
                """, "spaced.journal:6", "{ 0.90 GBP}");
        assertTrue(!Hledger.isAvailable() || Hledger.check(journal).standardError().contains("spaced.journal:6:"),
                "hledger refuses line 6 too");
        Path fixed = write("fixed.journal", """
                2018-03-17 * Test
                    Assets:Test               10.00 EUR { =0.90 GBP}
                    Equity:Opening-Balance    -9.00 GBP
                """);
        importAndCompare(fixed, folder.resolve("fixed.ledger"));
    }

    @Test
    void an_unquoted_market_price_commodity_with_a_digit_is_refused_saying_how_hledger_splits_it() throws Exception {
        // badele/ledger-tools's prices/tradingview/prices.ledger: "P 2023-10-29  AUM5 75.726 EUR", which hledger 1.25 reads
        // as AUM at 575.726 EUR (its symbol ends at the digit, and "5 75.726" is one number with a space grouping its
        // digits); the import recorded AUM5 at 75.726 EUR, a price hledger does not give (found by the reports differential)
        assertRefused("prices.journal", """
                P 2023-10-29  EUNL 73.922 EUR
                P 2023-10-29  AUM5 75.726 EUR
                """, "prices.journal:2", "AUM5", "\"AUM\"", "quote it");
        Path quoted = write("quoted.journal", """
                P 2023-10-29  "AUM5" 75.726 EUR

                2023-10-29 x
                    a  1 "AUM5"
                    b  -75.726 EUR
                """);
        importAndCompare(quoted, folder.resolve("quoted.ledger"));
    }

    @Test
    void reckons_csv_outputs_with_tab_separated_postings_agree_with_hledger() throws Exception {
        // cantino/reckon's integration outputs (MIT, vendored): tabs between account and amount, "$61,90" decimal
        // commas, "$3,452.90" beside "$655.00", amounts after a tab and a space
        for (String name : new String[] {"reckon-austrian-example-tabs-dollar-decimal-comma.journal",
                "reckon-danish-nordea-tabs-dollar-grouping.journal"}) {
            Path journal = folder.resolve(name);
            Files.copy(Path.of("src/test/resources/corpus/corpus20/" + name), journal);
            Path ledger = folder.resolve(name + ".ledger");
            importAndCompare(journal, ledger, HledgerAgreement.firstAndLastDates(journal).toArray(java.time.LocalDate[]::new));
        }
    }

    /** With hledger, the full comparison; without it, the import alone (the numbers are then checked as written). */
    private void importAndCompareWhereHledgerRuns(Path journal, java.time.LocalDate... cutOffs) throws Exception {
        if (Hledger.isAvailable()) {
            assertTrue(Hledger.check(journal).succeeded(), "hledger reads it");
            importAndCompare(journal, ledger(), cutOffs);
        } else {
            try (SqliteEventStore store = SqliteEventStore.open(ledger())) {
                new JournalImporter(LedgerCommandService.create(store))
                        .importJournal(journal, JournalImporter.Options.defaults(), CommandContext.byUser("alice"),
                                ImportProgress.NONE);
            }
        }
    }

    /** The balances with trailing zeros taken off, so that 10.00 equals 10. */
    private static Map<String, BigDecimal> stripped(Map<String, BigDecimal> balances) {
        assertTrue(balances != null, "the account has a balance");
        Map<String, BigDecimal> result = new TreeMap<>();
        balances.forEach((commodity, quantity) -> result.put(commodity, quantity.stripTrailingZeros()));
        return result;
    }

    /** Commodity, quantity, commodity, quantity...: the expected balances, trailing zeros taken off. */
    private static Map<String, BigDecimal> amounts(String... commoditiesAndQuantities) {
        Map<String, BigDecimal> result = new TreeMap<>();
        for (int index = 0; index < commoditiesAndQuantities.length; index += 2) {
            result.put(commoditiesAndQuantities[index], new BigDecimal(commoditiesAndQuantities[index + 1]).stripTrailingZeros());
        }
        return result;
    }
}

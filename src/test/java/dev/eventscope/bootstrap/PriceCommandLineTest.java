package dev.eventscope.bootstrap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code price record}, {@code price list} and the valuation options of {@code balance} and {@code trial-balance}. */
class PriceCommandLineTest {

    static final String TWO_CURRENCIES = """
            2025-01-02 * Opening
                assets:bank:eur        1,000.00 EUR
                assets:bank:usd          $500.00
                assets:cash:czk        2,000.00 CZK
                equity:opening        -1,000.00 EUR
                equity:opening           $-500.00
                equity:opening        -2,000.00 CZK
            """;

    @TempDir
    Path folder;
    Path ledger;

    @BeforeEach
    void importJournal() throws Exception {
        Path journal = folder.resolve("two.journal");
        Files.writeString(journal, TWO_CURRENCIES);
        ledger = folder.resolve("two.ledger");
        RealCli imported = RealCli.run("import", journal.toString(), "--ledger", ledger.toString(), "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private RealCli run(String... arguments) {
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "-l";
        all[arguments.length + 1] = ledger.toString();
        return RealCli.run(all);
    }

    @Nested
    @DisplayName("price record")
    class Record {

        @Test
        void records_a_price_and_lists_it_as_a_p_directive() {
            RealCli recorded = run("price", "record", "--date", "2025-01-31", "--commodity", "EUR", "--price", "1.0800 $",
                    "--user", "alice");
            assertEquals(0, recorded.exitCode(), recorded.err());
            assertMentions(recorded.out(), "Recorded the price of EUR on 2025-01-31: 1.08 $");
            RealCli listed = run("price", "list");
            assertEquals("P 2025-01-31 EUR 1.0800 $\n", listed.out());
        }

        @Test
        void a_price_that_cannot_be_read_is_a_usage_error_and_writes_nothing() {
            RealCli refused = run("price", "record", "--date", "2025-01-31", "--commodity", "EUR", "--price", "one dollar");
            assertEquals(2, refused.exitCode(), refused.out());
            assertMentions(refused.err(), "The price 'one dollar' ");
            assertEquals("The ledger records no market prices.\n", run("price", "list").out());
        }

        @Test
        void a_price_in_its_own_commodity_is_refused_by_the_rules() {
            RealCli refused = run("price", "record", "--date", "2025-01-31", "--commodity", "EUR", "--price", "1 EUR");
            assertEquals(4, refused.exitCode(), refused.out());
            assertMentions(refused.err(), "The price of EUR is given in EUR itself");
        }
    }

    @Nested
    @DisplayName("balance and trial-balance --value")
    class Valuation {

        @BeforeEach
        void recordPrices() {
            assertEquals(0, run("price", "record", "--date", "2025-01-31", "--commodity", "EUR", "--price", "$1.10").exitCode());
            assertEquals(0, run("price", "record", "--date", "2025-02-28", "--commodity", "EUR", "--price", "$1.05").exitCode());
        }

        @Test
        void csv_shows_each_value_with_the_price_used_or_why_it_has_none() {
            RealCli valued = run("balance", "--value", "$", "--as-of", "2025-02-15", "--format", "csv");
            assertEquals(0, valued.exitCode(), valued.err());
            assertEquals(String.join("\n", "account,commodity,amount,value,value_commodity,price",
                    "assets:bank:eur,EUR,1000,1100,$,P 2025-01-31 EUR 1.10 $",
                    "assets:bank:usd,$,500,500,$,",
                    "assets:cash:czk,CZK,2000,2000,CZK,no price of CZK found; kept in CZK",
                    "equity:opening,$,-500,-500,$,",
                    "equity:opening,CZK,-2000,-2000,CZK,no price of CZK found; kept in CZK",
                    "equity:opening,EUR,-1000,-1100,$,P 2025-01-31 EUR 1.10 $") + "\n", valued.out());
        }

        @Test
        void text_rounds_a_reverse_value_and_names_the_reversed_price() {
            RealCli valued = run("balance", "--value", "EUR", "--value-date", "2025-03-01");
            assertEquals(0, valued.exitCode(), valued.err());
            assertMentions(valued.out(), "Valued on 2025-03-01 in EUR:", "476.19", "reverse of P 2025-02-28 EUR 1.05 $",
                    "no price of CZK found; kept in CZK", "Some balances have no market price on 2025-03-01");
        }

        @Test
        void json_of_the_trial_balance_gives_debits_credits_and_the_price_steps() {
            RealCli valued = run("trial-balance", "--value", "$", "--as-of", "2025-03-31", "--format", "json");
            assertEquals(0, valued.exitCode(), valued.err());
            assertMentions(valued.out(), "\"valuationDate\" : \"2025-03-31\"", "\"valueIn\" : \"$\"",
                    "\"debit\" : 1050", "\"status\" : \"CONVERTED\"", "\"reversed\" : false", "\"price\" : 1.05",
                    "\"status\" : \"NO_PRICE\"");
        }

        @Test
        void market_values_each_commodity_in_its_own_default() {
            RealCli valued = run("balance", "--market", "--as-of", "2025-01-31", "--format", "csv");
            assertMentions(valued.out(), "assets:bank:eur,EUR,1000,1100,$,P 2025-01-31 EUR 1.10 $",
                    "assets:bank:usd,$,500,500,$,no price of $ found; kept in $");
        }

        @Test
        void value_and_market_together_are_a_usage_error() {
            RealCli refused = run("balance", "--value", "EUR", "--market");
            assertEquals(2, refused.exitCode(), refused.out());
            assertMentions(refused.err(), "Give either --value COMMODITY or --market, not both.");
        }
    }
}

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
}

package dev.eventscope.journal.testkit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("the random journal generator")
class RandomJournalGeneratorTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("writes the same journal for the same seed and a different one for another seed")
    void isDeterministic() throws IOException {
        assertEquals(text(42, 300), text(42, 300));
        assertNotEquals(text(42, 300), text(43, 300));
    }

    @Test
    @DisplayName("uses every top account type, prices, elided amounts and assertions in a large enough journal")
    void coversTheSyntax() throws IOException {
        String journal = text(7, 2_000);
        for (String feature : new String[]{"\n    assets:", "\n    liabilities:", "\n    equity:", "\n    income:",
                "\n    revenue:", "\n    expenses:", " @ ", " @@ ", " = ", " * ", " ! ", "(INV-", "  ; ", "\n# "}) {
            assertTrue(journal.contains(feature), "no " + feature.strip() + " in the generated journal");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 2025})
    @DisplayName("writes journals hledger accepts, with the balances the generator expects")
    void hledgerAgrees(long seed) {
        assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path journal = folder.resolve("random-" + seed + ".journal");
        JournalSummary summary = new RandomJournalGenerator(seed, 400).writeTo(journal);

        HledgerRun check = Hledger.check(journal, "accounts", "commodities", "ordereddates");
        assertTrue(check.succeeded(), check::describe);
        assertEquals(summary.finalBalances(), Hledger.balancesAtEnd(journal));
        assertEquals(LocalDate.of(2024, 1, 1), summary.firstDate());
        assertTrue(summary.lastDate().isAfter(LocalDate.of(2025, 12, 1)), "dates span about two years");
    }

    @Test
    @DisplayName("balances as of a date in the middle differ from the end and use only the declared commodities")
    void midwayBalancesParse() throws IOException {
        assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path journal = folder.resolve("random.journal");
        JournalSummary summary = new RandomJournalGenerator(11, 300).writeTo(journal);
        String text = java.nio.file.Files.readString(journal);

        Map<String, Map<String, BigDecimal>> midway = Hledger.balances(journal, LocalDate.of(2024, 12, 31));

        assertTrue(!midway.isEmpty(), "no balances at the end of 2024");
        assertNotEquals(summary.finalBalances(), midway);
        midway.values().forEach(byCommodity -> byCommodity.keySet().forEach(commodity ->
                assertTrue(text.contains("\ncommodity ") && text.contains(commodity), "undeclared commodity " + commodity)));
    }

    private static String text(long seed, int entries) throws IOException {
        StringWriter writer = new StringWriter();
        new RandomJournalGenerator(seed, entries).writeTo(writer);
        return writer.toString();
    }
}

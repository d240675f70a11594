package dev.eventscope.journal.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("the hledger harness")
class HledgerTest {

    private static final String TINY_JOURNAL = """
            commodity 1,000.00 EUR
            commodity $1,000.00
            commodity 1,000.00Kč

            account assets:bank
            account assets:bank:savings
            account assets:cash:czk
            account expenses:travel
            account equity:opening

            2025-01-01 * (OPEN) Opening
                assets:bank           1,250,000.50 EUR
                assets:bank:savings        $12.50
                equity:opening

            2025-01-31 ! Exchange
                assets:cash:czk          5,000.00Kč @ 0.04 EUR
                assets:bank

            2025-02-01 Trip  ; trip:prague
                expenses:travel           1.005 EUR  ; more decimals than the commodity displays
                expenses:travel           $12.50 @@ 11.25 EUR
                assets:bank              -1.005 EUR = 1,249,799.495 EUR
                assets:bank              -11.25 EUR
            """;

    @TempDir
    Path folder;

    private Path journal;

    @BeforeAll
    static void requireHledger() {
        assumeTrue(Hledger.isAvailable(), "hledger is not installed; skipping the hledger harness tests");
    }

    private Path tinyJournal() throws IOException {
        if (journal == null) {
            journal = Files.writeString(folder.resolve("tiny.journal"), TINY_JOURNAL, StandardCharsets.UTF_8);
        }
        return journal;
    }

    @Test
    @DisplayName("reports the installed version")
    void reportsVersion() {
        assertTrue(Hledger.version().orElseThrow().startsWith("hledger "));
    }

    @Test
    @DisplayName("accepts a valid journal in check")
    void checksValidJournal() throws IOException {
        HledgerRun run = Hledger.check(tinyJournal(), "ordereddates");
        assertTrue(run.succeeded(), run::describe);
    }

    @Test
    @DisplayName("rejects an unbalanced journal in check, with hledger's message")
    void rejectsUnbalancedJournal() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.journal"), """
                2025-01-01 Broken
                    assets:bank   10 EUR
                    equity:opening  -9 EUR
                """);
        HledgerRun run = Hledger.check(broken);
        assertFalse(run.succeeded());
        assertTrue(run.describe().contains("balance"), run::describe);
    }

    @Test
    @DisplayName("gives exact balances at the end, per own account, not converted to cost")
    void balancesAtEnd() throws IOException {
        Map<String, Map<String, BigDecimal>> balances = Hledger.balancesAtEnd(tinyJournal());

        assertEquals(Map.of(
                "assets:bank", Map.of("EUR", new BigDecimal("1249788.245")),
                "assets:bank:savings", Map.of("$", new BigDecimal("12.5")),
                "assets:cash:czk", Map.of("Kč", new BigDecimal("5000")),
                "expenses:travel", Map.of("EUR", new BigDecimal("1.005"), "$", new BigDecimal("12.5")),
                "equity:opening", Map.of("EUR", new BigDecimal("-1250000.5"), "$", new BigDecimal("-12.5"))),
                balances);
    }

    @Test
    @DisplayName("includes the as-of date itself and nothing after it")
    void balancesAsOfDateIsInclusive() throws IOException {
        Map<String, Map<String, BigDecimal>> onTheDay = Hledger.balances(tinyJournal(), LocalDate.of(2025, 1, 31));
        Map<String, Map<String, BigDecimal>> dayBefore = Hledger.balances(tinyJournal(), LocalDate.of(2025, 1, 30));

        assertEquals(Map.of("Kč", new BigDecimal("5000")), onTheDay.get("assets:cash:czk"));
        assertEquals(Map.of("EUR", new BigDecimal("1249800.5")), onTheDay.get("assets:bank"));
        assertFalse(dayBefore.containsKey("assets:cash:czk"));
        assertFalse(onTheDay.containsKey("expenses:travel"));
    }

    @Test
    @DisplayName("leaves out accounts whose balance is zero")
    void omitsZeroBalances() throws IOException {
        Path journalWithZero = Files.writeString(folder.resolve("zero.journal"), """
                2025-01-01 In
                    assets:bank   10.00 EUR
                    income:sales
                2025-01-02 Out
                    assets:bank   -10.00 EUR
                    expenses:fees
                """);
        assertEquals(Map.of("income:sales", Map.of("EUR", new BigDecimal("-10")),
                        "expenses:fees", Map.of("EUR", new BigDecimal("10"))),
                Hledger.balancesAtEnd(journalWithZero));
    }

    @Test
    @DisplayName("fails with hledger's message when balances are asked of a broken journal")
    void balancesOfBrokenJournalFail() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.journal"), "2025-01-01 x\n    assets:a  1 EUR\n    assets:b  1 EUR\n");
        assertThrows(IllegalStateException.class, () -> Hledger.balancesAtEnd(broken));
    }
}

package dev.eventscope.journal.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("the sample journals in sample-data")
class SampleJournalsTest {

    private static final Path SAMPLES = Path.of("sample-data");

    @BeforeAll
    static void requireHledger() {
        assumeTrue(Hledger.isAvailable(), "hledger is not installed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small-business.journal", "household-two-currencies.journal", "audit-case.journal"})
    @DisplayName("pass hledger's strict check (declared accounts and commodities) and give balances")
    void passStrictCheck(String name) {
        Path journal = SAMPLES.resolve(name);
        HledgerRun check = Hledger.check(journal, "accounts", "commodities");
        assertTrue(check.succeeded(), check::describe);
        assertFalse(Hledger.balancesAtEnd(journal).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small-business.journal", "household-two-currencies.journal"})
    @DisplayName("are written in date order")
    void inDateOrder(String name) {
        HledgerRun check = Hledger.check(SAMPLES.resolve(name), "ordereddates");
        assertTrue(check.succeeded(), check::describe);
    }

    @Test
    @DisplayName("audit case: only the late correction breaks date order, because the file is in recording order")
    void auditCaseLateCorrectionIsOutOfOrder() {
        HledgerRun check = Hledger.check(SAMPLES.resolve("audit-case.journal"), "ordereddates");
        assertFalse(check.succeeded());
        assertTrue(check.standardError().contains("Late correction"), check::describe);
    }

    @Test
    @DisplayName("small business: checking account at the end of Q1 matches the balance assertion in the file")
    void smallBusinessQuarterEnd() {
        Map<String, Map<String, BigDecimal>> balances = Hledger.balances(SAMPLES.resolve("small-business.journal"), LocalDate.of(2025, 3, 31));
        assertEquals(Map.of("EUR", new BigDecimal("30206.52")), balances.get("assets:bank:checking"));
    }

    @Test
    @DisplayName("audit case: the suspense account is zero from 2025-06-30 and not before")
    void auditCaseSuspense() {
        Path journal = SAMPLES.resolve("audit-case.journal");
        assertFalse(Hledger.balances(journal, LocalDate.of(2025, 6, 30)).containsKey("assets:suspense"));
        assertEquals(Map.of("EUR", new BigDecimal("-1285.5")),
                Hledger.balances(journal, LocalDate.of(2025, 6, 29)).get("assets:suspense"));
    }

    @Test
    @DisplayName("household: three commodities, not converted to cost")
    void householdCommodities() {
        Map<String, Map<String, BigDecimal>> balances = Hledger.balancesAtEnd(SAMPLES.resolve("household-two-currencies.journal"));
        assertEquals(Map.of("Kč", new BigDecimal("2063")), balances.get("assets:cash:czk"));
        assertTrue(balances.get("assets:bank:us:checking").containsKey("$"));
        assertTrue(balances.get("expenses:holiday:lodging").keySet().containsAll(java.util.Set.of("$", "Kč")));
    }
}

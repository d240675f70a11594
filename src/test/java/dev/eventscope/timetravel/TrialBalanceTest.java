package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A trial balance's one pass against the balances' own debit and credit totals and a plain split of each balance. */
class TrialBalanceTest {

    @Test
    void lines_and_totals_are_those_of_the_balances_column_by_column() {
        Balances balances = Balances.of(Map.of(
                "assets:bank", Map.of("EUR", new BigDecimal("105.50"), "USD", new BigDecimal("-2.5")),
                "expenses:rent", Map.of("EUR", new BigDecimal("0.50")),
                "income:sales", Map.of("EUR", new BigDecimal("-106.00")),
                // a commodity with credits only: its debit total is zero, and still listed
                "liabilities:card", Map.of("GBP", new BigDecimal("-7.125")),
                "equity:opening", Map.of("USD", new BigDecimal("2.50"))));

        TrialBalance trialBalance = TrialBalance.of(new LedgerBalances(new Point.AtPosition(9), 9, balances, 0, 0));

        List<TrialBalanceLine> expected = new ArrayList<>();
        balances.forEach((account, commodity, amount) -> expected.add(new TrialBalanceLine(account, commodity,
                amount.signum() > 0 ? amount : BigDecimal.ZERO, amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO)));
        assertEquals(expected, trialBalance.lines());
        assertEquals(balances.debitTotals(), trialBalance.totalDebits());
        assertEquals(balances.creditTotals(), trialBalance.totalCredits());
        assertEquals(Map.of("EUR", new BigDecimal("106"), "GBP", BigDecimal.ZERO, "USD", new BigDecimal("2.5")),
                trialBalance.totalDebits());
        assertEquals(Map.of("EUR", new BigDecimal("106"), "GBP", new BigDecimal("7.125"), "USD", new BigDecimal("2.5")),
                trialBalance.totalCredits());
        assertEquals(9, trialBalance.position());
    }
}

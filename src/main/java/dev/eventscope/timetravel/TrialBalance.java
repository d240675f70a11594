package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** Debits and credits per account and commodity at a point, with totals per commodity. */
public record TrialBalance(Point point, long position, List<TrialBalanceLine> lines,
                           SortedMap<String, BigDecimal> totalDebits, SortedMap<String, BigDecimal> totalCredits) {

    /** The trial balance of the given balances: a positive balance is a debit, a negative one a credit. */
    public static TrialBalance of(LedgerBalances balances) {
        List<TrialBalanceLine> lines = new ArrayList<>();
        balances.balances().forEach((account, commodity, amount) -> lines.add(
                new TrialBalanceLine(account, commodity, Balances.debit(amount), Balances.credit(amount))));
        return new TrialBalance(balances.point(), balances.position(), List.copyOf(lines),
                balances.balances().debitTotals(), balances.balances().creditTotals());
    }
}

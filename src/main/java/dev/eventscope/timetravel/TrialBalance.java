package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Debits and credits per account and commodity at a point, with totals per commodity. */
public record TrialBalance(Point point, long position, List<TrialBalanceLine> lines,
                           SortedMap<String, BigDecimal> totalDebits, SortedMap<String, BigDecimal> totalCredits) {

    /**
     * The trial balance of the given balances: a positive balance is a debit, a negative one a credit. One pass over
     * the balances makes the lines and both columns' totals (the same as {@link Balances#debitTotals} and
     * {@link Balances#creditTotals}, which would walk every balance once more each: {@code TrialBalanceTest}).
     */
    public static TrialBalance of(LedgerBalances balances) {
        List<TrialBalanceLine> lines = new ArrayList<>();
        SortedMap<String, BigDecimal> debits = new TreeMap<>();
        SortedMap<String, BigDecimal> credits = new TreeMap<>();
        balances.balances().forEach((account, commodity, amount) -> {
            BigDecimal debit = Balances.debit(amount);
            BigDecimal credit = Balances.credit(amount);
            lines.add(new TrialBalanceLine(account, commodity, debit, credit));
            debits.merge(commodity, debit, BigDecimal::add);
            credits.merge(commodity, credit, BigDecimal::add);
        });
        return new TrialBalance(balances.point(), balances.position(), List.copyOf(lines), normalised(debits),
                normalised(credits));
    }

    private static SortedMap<String, BigDecimal> normalised(SortedMap<String, BigDecimal> totals) {
        totals.replaceAll((commodity, total) -> Amounts.normalise(total));
        return Collections.unmodifiableSortedMap(totals);
    }
}

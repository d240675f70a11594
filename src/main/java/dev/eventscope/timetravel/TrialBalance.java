package dev.eventscope.timetravel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Debits and credits per account and commodity at a point, with totals per commodity. */
public record TrialBalance(Point point, long position, List<TrialBalanceLine> lines,
                           SortedMap<String, BigDecimal> totalDebits, SortedMap<String, BigDecimal> totalCredits) {

    /** The trial balance of the given balances. */
    public static TrialBalance of(LedgerBalances balances) {
        List<TrialBalanceLine> lines = new ArrayList<>();
        SortedMap<String, BigDecimal> debits = new TreeMap<>();
        SortedMap<String, BigDecimal> credits = new TreeMap<>();
        for (Map.Entry<String, SortedMap<String, BigDecimal>> account : balances.balances().entrySet()) {
            for (Map.Entry<String, BigDecimal> commodity : account.getValue().entrySet()) {
                BigDecimal amount = commodity.getValue();
                BigDecimal debit = amount.signum() > 0 ? amount : BigDecimal.ZERO;
                BigDecimal credit = amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO;
                lines.add(new TrialBalanceLine(account.getKey(), commodity.getKey(), debit, credit));
                debits.merge(commodity.getKey(), debit, BigDecimal::add);
                credits.merge(commodity.getKey(), credit, BigDecimal::add);
            }
        }
        return new TrialBalance(balances.point(), balances.position(), List.copyOf(lines), debits, credits);
    }
}

package dev.eventscope.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each account's balance per commodity at the start and the end of the report's period, from every
 * posting in the ledger (the scope's user filter does not change what an account holds). Without a
 * start the opening balance is zero; without an end the closing balance is the balance today.
 */
final class PeriodBalances {

    private final ReportScope scope;
    private final ZoneId zone;
    private final Map<String, Map<String, BigDecimal[]>> balances = new TreeMap<>();

    PeriodBalances(ReportScope scope, ZoneId zone) {
        this.scope = scope;
        this.zone = zone;
    }

    void add(ReportRow row) {
        if (row.amount() == null || row.account() == null || !"PostingRecorded".equals(row.eventType())) {
            return;
        }
        LocalDate day = scope.basis() == TimeBasis.ENTRY_DATE && row.entryDate() != null
                ? row.entryDate() : row.recordedAt().atZone(zone).toLocalDate();
        BigDecimal[] openingAndClosing = balances.computeIfAbsent(row.account(), name -> new TreeMap<>())
                .computeIfAbsent(row.amount().commodity(), commodity -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal amount = row.amount().amount();
        if (scope.from() != null && day.isBefore(scope.from())) {
            openingAndClosing[0] = openingAndClosing[0].add(amount);
        }
        if (scope.to() == null || !day.isAfter(scope.to())) {
            openingAndClosing[1] = openingAndClosing[1].add(amount);
        }
    }

    List<AccountBalance> of(Set<String> accounts) {
        List<AccountBalance> result = new ArrayList<>();
        balances.forEach((account, byCommodity) -> {
            if (accounts.contains(account)) {
                byCommodity.forEach((commodity, values) ->
                        result.add(new AccountBalance(account, commodity, values[0], values[1])));
            }
        });
        return result;
    }
}

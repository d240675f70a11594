package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Each account's balance per commodity at the start and the end of the report's period, from every
 * posting in the ledger (the scope's user filter does not change what an account holds). Without a
 * start the opening balance is zero; without an end the closing balance is the balance today.
 */
final class PeriodBalances {

    private final ReportScope scope;
    private final ZoneId zone;
    /** Every posting folded into both, as zero where it does not count, so both name every account and commodity posted to. */
    private final Balances.Fold opening = Balances.fold();
    private final Balances.Fold closing = Balances.fold();

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
        BigDecimal amount = row.amount().amount();
        boolean beforePeriod = scope.from() != null && day.isBefore(scope.from());
        boolean byEnd = scope.to() == null || !day.isAfter(scope.to());
        opening.add(row.account(), row.amount().commodity(), beforePeriod ? amount : BigDecimal.ZERO);
        closing.add(row.account(), row.amount().commodity(), byEnd ? amount : BigDecimal.ZERO);
    }

    List<AccountBalance> of(Set<String> accounts) {
        List<AccountBalance> result = new ArrayList<>();
        closing.forEach((account, commodity, amount) -> {
            if (accounts.contains(account)) {
                result.add(new AccountBalance(account, commodity, opening.balance(account, commodity), amount));
            }
        });
        return result;
    }
}

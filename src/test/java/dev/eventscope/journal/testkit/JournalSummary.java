package dev.eventscope.journal.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generator wrote: how many entries and postings, the first and last entry date, and the
 * balance it expects every account to have at the end (account to commodity to quantity, zero
 * balances left out, quantities in {@link Hledger#normalize(BigDecimal)} form, not converted to cost)
 * — the same shape {@link Hledger#balancesAtEnd} returns, so the two can be compared with equals.
 */
public record JournalSummary(int entryCount, int postingCount, LocalDate firstDate, LocalDate lastDate,
                             Map<String, Map<String, BigDecimal>> finalBalances) {

    public JournalSummary {
        Map<String, Map<String, BigDecimal>> copy = new TreeMap<>();
        finalBalances.forEach((account, byCommodity) -> {
            Map<String, BigDecimal> nonzero = new TreeMap<>();
            byCommodity.forEach((commodity, quantity) -> {
                if (quantity.signum() != 0) {
                    nonzero.put(commodity, Hledger.normalize(quantity));
                }
            });
            if (!nonzero.isEmpty()) {
                copy.put(account, Collections.unmodifiableMap(nonzero));
            }
        });
        finalBalances = Collections.unmodifiableMap(copy);
    }
}

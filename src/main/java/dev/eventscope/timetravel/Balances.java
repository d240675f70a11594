package dev.eventscope.timetravel;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Helpers for account -> commodity -> amount maps. */
final class Balances {

    private Balances() {
    }

    static SortedMap<String, SortedMap<String, BigDecimal>> withoutZeros(Map<String, ? extends Map<String, BigDecimal>> balances) {
        SortedMap<String, SortedMap<String, BigDecimal>> result = new TreeMap<>();
        balances.forEach((account, perCommodity) -> perCommodity.forEach((commodity, amount) -> {
            if (amount.signum() != 0) {
                result.computeIfAbsent(account, name -> new TreeMap<>()).put(commodity, amount.stripTrailingZeros());
            }
        }));
        return result;
    }

    static void add(SortedMap<String, SortedMap<String, BigDecimal>> balances, String account, String commodity,
                    BigDecimal amount) {
        balances.computeIfAbsent(account, name -> new TreeMap<>()).merge(commodity, amount, BigDecimal::add);
    }
}

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
                result.computeIfAbsent(account, name -> new TreeMap<>()).put(commodity, normalize(amount));
            }
        }));
        return result;
    }

    /** Trailing zeros removed, never a negative scale: {@code 100.00} becomes {@code 100}. */
    static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static void add(SortedMap<String, SortedMap<String, BigDecimal>> balances, String account, String commodity,
                    BigDecimal amount) {
        balances.computeIfAbsent(account, name -> new TreeMap<>()).merge(commodity, amount, BigDecimal::add);
    }
}

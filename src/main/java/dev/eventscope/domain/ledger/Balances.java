package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Arithmetic on balances, which states keep as {@code Map<String commodity, BigDecimal>}: sorted by
 * commodity, amounts normalised, zero balances left out so that equal balances are equal maps.
 */
public final class Balances {

    private Balances() {
    }

    /** The canonical, unmodifiable copy of a balance map. */
    public static Map<String, BigDecimal> copyOf(Map<String, BigDecimal> balances) {
        TreeMap<String, BigDecimal> canonical = new TreeMap<>();
        balances.forEach((commodity, amount) -> {
            BigDecimal normalised = Amounts.normalise(amount);
            if (normalised.signum() != 0) {
                canonical.put(commodity, normalised);
            }
        });
        return Collections.unmodifiableMap(canonical);
    }

    /** The balances after adding {@code money}. */
    public static Map<String, BigDecimal> plus(Map<String, BigDecimal> balances, Money money) {
        TreeMap<String, BigDecimal> sum = new TreeMap<>(balances);
        sum.merge(money.commodity(), money.amount(), BigDecimal::add);
        return copyOf(sum);
    }

    /** Sums amounts per commodity; zero sums are left out. */
    public static Map<String, BigDecimal> sum(Iterable<Money> amounts) {
        TreeMap<String, BigDecimal> sum = new TreeMap<>();
        for (Money money : amounts) {
            sum.merge(money.commodity(), money.amount(), BigDecimal::add);
        }
        return copyOf(sum);
    }
}

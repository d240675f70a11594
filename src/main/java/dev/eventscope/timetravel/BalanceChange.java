package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/** One account's balance in one commodity that differs between two points (zero when absent). */
public record BalanceChange(String account, String commodity, BigDecimal before, BigDecimal after) {

    public BigDecimal change() {
        return after.subtract(before);
    }

    /**
     * The balances that differ between two points' balances (a missing one counts as zero), sorted by
     * account and commodity: one ordered walk over both.
     */
    public static List<BalanceChange> between(Balances before, Balances after) {
        List<BalanceChange> changes = new ArrayList<>();
        Iterator<Map.Entry<String, SortedMap<String, BigDecimal>>> was = before.asMap().entrySet().iterator();
        Iterator<Map.Entry<String, SortedMap<String, BigDecimal>>> is = after.asMap().entrySet().iterator();
        Map.Entry<String, SortedMap<String, BigDecimal>> old = was.hasNext() ? was.next() : null;
        Map.Entry<String, SortedMap<String, BigDecimal>> now = is.hasNext() ? is.next() : null;
        while (old != null || now != null) {
            int order = old == null ? 1 : now == null ? -1 : old.getKey().compareTo(now.getKey());
            if (order == 0) {
                commodityDifferences(old.getKey(), old.getValue(), now.getValue(), changes);
            } else if (order < 0) {
                commodityDifferences(old.getKey(), old.getValue(), Collections.emptySortedMap(), changes);
            } else {
                commodityDifferences(now.getKey(), Collections.emptySortedMap(), now.getValue(), changes);
            }
            if (order <= 0) {
                old = was.hasNext() ? was.next() : null;
            }
            if (order >= 0) {
                now = is.hasNext() ? is.next() : null;
            }
        }
        return changes;
    }

    private static void commodityDifferences(String account, SortedMap<String, BigDecimal> was, SortedMap<String, BigDecimal> is,
                                             List<BalanceChange> changes) {
        if (was.size() == 1 && is.size() == 1) {
            // the usual case: one commodity
            String commodity = was.firstKey();
            if (commodity.equals(is.firstKey())) {
                BigDecimal old = was.get(commodity);
                BigDecimal now = is.get(commodity);
                if (old.compareTo(now) != 0) {
                    changes.add(new BalanceChange(account, commodity, old, now));
                }
                return;
            }
        }
        TreeSet<String> commodities = new TreeSet<>(was.keySet());
        commodities.addAll(is.keySet());
        for (String commodity : commodities) {
            BigDecimal old = was.getOrDefault(commodity, BigDecimal.ZERO);
            BigDecimal now = is.getOrDefault(commodity, BigDecimal.ZERO);
            if (old.compareTo(now) != 0) {
                changes.add(new BalanceChange(account, commodity, old, now));
            }
        }
    }
}

package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Running balances per account and commodity, folded from posting amounts in ledger order. Kept
 * small and on its own so that the report can later ask the time-travel engine instead. Memory grows
 * with accounts × commodities, never with events.
 */
final class BalanceFold {

    private final Map<String, Map<String, BigDecimal>> balances = new HashMap<>();

    /** The account's balance in the amount's commodity before the posting; the posting is then added. */
    Money post(String account, Money amount) {
        Map<String, BigDecimal> byCommodity = balances.computeIfAbsent(account, name -> new HashMap<>());
        BigDecimal before = byCommodity.getOrDefault(amount.commodity(), BigDecimal.ZERO);
        byCommodity.put(amount.commodity(), before.add(amount.amount()));
        return new Money(before, amount.commodity());
    }
}

package dev.eventscope.journal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running balance of every account in every commodity, in file order, for balance assertions and assignments. */
final class BalanceBook {

    private final Map<String, Map<String, BigDecimal>> balances = new HashMap<>();

    BigDecimal balance(String account, String commodity) {
        return balances.getOrDefault(account, Map.of()).getOrDefault(commodity, BigDecimal.ZERO);
    }

    /** Every commodity the account holds, zero balances included. */
    Map<String, BigDecimal> balances(String account) {
        return balances.getOrDefault(account, Map.of());
    }

    void add(String account, Amount amount) {
        balances.computeIfAbsent(account, ignored -> new LinkedHashMap<>())
                .merge(amount.commodity(), amount.quantity(), BigDecimal::add);
    }
}

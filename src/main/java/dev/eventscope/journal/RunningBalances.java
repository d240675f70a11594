package dev.eventscope.journal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running balance of every account in every commodity, in file order, for balance assertions and assignments. */
final class RunningBalances {

    private final Map<String, Map<String, BigDecimal>> balances = new HashMap<>();

    BigDecimal balance(String account, String commodity) {
        return balances.getOrDefault(account, Map.of()).getOrDefault(commodity, BigDecimal.ZERO);
    }

    /** Every commodity the account holds, zero balances included. */
    Map<String, BigDecimal> balances(String account) {
        return balances.getOrDefault(account, Map.of());
    }

    /** The account with all its subaccounts, per commodity (for {@code =*} and {@code ==*}). */
    Map<String, BigDecimal> balancesIncludingSubaccounts(String account) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        String prefix = account + ":";
        balances.forEach((name, amounts) -> {
            if (name.equals(account) || name.startsWith(prefix)) {
                amounts.forEach((commodity, quantity) -> total.merge(commodity, quantity, BigDecimal::add));
            }
        });
        return total;
    }

    void add(String account, Amount amount) {
        balances.computeIfAbsent(account, ignored -> new LinkedHashMap<>())
                .merge(amount.commodity(), amount.quantity(), BigDecimal::add);
    }
}

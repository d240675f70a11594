package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parent accounts' subtotals in the whole-ledger lines, as hledger's tree view rolls them up
 * ({@link Balances#rolledUp()}): a parent gets a line in a commodity when two or more balances in that commodity lie
 * at or beneath it (one alone would repeat its child's amount). The line comes just before the first balance beneath
 * it. Used for one layout at a time.
 */
final class Subtotals {

    private static final String KEY = "subtotal:";

    private final Balances rolledUp;
    private final Map<String, Integer> beneath = new HashMap<>();
    private final Set<String> given = new HashSet<>();

    Subtotals(Balances balances) {
        this.rolledUp = balances.rolledUp();
        balances.forEach((account, commodity, amount) -> {
            beneath.merge(key(account, commodity), 1, Integer::sum);
            for (String parent : parents(account)) {
                beneath.merge(key(parent, commodity), 1, Integer::sum);
            }
        });
    }

    /** The line key of {@code parent}'s subtotal in {@code commodity}. */
    static String key(String parent, String commodity) {
        return KEY + parent + ":" + commodity;
    }

    static String label(String parent) {
        return "Subtotal " + parent;
    }

    /** The accounts {@code account} rolls up into, from the top: {@code a:b:c} gives {@code a}, {@code a:b}. */
    static List<String> parents(String account) {
        List<String> parents = new ArrayList<>(3);
        for (int colon = account.indexOf(':'); colon > 0; colon = account.indexOf(':', colon + 1)) {
            parents.add(account.substring(0, colon));
        }
        return parents;
    }

    /**
     * The parents whose subtotal line in {@code commodity} goes before {@code account}'s balance (those with a line
     * not given yet), from the top; each is given once.
     */
    List<String> due(String account, String commodity) {
        List<String> due = List.of();
        for (String parent : parents(account)) {
            String key = key(parent, commodity);
            if (beneath.getOrDefault(key, 0) >= 2 && given.add(key)) {
                if (due.isEmpty()) {
                    due = new ArrayList<>(2);
                }
                due.add(parent);
            }
        }
        return due;
    }

    /** {@code parent}'s rolled-up balance in {@code commodity}. */
    BigDecimal amount(String parent, String commodity) {
        return rolledUp.balance(parent, commodity);
    }
}

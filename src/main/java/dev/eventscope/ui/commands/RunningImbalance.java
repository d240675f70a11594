package dev.eventscope.ui.commands;

import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running imbalance of the postings typed so far, per commodity, at cost (a priced posting
 * counts in its price's commodity). Rows that cannot be read yet are left out.
 */
public record RunningImbalance(Map<String, BigDecimal> offBy, int countedRows, int emptyAmountRows) {

    public static RunningImbalance of(List<PostingRow> rows) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        int counted = 0;
        int emptyAmounts = 0;
        for (PostingRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            if (row.amountText().isEmpty()) {
                emptyAmounts++;
                continue;
            }
            try {
                Money cost = new Posting(dev.eventscope.domain.ledger.AccountName.of("assets"), row.money(), row.priceOf(), null).cost();
                sums.merge(cost.commodity(), cost.amount(), BigDecimal::add);
                counted++;
            } catch (PostingInputProblem | LedgerRuleViolation unreadable) {
                // not readable yet: the row shows why when posting
            }
        }
        return new RunningImbalance(Map.copyOf(sums), counted, emptyAmounts);
    }

    public boolean balanced() {
        if (countedRows + emptyAmountRows < 2) {
            return false;
        }
        return balancingAmount() != null || emptyAmountRows == 0 && nonZero().isEmpty();
    }

    private List<Money> nonZero() {
        List<Money> off = new ArrayList<>();
        offBy.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(entry -> entry.getValue().signum() != 0)
                .forEach(entry -> off.add(new Money(entry.getValue(), entry.getKey())));
        return off;
    }

    /** The amount the one empty amount takes so that the entry balances, or null when there is not exactly one such row and one commodity off. */
    public Money balancingAmount() {
        List<Money> off = nonZero();
        return emptyAmountRows == 1 && off.size() == 1 ? off.get(0).negate() : null;
    }

    /** "Balanced", "Off by 10.00 EUR", "Off by 10.00 EUR · -5.00 USD", or what the empty amount will take. */
    public String describe() {
        if (countedRows + emptyAmountRows < 2) {
            return "Enter at least two postings";
        }
        Money balancing = balancingAmount();
        if (balancing != null) {
            return "Balanced: the empty amount takes " + balancing;
        }
        List<Money> off = nonZero();
        if (off.isEmpty()) {
            return emptyAmountRows == 0 ? "Balanced" : "An amount is missing";
        }
        return "Off by " + String.join(" · ", off.stream().map(Money::toString).toList());
    }
}

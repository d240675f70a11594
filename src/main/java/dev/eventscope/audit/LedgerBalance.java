package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether the postings of the verified events sum to zero in every commodity: {@code imbalances}
 * holds each commodity whose sum is not zero, {@code unreadable} the postings that could not be read.
 */
public record LedgerBalance(long postings, Map<String, BigDecimal> imbalances, long unreadable, long firstUnreadablePosition) {

    public LedgerBalance {
        imbalances = Map.copyOf(imbalances);
    }

    public boolean balanced() {
        return imbalances.isEmpty() && unreadable == 0;
    }

    /** One sentence a person can read. */
    public String summary() {
        if (unreadable > 0) {
            return "The books could not be checked: " + unreadable + " posting" + (unreadable == 1 ? "" : "s")
                    + " could not be read (the first at position " + firstUnreadablePosition + ").";
        }
        if (imbalances.isEmpty()) {
            return "The books balance: the " + postings + " posting" + (postings == 1 ? "" : "s") + " sum to zero in every commodity.";
        }
        return "The books DO NOT balance: the postings sum to " + imbalances.entrySet().stream()
                .map(entry -> new Money(entry.getValue(), entry.getKey()).toString())
                .collect(Collectors.joining(", ")) + " instead of zero.";
    }
}

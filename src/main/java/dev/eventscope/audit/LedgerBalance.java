package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trial balance: whether the real postings of the verified events sum to zero in every commodity, each entry at
 * the display precision it was balanced at. {@code imbalances} holds each commodity whose sum is not zero,
 * {@code unreadable} the postings that could not be read; {@code virtualPostings} of the {@code postings} are
 * virtual and left out, as {@code hledger --real} leaves them out.
 */
public record LedgerBalance(long postings, Map<String, BigDecimal> imbalances, long unreadable, long firstUnreadablePosition,
        long virtualPostings) {

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
        String virtual = virtualPostings == 0 ? "" : " (" + virtualPostings + " virtual posting"
                + (virtualPostings == 1 ? " is" : "s are") + " left out of the trial balance, as hledger --real leaves them out)";
        long real = postings - virtualPostings;
        if (imbalances.isEmpty()) {
            return "The books balance: the " + real + (virtualPostings == 0 ? "" : " real") + " posting" + (real == 1 ? "" : "s")
                    + " sum to zero in every commodity" + virtual + ".";
        }
        return "The books DO NOT balance: the " + (virtualPostings == 0 ? "" : "real ") + "postings sum to " + imbalances.entrySet().stream()
                .map(entry -> new Money(entry.getValue(), entry.getKey()).toString())
                .collect(Collectors.joining(", ")) + " instead of zero" + virtual + ".";
    }
}

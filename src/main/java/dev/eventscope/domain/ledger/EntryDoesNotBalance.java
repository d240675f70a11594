package dev.eventscope.domain.ledger;

import dev.eventscope.domain.PrintableText;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An entry whose postings, after prices, do not sum to zero in every commodity.
 * {@link #commodity()} and {@link #imbalance()} name the first commodity that is off (alphabetically);
 * {@link #imbalances()} holds all of them.
 */
public final class EntryDoesNotBalance extends LedgerRuleViolation {

    private final EntryId entryId;
    private final String description;
    private final Map<String, BigDecimal> imbalances;

    public EntryDoesNotBalance(EntryId entryId, String description, Map<String, BigDecimal> imbalances) {
        this(entryId, description, imbalances, PostingKind.REAL);
    }

    /** {@code kind}: which postings do not balance, the real ones or the balanced virtual ones. */
    public EntryDoesNotBalance(EntryId entryId, String description, Map<String, BigDecimal> imbalances, PostingKind kind) {
        super(message(entryId, description, Balances.copyOf(imbalances), kind));
        this.entryId = entryId;
        this.description = description;
        this.imbalances = Balances.copyOf(imbalances);
        if (this.imbalances.isEmpty()) {
            throw new IllegalArgumentException("an entry that does not balance has at least one imbalance");
        }
    }

    private static String message(EntryId entryId, String description, Map<String, BigDecimal> imbalances,
            PostingKind kind) {
        String entry = description == null || description.isBlank()
                ? "Entry " + entryId
                : "Entry " + entryId + " \"" + PrintableText.shortened(description) + "\"";
        String offBy = imbalances.entrySet().stream()
                .map(each -> (each.getKey().equals(Money.NO_SYMBOL) ? "the amount without commodity symbol" : each.getKey())
                        + " is off by " + Amounts.format(each.getValue()))
                .collect(Collectors.joining(" and "));
        String postings = kind == PostingKind.BALANCED_VIRTUAL ? "its balanced virtual postings" : "postings";
        return entry + " does not balance: " + offBy + " (" + postings + " sum to " + Amounts.formatBalances(imbalances)
                + " instead of zero).";
    }

    public EntryId entryId() {
        return entryId;
    }

    public String description() {
        return description;
    }

    /** The first commodity that is off. */
    public String commodity() {
        return imbalances.keySet().iterator().next();
    }

    /** How far the first commodity is off: the sum of its postings' costs. */
    public BigDecimal imbalance() {
        return imbalances.get(commodity());
    }

    /** Every commodity that is off, with the sum of its postings' costs. */
    public Map<String, BigDecimal> imbalances() {
        return imbalances;
    }
}

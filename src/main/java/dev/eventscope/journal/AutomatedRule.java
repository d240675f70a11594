package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An automated transaction ({@code = QUERY} and its postings), as {@code hledger --auto} applies it: to every
 * posting of every transaction that its query matches, wherever the rule stands in the journal, adding its
 * postings after the matched one. A generated posting has either a fixed {@code amount} or a
 * {@code multiplier} of the matched posting's amount (its price kept, a total price multiplied too).
 */
record AutomatedRule(AutoQuery query, List<Template> postings, SourceLocation location) {

    /** One posting the rule adds; exactly one of {@code amount} and {@code multiplier} is set. */
    record Template(String account, PostingKind kind, Amount amount, BigDecimal multiplier) {
        Template {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(kind, "kind");
            if ((amount == null) == (multiplier == null)) {
                throw new IllegalArgumentException("a generated posting needs an amount or a multiplier");
            }
        }
    }

    AutomatedRule {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(location, "location");
        postings = List.copyOf(postings);
    }
}

package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PriceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Applies automated transactions to a balanced transaction's postings, as {@code hledger --auto} does. */
final class AutomatedRules {

    private final List<AutomatedRule> rules;

    AutomatedRules(List<AutomatedRule> rules) {
        this.rules = List.copyOf(rules);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The postings with each rule's postings inserted after every posting it matches; rules apply in journal order,
     * and a later rule also sees the postings an earlier one generated (as in hledger 1.25). {@code date} is the
     * transaction's date, which a posting without a date of its own is matched on.
     */
    List<JournalPosting> apply(List<JournalPosting> postings, String description, LocalDate date) {
        List<JournalPosting> current = postings;
        for (AutomatedRule rule : rules) {
            List<JournalPosting> next = new ArrayList<>();
            for (JournalPosting posting : current) {
                next.add(posting);
                if (rule.query().matches(posting, description, date)) {
                    for (AutomatedRule.Template template : rule.postings()) {
                        next.add(generate(rule, template, posting));
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static JournalPosting generate(AutomatedRule rule, AutomatedRule.Template template, JournalPosting matched) {
        Amount amount;
        Price price = null;
        if (template.multiplier() != null) {
            BigDecimal factor = template.multiplier();
            amount = new Amount(matched.amount().quantity().multiply(factor), matched.amount().commodity());
            if (matched.price() != null) {
                Price original = matched.price();
                price = original.kind() == PriceKind.UNIT ? original : new Price(PriceKind.TOTAL,
                        new Amount(original.amount().quantity().multiply(factor.abs()), original.amount().commodity()));
            }
        } else {
            amount = template.amount();
        }
        // as in hledger 1.25, the generated posting is dated like the posting it matched (that posting's own date, if
        // it has one), and the date is written into its comment as hledger prints it ("[2023-01-15], generated-posting:")
        LocalDate date = matched.date();
        String comment = (date == null ? "" : "[" + date + "], ") + "generated-posting: = " + rule.query().text();
        return new JournalPosting(Status.UNMARKED, template.account(), template.kind(), amount, price, null, comment,
                TagParser.tags(comment), "", date);
    }
}

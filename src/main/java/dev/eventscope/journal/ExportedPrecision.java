package dev.eventscope.journal;

import dev.eventscope.domain.ledger.BalancingRule;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.Posting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps an export balanced as its entries were: hledger balances every entry at each commodity's display
 * precision, which for the exported journal is the most decimal places its posting amounts show. An entry imported
 * from a journal that declared fewer ({@code commodity 1. USD}) was balanced at that precision and may be off by
 * less than half its last place; without the declaration hledger would refuse the export. So, for each commodity
 * in which an entry balances only at its display precision, when that is fewer decimal places than the export
 * writes, the export declares the fewest (a commodity every entry balances exactly in needs no declaration).
 */
final class ExportedPrecision {

    private final Map<String, Integer> balancedAt = new TreeMap<>();
    private final Map<String, Integer> written = new TreeMap<>();

    /**
     * Notes the decimal places of {@code posted}'s amounts and, for each commodity in which it balances only at its
     * display precision (not exactly), that precision.
     */
    void note(EntryPosted posted) {
        for (Posting posting : posted.postings()) {
            written.merge(posting.amount().commodity(), Math.max(posting.amount().amount().scale(), 0), Math::max);
        }
        BalancingRule.imbalances(posted.postings(), Map.of()).values().forEach(offExactly -> offExactly.keySet()
                .forEach(commodity -> {
                    Integer places = posted.displayPrecision().get(commodity);
                    if (places != null) {
                        balancedAt.merge(commodity, places, Math::min);
                    }
                }));
    }

    /** The {@code commodity} directives the export needs, in commodity order. */
    List<JournalDirective.CommodityDeclaration> declarations(SourceLocation location) {
        return balancedAt.entrySet().stream()
                .filter(each -> each.getValue() < written.getOrDefault(each.getKey(), 0))
                .map(each -> new JournalDirective.CommodityDeclaration(each.getKey(),
                        new AmountStyle(false, true, '.', ',', each.getValue()), location))
                .toList();
    }
}

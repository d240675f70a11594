package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When an entry balances: hledger 1.25's rule, the one rule both the journal reader and the domain apply. The
 * entry's real postings must sum to zero per commodity at cost (a priced amount counts in its price's
 * commodity), and so must its balanced virtual postings {@code [account]} among themselves; unbalanced virtual
 * postings {@code (account)} are not checked. A sum counts as zero when it looks zero at the commodity's display
 * precision: {@code |sum| <= 0.5 * 10^-places}, as hledger's {@code amountLooksZero}. The display precision of
 * a commodity is the journal's (declared by a {@code commodity} directive, else the most decimal places of the
 * posting amounts written in it anywhere in the journal); a commodity with no known precision must sum to
 * exactly zero.
 */
public final class BalancingRule {

    private BalancingRule() {
    }

    /** True when {@code sum} looks zero at {@code places} decimal places; exactly zero when {@code places} is null. */
    public static boolean looksZero(BigDecimal sum, Integer places) {
        if (places == null) {
            return sum.signum() == 0;
        }
        // rounding half-even to zero is the same test as hledger's |q| <= 5 * 10^-(places+1)
        return sum.setScale(Math.max(places, 0), RoundingMode.HALF_EVEN).signum() == 0;
    }

    /** The sums (commodity to sum) that do not look zero at {@code displayPrecision}, in the sums' order. */
    public static Map<String, BigDecimal> imbalances(Map<String, BigDecimal> sums, Map<String, Integer> displayPrecision) {
        Map<String, BigDecimal> off = new LinkedHashMap<>();
        sums.forEach((commodity, sum) -> {
            if (!looksZero(sum, displayPrecision.get(commodity))) {
                off.put(commodity, sum);
            }
        });
        return off;
    }

    /**
     * The imbalances of an entry's postings per checked kind ({@link PostingKind#REAL} and
     * {@link PostingKind#BALANCED_VIRTUAL}); a kind that balances is left out, so an empty map means it balances.
     */
    public static Map<PostingKind, Map<String, BigDecimal>> imbalances(List<Posting> postings,
            Map<String, Integer> displayPrecision) {
        Map<PostingKind, Map<String, BigDecimal>> result = new EnumMap<>(PostingKind.class);
        for (PostingKind kind : new PostingKind[] {PostingKind.REAL, PostingKind.BALANCED_VIRTUAL}) {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            for (Posting posting : postings) {
                if (posting.kind() == kind) {
                    Money cost = posting.cost();
                    sums.merge(cost.commodity(), cost.amount(), BigDecimal::add);
                }
            }
            Map<String, BigDecimal> off = imbalances(sums, displayPrecision);
            if (!off.isEmpty()) {
                result.put(kind, off);
            }
        }
        return result;
    }
}

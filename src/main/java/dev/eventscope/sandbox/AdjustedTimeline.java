package dev.eventscope.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The timeline "as posted" beside "as adjusted": on each entry date on which an accepted proposal posts, the balance
 * of every account (and commodity) it posts to, as of that date, in the real ledger at the base and with the accepted
 * proposals dated on or before it, and the proposals that make the difference. In date order, then by account.
 */
public record AdjustedTimeline(List<Step> steps) {

    /** One account's balance at the end of one entry date, as posted and as adjusted, and the proposals that cause the difference. */
    public record Step(LocalDate date, String account, String commodity, BigDecimal asPosted, BigDecimal asAdjusted,
                       List<Integer> causedBy) {
        public BigDecimal change() {
            return asAdjusted.subtract(asPosted).stripTrailingZeros();
        }
    }

    public AdjustedTimeline {
        steps = List.copyOf(steps);
    }
}

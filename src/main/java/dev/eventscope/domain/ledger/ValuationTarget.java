package dev.eventscope.domain.ledger;

import java.util.Objects;

/** What a valuation converts to: one chosen commodity (hledger's {@code -X COMM}) or each commodity's default ({@code -V}). */
public sealed interface ValuationTarget {

    /** Every amount into {@code commodity}, as {@code hledger -X COMM}. */
    record InCommodity(String commodity) implements ValuationTarget {
        public InCommodity {
            Objects.requireNonNull(commodity, "commodity");
        }
    }

    /** Each commodity into the commodity of its latest recorded price, as {@code hledger -V}. */
    record DefaultCommodities() implements ValuationTarget {
    }

    static ValuationTarget in(String commodity) {
        return new InCommodity(commodity);
    }

    static ValuationTarget defaults() {
        return new DefaultCommodities();
    }
}

package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PriceKind;
import java.math.BigDecimal;
import java.util.Objects;

/** The cost of a posting's amount in another commodity: {@code @ $1.10} per unit or {@code @@ $11} in total. */
public record Price(PriceKind kind, Amount amount) {

    public Price {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    /** What {@code postingAmount} costs in the price's commodity, with the sign of the posting amount. */
    public Amount costOf(Amount postingAmount) {
        BigDecimal cost = kind == PriceKind.UNIT
                ? postingAmount.quantity().multiply(amount.quantity())
                : amount.quantity().abs().multiply(BigDecimal.valueOf(postingAmount.quantity().signum()));
        return new Amount(cost, amount.commodity());
    }
}

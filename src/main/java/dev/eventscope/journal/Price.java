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

    /**
     * What {@code postingAmount} costs in the price's commodity, as hledger 1.25 computes it: a unit price times the
     * quantity, a total price times the quantity's sign (so a negative price, {@code B 1 @@ A -1}, costs {@code -1 A}).
     */
    public Amount costOf(Amount postingAmount) {
        BigDecimal cost = kind == PriceKind.UNIT
                ? postingAmount.quantity().multiply(amount.quantity())
                : amount.quantity().multiply(BigDecimal.valueOf(postingAmount.quantity().signum()));
        return new Amount(cost, amount.commodity());
    }
}

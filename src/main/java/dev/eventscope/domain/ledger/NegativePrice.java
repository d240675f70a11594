package dev.eventscope.domain.ledger;

/** A posting price below zero; the sign of a priced posting comes from its amount, never its price. */
public final class NegativePrice extends LedgerRuleViolation {

    private final Money price;

    public NegativePrice(Money price) {
        super("The price " + price + " is negative; write the price as a positive amount and put the sign on the"
                + " posting's amount.");
        this.price = price;
    }

    public Money price() {
        return price;
    }
}

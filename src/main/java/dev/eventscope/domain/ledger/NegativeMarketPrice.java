package dev.eventscope.domain.ledger;

/** A market price below zero: one unit of a commodity cannot be worth less than nothing. */
public final class NegativeMarketPrice extends LedgerRuleViolation {

    private final String commodity;
    private final Money price;

    public NegativeMarketPrice(String commodity, Money price) {
        super("The market price " + price + " of " + commodity + " is negative; a price says what one unit is worth"
                + " and must be zero or more.");
        this.commodity = commodity;
        this.price = price;
    }

    public String commodity() {
        return commodity;
    }

    public Money price() {
        return price;
    }
}

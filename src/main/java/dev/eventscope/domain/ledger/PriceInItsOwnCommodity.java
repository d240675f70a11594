package dev.eventscope.domain.ledger;

/** A market price of a commodity given in that same commodity ({@code P 2025-01-31 EUR 1 EUR}), which says nothing. */
public final class PriceInItsOwnCommodity extends LedgerRuleViolation {

    private final String commodity;

    public PriceInItsOwnCommodity(String commodity) {
        super("The price of " + commodity + " is given in " + commodity + " itself; a market price needs another"
                + " commodity, such as P 2025-01-31 EUR 1.08 USD.");
        this.commodity = commodity;
    }

    public String commodity() {
        return commodity;
    }
}

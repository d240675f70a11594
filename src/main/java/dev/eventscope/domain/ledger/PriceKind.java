package dev.eventscope.domain.ledger;

/** How a posting's price is written: per unit ({@code @}) or for the whole amount ({@code @@}). */
public enum PriceKind {
    UNIT("@"),
    TOTAL("@@");

    private final String symbol;

    PriceKind(String symbol) {
        this.symbol = symbol;
    }

    /** The journal notation, {@code @} or {@code @@}. */
    public String symbol() {
        return symbol;
    }
}

package dev.eventscope.journal;

/** Whether a posting's price is per unit ({@code @}) or for the whole amount ({@code @@}). */
public enum PriceKind {
    UNIT("@"),
    TOTAL("@@");

    private final String symbol;

    PriceKind(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}

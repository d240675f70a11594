package dev.eventscope.domain.ledger;

import dev.eventscope.domain.PrintableText;

/** A commodity symbol that is empty, padded with spaces or holds control characters. */
public final class InvalidCommodity extends LedgerRuleViolation {

    private final String commodity;

    public InvalidCommodity(String commodity) {
        super("\"" + PrintableText.shortened(commodity) + "\" is not a usable commodity: a commodity needs a symbol such as EUR, USD or AAPL,"
                + " without surrounding spaces or control characters.");
        this.commodity = commodity;
    }

    public String commodity() {
        return commodity;
    }
}

package dev.eventscope.audit;

import java.math.BigDecimal;

/** An account's balance in one commodity at the start and the end of the report's period. */
public record AccountBalance(String account, String commodity, BigDecimal opening, BigDecimal closing) {

    public BigDecimal change() {
        return closing.subtract(opening);
    }
}

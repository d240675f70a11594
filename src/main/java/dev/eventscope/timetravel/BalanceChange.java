package dev.eventscope.timetravel;

import java.math.BigDecimal;

/** One account's balance in one commodity that differs between two points (zero when absent). */
public record BalanceChange(String account, String commodity, BigDecimal before, BigDecimal after) {

    public BigDecimal change() {
        return after.subtract(before);
    }
}

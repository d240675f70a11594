package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** Scale normalisation and bookkeeper-friendly formatting of decimal amounts. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * The canonical form of an amount: trailing zeros removed, never a negative scale, so that
     * {@code 12.50} and {@code 12.5} are the same value under {@code equals} and in JSON.
     */
    public static BigDecimal normalise(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Plain digits with at least two decimal places: {@code 10.00}, {@code 0.125}, {@code -3.50}. */
    public static String format(BigDecimal amount) {
        BigDecimal normalised = normalise(amount);
        return (normalised.scale() < 2 ? normalised.setScale(2) : normalised).toPlainString();
    }

    /** {@code 10.00 EUR and -5.00 USD}, in the map's order. */
    static String formatBalances(Map<String, BigDecimal> balances) {
        return balances.entrySet().stream()
                .map(entry -> new Money(entry.getValue(), entry.getKey()).toString())
                .collect(Collectors.joining(" and "));
    }
}

package dev.eventscope.ui.state;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the state panel shows them: thousands grouped, at least two decimals, exact. */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(BigDecimal amount, String commodity) {
        return of(amount) + " " + commodity;
    }

    public static String of(BigDecimal amount) {
        int scale = Math.max(2, amount.stripTrailingZeros().scale());
        return String.format("%,." + scale + "f", amount.setScale(scale, RoundingMode.UNNECESSARY));
    }
}

package dev.eventscope.journal.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one commodity is written in a generated journal: symbol before or after the number, with or
 * without a space, and the {@code commodity} directive that declares that style to hledger.
 */
record AmountFormat(String symbol, boolean symbolBefore, boolean spaced) {

    static final AmountFormat EURO_CODE = new AmountFormat("EUR", false, true);
    static final AmountFormat DOLLAR = new AmountFormat("$", true, false);
    static final AmountFormat EURO_SIGN = new AmountFormat("€", false, false);
    static final AmountFormat POUND = new AmountFormat("£", true, false);
    static final AmountFormat KORUNA = new AmountFormat("Kč", false, false);
    static final AmountFormat FRANC = new AmountFormat("CHF", true, true);

    /** The directive declaring this style with thousands separators and two decimals. */
    String directive() {
        return "commodity " + place("1,000.00");
    }

    /**
     * Writes a quantity with two decimals; {@code grouped} adds thousands separators. A negative
     * amount before a symbol is written either {@code $-5.00} or {@code -$5.00} by {@code signFirst}.
     */
    String format(BigDecimal quantity, boolean grouped, boolean signFirst) {
        BigDecimal scaled = quantity.setScale(2, RoundingMode.UNNECESSARY);
        String digits = grouped ? group(scaled.abs().toPlainString()) : scaled.abs().toPlainString();
        boolean negative = scaled.signum() < 0;
        if (negative && symbolBefore && signFirst && !spaced) {
            return "-" + place(digits);
        }
        return place((negative ? "-" : "") + digits);
    }

    /** A market price's amount: the quantity as it is (its own decimal places), without thousands separators. */
    String formatPrice(BigDecimal quantity) {
        return place(quantity.toPlainString());
    }

    private String place(String number) {
        String gap = spaced ? " " : "";
        return symbolBefore ? symbol + gap + number : number + gap + symbol;
    }

    private static String group(String plain) {
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point);
        StringBuilder grouped = new StringBuilder();
        for (int index = 0; index < whole.length(); index++) {
            if (index > 0 && (whole.length() - index) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(index));
        }
        return grouped + fraction;
    }
}

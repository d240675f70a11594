package dev.eventscope.ui.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Amounts as the state panel shows them: thousands grouped, at least two decimals, exact. The text is
 * what {@code String.format("%,.Nf")} gives in the default format locale; it is built by hand (a
 * whole-ledger state panel formats 10,000 balances per slider move, and the formatter looks up the
 * locale's symbols on every call), falling back to the formatter for locales with other digits.
 */
public final class MoneyText {

    private record Symbols(Locale locale, boolean plainDigits, char grouping, int groupSize, char decimal) {

        static Symbols of(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            char grouping = symbols.getGroupingSeparator();
            int groupSize = 3;
            if (!locale.equals(Locale.US)) {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                if (format instanceof DecimalFormat decimalFormat) {
                    groupSize = decimalFormat.getGroupingSize();
                    if (!decimalFormat.isGroupingUsed() || groupSize == 0) {
                        groupSize = 0;
                    }
                } else {
                    return new Symbols(locale, false, grouping, groupSize, symbols.getDecimalSeparator());
                }
            } else {
                grouping = ',';
            }
            char decimal = locale.equals(Locale.US) ? '.' : symbols.getDecimalSeparator();
            return new Symbols(locale, symbols.getZeroDigit() == '0', grouping, groupSize, decimal);
        }
    }

    private static volatile Symbols symbols;

    private MoneyText() {
    }

    /** {@code 1,234.50 EUR}; a bare amount (the no-symbol commodity, empty) shows no symbol and no trailing space. */
    public static String of(BigDecimal amount, String commodity) {
        return commodity.isEmpty() ? of(amount) : of(amount) + " " + commodity;
    }

    public static String of(BigDecimal amount) {
        int scale = Math.max(2, amount.stripTrailingZeros().scale());
        BigDecimal scaled = amount.setScale(scale, RoundingMode.UNNECESSARY);
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        Symbols current = symbols;
        if (current == null || !current.locale().equals(locale)) {
            current = Symbols.of(locale);
            symbols = current;
        }
        if (!current.plainDigits()) {
            return String.format("%,." + scale + "f", scaled);
        }
        String digits = scaled.unscaledValue().abs().toString();
        // at least one digit before the decimal separator
        int integerDigits = Math.max(1, digits.length() - scale);
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 3);
        if (scaled.signum() < 0) {
            text.append('-');
        }
        String padded = digits.length() - scale < 1 ? "0".repeat(scale + 1 - digits.length()) + digits : digits;
        for (int at = 0; at < integerDigits; at++) {
            if (at > 0 && current.groupSize() > 0 && (integerDigits - at) % current.groupSize() == 0) {
                text.append(current.grouping());
            }
            text.append(padded.charAt(at));
        }
        text.append(current.decimal());
        text.append(padded, integerDigits, padded.length());
        return text.toString();
    }
}

package dev.eventscope.journal;

/**
 * Writes amounts in a form every hledger reads back unambiguously: {@code .} as decimal mark, no digit
 * groups, a one-character currency symbol before the number ({@code $-5}), any other commodity after it
 * with a space ({@code 12.50 EUR}), in double quotes when it holds anything but letters.
 */
final class AmountFormat {

    private AmountFormat() {
    }

    static String format(Amount amount) {
        String number = amount.quantity().toPlainString();
        String commodity = amount.commodity();
        if (commodity.isEmpty()) {
            return number;
        }
        if (isCurrencySymbol(commodity)) {
            return commodity + number;
        }
        return number + " " + quoteIfNeeded(commodity);
    }

    static String quoteIfNeeded(String commodity) {
        for (int index = 0; index < commodity.length(); index++) {
            char character = commodity.charAt(index);
            if (!Character.isLetter(character) && Character.getType(character) != Character.CURRENCY_SYMBOL) {
                return "\"" + commodity + "\"";
            }
        }
        return commodity;
    }

    private static boolean isCurrencySymbol(String commodity) {
        return commodity.length() == 1 && Character.getType(commodity.charAt(0)) == Character.CURRENCY_SYMBOL;
    }
}

package dev.eventscope.journal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one amount such as {@code -$1,234.50}, {@code $-5}, {@code 500.00€}, {@code GBP 10},
 * {@code "quoted commodity" 5} or {@code 1.000,00 EUR}.
 *
 * <p>Decimal mark, in hledger 1.25's order: a {@code decimal-mark} directive in force, then the mark of the
 * commodity's {@code commodity} directive, then the {@code D} directive's; otherwise, as in hledger, when both {@code .} and {@code ,}
 * appear the last one is the decimal mark, and a mark that appears once is the decimal mark while one
 * that appears several times groups digits. Digit groups may have any size, as in hledger 1.25 ({@code 1,00,000}).
 */
final class AmountParser {

    private static final java.util.regex.Pattern EXPONENT = java.util.regex.Pattern.compile("[eE]([+-]?\\d{1,3})(?![0-9])");

    /** An exponent of four digits or more after a number ({@code 1e5000}), which {@link #EXPONENT} does not read. */
    private static final java.util.regex.Pattern LONG_EXPONENT = java.util.regex.Pattern.compile("[eE][+-]?\\d{4,}(?![0-9])");

    /** The most digits a number may have: far more than any amount, far fewer than would take long to read. */
    static final int MAX_DIGITS = 1000;

    /**
     * The characters, besides digits and spaces, that end an unquoted commodity symbol: hledger 1.25's own list
     * ({@code isNonsimpleCommodityChar}). A comma, a parenthesis or a bracket belongs to the symbol, as in hledger:
     * {@code $,10} is 10 of the commodity {@code $,} (until session 20 the import read it as $0.10, a number hledger does
     * not give, and refused {@code 10 X]}, which hledger reads).
     */
    private static final String NON_SIMPLE_COMMODITY_CHARACTERS = "-+.@*;\"{}=";

    private final Map<String, Character> declaredDecimalMarks = new HashMap<>();
    private Character defaultDecimalMark;
    private String defaultCommodity;
    private Character defaultCommodityDecimalMark;

    void declareDecimalMark(String commodity, char decimalMark) {
        declaredDecimalMarks.put(commodity, decimalMark);
    }

    void setDefaultDecimalMark(Character decimalMark) {
        defaultDecimalMark = decimalMark;
    }

    Character defaultDecimalMark() {
        return defaultDecimalMark;
    }

    /**
     * The {@code D} directive: a bare amount gets {@code commodity}; as in hledger 1.25 the sample's decimal
     * mark also applies to every commodity that no {@code commodity} or {@code decimal-mark} directive fixes.
     */
    void setDefaultCommodity(String commodity, Character decimalMark) {
        defaultCommodity = commodity;
        defaultCommodityDecimalMark = decimalMark;
    }

    String defaultCommodity() {
        return defaultCommodity;
    }

    Character defaultCommodityDecimalMark() {
        return defaultCommodityDecimalMark;
    }

    /**
     * Reads the sample amount of a {@code commodity} directive: as hledger 1.25 does, neither the {@code D}
     * directive's commodity nor its decimal mark applies to it.
     */
    ParsedAmount parseDeclarationSample(String text) throws AmountSyntaxException {
        String commodity = defaultCommodity;
        Character mark = defaultCommodityDecimalMark;
        defaultCommodity = null;
        defaultCommodityDecimalMark = null;
        try {
            return parse(text);
        } finally {
            defaultCommodity = commodity;
            defaultCommodityDecimalMark = mark;
        }
    }

    ParsedAmount parse(String text) throws AmountSyntaxException {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isDigit(character) && (character < '0' || character > '9')) {
                throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: it has digits other than 0-9 ('"
                        + character + "'), which hledger does not read either", index);
            }
        }
        if (text.isBlank()) {
            // the callers say which amount (a price after @, an assertion after =) is missing; this is the fallback
            throw new AmountSyntaxException("an amount is missing here", 0);
        }
        Cursor cursor = new Cursor(text);
        cursor.skipSpaces();
        int signOffset = cursor.position;
        boolean negative = cursor.sign();
        boolean signed = cursor.position != signOffset;
        cursor.skipSpaces();
        String leftCommodity = cursor.commodity();
        boolean spaced = false;
        if (leftCommodity != null) {
            spaced = cursor.skipSpaces();
            int secondSignOffset = cursor.position;
            boolean negativeAfterSymbol = cursor.sign();
            if (cursor.position != secondSignOffset) {
                if (signed) {
                    throw new AmountSyntaxException("the amount \"" + text.strip() + "\" has two signs", secondSignOffset);
                }
                negative = negativeAfterSymbol;
            }
            cursor.skipSpaces();
        }
        int numberOffset = cursor.position;
        String number = cursor.number();
        if (number.isEmpty()) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: " + (cursor.atEnd()
                    ? "a number is missing" : "a number was expected where \"" + text.substring(numberOffset).strip()
                    + "\" stands"), numberOffset);
        }
        int exponent = cursor.exponent();
        java.util.regex.Matcher longExponent = LONG_EXPONENT.matcher(text).region(cursor.position, text.length());
        if (exponent == 0 && longExponent.lookingAt()) {
            // hledger 1.25 reads 1e5000 as a number of 5,001 digits; the import reads exponents of up to three digits
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount the import reads: its exponent "
                    + longExponent.group().strip() + " has more than three digits (hledger 1.25 reads it as a number of"
                    + " thousands of digits)", cursor.position);
        }
        String commodity = leftCommodity;
        if (leftCommodity == null) {
            spaced = cursor.skipSpaces();
            String rightCommodity = cursor.commodity();
            commodity = rightCommodity == null ? "" : rightCommodity;
        }
        if (commodity.isEmpty() && defaultCommodity != null) {
            commodity = defaultCommodity;
        }
        cursor.skipSpaces();
        if (!cursor.atEnd()) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: unexpected \""
                    + text.substring(cursor.position).strip() + "\"", cursor.position);
        }
        ParsedAmount parsed = interpret(text, number, numberOffset, negative, commodity, leftCommodity != null, spaced);
        if (exponent == 0) {
            return parsed;
        }
        if (parsed.style().digitGroupMark() != 0) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: it has digit groups and an"
                    + " exponent, which hledger does not read together", numberOffset);
        }
        // hledger 1.25 reads 1e3 as 1000 (and 1.5E-2 as 0.015)
        BigDecimal scaled = parsed.amount().quantity().scaleByPowerOfTen(exponent);
        scaled = scaled.scale() < 0 ? scaled.setScale(0) : scaled;
        AmountStyle style = parsed.style();
        return new ParsedAmount(new Amount(scaled, parsed.amount().commodity()), new AmountStyle(style.symbolOnLeft(),
                style.spaced(), style.decimalMark(), style.digitGroupMark(), scaled.scale()), false);
    }

    private ParsedAmount interpret(String text, String number, int numberOffset, boolean negative, String commodity,
            boolean symbolOnLeft, boolean spaced) throws AmountSyntaxException {
        Character declared = defaultDecimalMark != null ? defaultDecimalMark
                : declaredDecimalMarks.getOrDefault(commodity, defaultCommodityDecimalMark);
        int dots = count(number, '.');
        int commas = count(number, ',');
        char decimalMark;
        boolean ambiguous = false;
        boolean spaceGrouped = number.indexOf(' ') >= 0;
        if (spaceGrouped) {
            // hledger 1.25 reads a space between digits as a digit group mark (1 000,50); the one other mark, if any,
            // is then the decimal mark, without ambiguity
            if ((dots > 0 && commas > 0) || dots > 1 || commas > 1) {
                throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: it groups digits with"
                        + " spaces and also with '.' or ','", numberOffset);
            }
            decimalMark = declared != null ? declared : commas == 1 ? ',' : '.';
            String digits = number.replace(" ", "");
            if ((decimalMark == '.' && commas > 0) || (decimalMark == ',' && dots > 0)) {
                throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: its decimal mark is not the"
                        + " declared '" + decimalMark + "'", numberOffset);
            }
            int decimalAt = digits.indexOf(decimalMark);
            String fraction = decimalAt < 0 ? "" : digits.substring(decimalAt + 1);
            BigDecimal quantity = new BigDecimal(decimalAt < 0 ? digits : digits.substring(0, decimalAt) + "." + fraction);
            AmountStyle style = new AmountStyle(symbolOnLeft, spaced, decimalMark, ' ', fraction.length());
            return new ParsedAmount(new Amount(negative ? quantity.negate() : quantity, commodity), style, false);
        }
        if (declared != null) {
            decimalMark = declared;
        } else if (dots > 0 && commas > 0) {
            decimalMark = number.lastIndexOf('.') > number.lastIndexOf(',') ? '.' : ',';
        } else if (dots == 1 || commas == 1) {
            decimalMark = dots == 1 ? '.' : ',';
            ambiguous = number.length() - number.indexOf(decimalMark) - 1 == 3;
        } else {
            decimalMark = dots > 1 ? ',' : '.';
        }
        char groupMark = decimalMark == '.' ? ',' : '.';
        int decimalIndex = number.indexOf(decimalMark);
        if (decimalIndex >= 0 && number.indexOf(decimalMark, decimalIndex + 1) >= 0) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: the decimal mark '"
                    + decimalMark + "' appears more than once", numberOffset);
        }
        String integerPart = decimalIndex >= 0 ? number.substring(0, decimalIndex) : number;
        String fraction = decimalIndex >= 0 ? number.substring(decimalIndex + 1) : "";
        if (fraction.indexOf(groupMark) >= 0 || !checkGroups(integerPart, groupMark)) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: its digit groups are not"
                    + " separated by single '" + groupMark + "' marks", numberOffset);
        }
        String digits = integerPart.replace(String.valueOf(groupMark), "");
        if (digits.isEmpty() && fraction.isEmpty()) {
            throw new AmountSyntaxException("\"" + text.strip() + "\" is not an amount: a number is missing", numberOffset);
        }
        if (digits.length() + fraction.length() > MAX_DIGITS) {
            // reading millions of digits takes minutes (BigDecimal's parsing is quadratic); no amount has so many
            throw new AmountSyntaxException("the amount \"" + text.strip().substring(0, 20) + "...\" has "
                    + (digits.length() + fraction.length()) + " digits, more than the " + MAX_DIGITS
                    + " Eventscope reads", numberOffset);
        }
        BigDecimal quantity = decimal(digits, fraction);
        if (negative) {
            quantity = quantity.negate();
        }
        char usedGroupMark = integerPart.indexOf(groupMark) >= 0 ? groupMark : 0;
        AmountStyle style = new AmountStyle(symbolOnLeft, spaced, decimalMark, usedGroupMark, fraction.length());
        return new ParsedAmount(new Amount(quantity, commodity), style, ambiguous);
    }

    /**
     * The number {@code digits.fraction} ({@code digits} may be empty: 0), with as many decimal places as {@code
     * fraction} has digits: from a long when it has at most 18 digits in all (nearly every amount), else as {@code
     * new BigDecimal(text)} reads it. Both give the same unscaled value and scale; {@code ParserFastPathsProperties}
     * compares them.
     */
    static BigDecimal decimal(String digits, String fraction) {
        int length = digits.length() + fraction.length();
        if (length > 0 && length <= 18) {
            long unscaled = 0;
            boolean plain = true;
            for (int index = 0; index < length && plain; index++) {
                char digit = index < digits.length() ? digits.charAt(index) : fraction.charAt(index - digits.length());
                plain = digit >= '0' && digit <= '9';
                unscaled = unscaled * 10 + (digit - '0');
            }
            if (plain) {
                return BigDecimal.valueOf(unscaled, fraction.length());
            }
        }
        return new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
    }

    /**
     * Whether no digit group between {@code groupMark}s is empty (no mark first, last or twice in a row); without a mark,
     * true. A loop, not {@code split(Pattern.quote(...))}, which compiled a regular expression per amount (JFR:
     * docs/cli-speed.md); {@code ParserFastPathsProperties} compares the two.
     */
    static boolean checkGroups(String integerPart, char groupMark) {
        int mark = integerPart.indexOf(groupMark);
        if (mark < 0) {
            return true;
        }
        int groupStart = 0;
        for (; mark >= 0; mark = integerPart.indexOf(groupMark, groupStart)) {
            if (mark == groupStart) {
                return false;
            }
            groupStart = mark + 1;
        }
        return groupStart < integerPart.length();
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) == wanted) {
                count++;
            }
        }
        return count;
    }

    /** A space as hledger sees one: any Unicode space, the no-break space included. */
    static boolean isSpace(char character) {
        return Character.isWhitespace(character) || Character.isSpaceChar(character);
    }

    private static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }

    static boolean isSimpleCommodityCharacter(char character) {
        return !Character.isDigit(character) && !isSpace(character)
                && NON_SIMPLE_COMMODITY_CHARACTERS.indexOf(character) < 0;
    }

    /** A position in the amount text. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        boolean skipSpaces() {
            int start = position;
            while (!atEnd() && isSpace(text.charAt(position))) {
                position++;
            }
            return position > start;
        }

        /** Consumes a {@code +} or {@code -}; true for minus. */
        boolean sign() {
            if (!atEnd() && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
                return text.charAt(position++) == '-';
            }
            return false;
        }

        String commodity() throws AmountSyntaxException {
            if (atEnd()) {
                return null;
            }
            if (text.charAt(position) == '"') {
                int close = text.indexOf('"', position + 1);
                if (close < 0 || close == position + 1) {
                    throw new AmountSyntaxException("the quoted commodity in \"" + text.strip() + "\" is not closed or is empty",
                            position);
                }
                String commodity = text.substring(position + 1, close);
                position = close + 1;
                return commodity;
            }
            int start = position;
            while (!atEnd() && isSimpleCommodityCharacter(text.charAt(position))) {
                position++;
            }
            return position > start ? text.substring(start, position) : null;
        }

        /** An exponent such as {@code e3} or {@code E-2} right after the number, or 0. */
        int exponent() {
            // nearly every amount has none: the expression only when an e or E follows the number
            if (atEnd() || (text.charAt(position) != 'e' && text.charAt(position) != 'E')) {
                return 0;
            }
            java.util.regex.Matcher matcher = EXPONENT.matcher(text).region(position, text.length());
            if (!matcher.lookingAt()) {
                return 0;
            }
            position = matcher.end();
            return Integer.parseInt(matcher.group(1));
        }

        String number() {
            int start = position;
            while (!atEnd() && (isDigit(text.charAt(position)) || text.charAt(position) == '.'
                    || text.charAt(position) == ','
                    || (text.charAt(position) == ' ' && position > start && isDigit(text.charAt(position - 1))
                    && position + 1 < text.length() && isDigit(text.charAt(position + 1))))) {
                position++;
            }
            return text.substring(start, position);
        }
    }
}

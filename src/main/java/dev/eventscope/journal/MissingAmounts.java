package dev.eventscope.journal;

/**
 * The refusals of a price or a balance assertion with no amount after its mark, each one sentence that says what was
 * found and where (the column) and what to write (session 20: they said {@code "" is not an amount}). hledger 1.25
 * refuses all of them too.
 */
final class MissingAmounts {

    private MissingAmounts() {
    }

    /**
     * A price with nothing after its {@code @} (or {@code @@}) before {@code equals} (-1: none): ledger's fixed-price form
     * {@code @ =$50.00} (hledger 1.25 refuses it, "unexpected '='"), or no price at all.
     */
    static JournalParseException price(String file, String line, int lineNumber, int at, boolean total, int equals,
            int amountEnd) {
        String sign = total ? "@@" : "@";
        String fixed = equals < 0 ? "" : line.substring(equals + 1, amountEnd).strip();
        if (!fixed.isEmpty() && !fixed.startsWith("=")) {
            return new JournalParseException(file, lineNumber, equals + 1, "the price \"" + line.substring(at, amountEnd)
                    .strip() + "\" at column " + (equals + 1) + " is ledger's fixed-price form (" + sign + " =PRICE), which"
                    + " hledger 1.25 and Eventscope do not read: write it \"" + sign + " " + fixed + "\"");
        }
        return new JournalParseException(file, lineNumber, at + 1, "the " + sign + " at column " + (at + 1)
                + " has no price after it (hledger 1.25 refuses it too): write the price after it, as in \"" + sign
                + " $1.50\", or take the " + sign + " out");
    }

    /** A balance assertion ({@code =}, {@code ==}, {@code =*}, {@code ==*} from {@code equals}) with no amount after it. */
    static JournalParseException assertion(String file, String line, int lineNumber, int equals, int assertionStart) {
        String mark = line.substring(equals, assertionStart);
        return new JournalParseException(file, lineNumber, equals + 1, "the balance assertion \"" + mark + "\" at column "
                + (equals + 1) + " has no amount after it (hledger 1.25 refuses it too): write the balance expected after"
                + " the " + mark + ", or take the " + mark + " out");
    }
}

package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;

/**
 * A posting's account name holding a control character (U+0000–U+001F, U+007F–U+009F; a tab inside the name is read as
 * a space before this), which no ledger account may hold although hledger reads it. Refused while reading, at the
 * posting's own line and with the character written as {@code \\uXXXX}: the ledger's own refusal named the transaction's
 * first line and echoed a raw NUL into the terminal (session 21, adversary2).
 */
final class AccountControlCharacters {

    private AccountControlCharacters() {
    }

    /**
     * Throws {@link JournalParseException} if {@code account} (the name after aliases; {@code written} as the line
     * writes it, from {@code position}) holds a control character.
     */
    static void refuse(String file, String line, int lineNumber, int position, String written, String account) {
        int control = first(account);
        if (control < 0) {
            return;
        }
        int at = written.equals(account) ? line.indexOf(account.charAt(control), position) : -1;
        throw new JournalParseException(file, lineNumber, at < 0 ? position + 1 : at + 1,
                "the account name \"" + PrintableText.of(account) + "\" holds the control character "
                + String.format("U+%04X", (int) account.charAt(control)) + ", which no account name in a ledger may"
                + " hold, although hledger reads it: rename the account in the journal");
    }

    /** Where the first control character is in {@code account}, or -1. */
    private static int first(String account) {
        for (int index = 0; index < account.length(); index++) {
            char c = account.charAt(index);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return index;
            }
        }
        return -1;
    }
}

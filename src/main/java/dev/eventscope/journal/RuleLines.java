package dev.eventscope.journal;

/**
 * The indented lines of a periodic ({@code ~}) or automated ({@code =}) transaction the import leaves out. hledger
 * 1.25 leaves the rule out too (without {@code --forecast} or {@code --auto}) but reads its postings first, as it
 * reads a transaction's, and refuses the whole journal at a posting amount it cannot read ({@code budget  (amount * 0.5)},
 * {@code budget  $1 $2}, {@code budget  abc def}); so does the import, naming that line. Only the amount is read: a
 * posting with no amount, a price, an assertion or a lot is what hledger reads there too; an automated rule's amount
 * may be a multiplier ({@code *0.5}, {@code *0.5 USD}), a periodic rule's may not (hledger refuses {@code *2} there).
 * Nothing read here is kept: no style, no account (session 24, corpus: olexsmir/clerk's parser cases).
 */
final class RuleLines {

    private RuleLines() {
    }

    /** Checks one indented line under {@code keyword} (a directive, {@code ~ ...} or {@code = ...}) that is left out. */
    static void check(AmountParser amounts, String file, int lineNumber, String keyword, String line) {
        DirectiveParser.requireCommentOnly(file, lineNumber, keyword, line);
        if (!keyword.startsWith("~") && !keyword.startsWith("=")) {
            return;
        }
        int position = 0;
        while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
            position++;
        }
        if (position == line.length() || line.charAt(position) == ';' || line.charAt(position) == '#') {
            return;
        }
        if (line.charAt(position) == '*' || line.charAt(position) == '!') {
            position++;
            while (position < line.length() && line.charAt(position) == ' ') {
                position++;
            }
        }
        int accountEnd = TransactionParser.accountEnd(line, position);
        int end = line.length();
        for (char mark : new char[] {';', '@', '=', '{', '['}) {
            int at = TransactionParser.indexOutsideQuotes(line, mark, accountEnd);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String amount = line.substring(Math.min(accountEnd, end), end);
        int start = accountEnd + (amount.length() - amount.stripLeading().length());
        amount = amount.strip();
        if (keyword.startsWith("=") && amount.startsWith("*")) {
            start += 1 + (amount.length() - 1 - amount.substring(1).stripLeading().length());
            amount = amount.substring(1).strip();
        }
        if (amount.isEmpty()) {
            return;
        }
        try {
            amounts.parse(amount);
        } catch (AmountSyntaxException unreadable) {
            String what = keyword.startsWith("~") ? "periodic" : "automated";
            throw new JournalParseException(file, lineNumber, start + unreadable.offset() + 1, unreadable.getMessage()
                    + " (in a posting of a " + what + " transaction, which hledger 1.25 reads though it leaves the rule out)");
        }
    }
}

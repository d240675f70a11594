package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an automated transaction ({@code = QUERY} and its postings, each with a fixed amount or a multiplier
 * such as {@code *0.1}); throws {@link JournalParseException} naming the line for a query term or a posting it
 * cannot use.
 */
final class AutomatedRuleParser {

    private final JournalLines lines;
    private final TransactionParser amounts;
    private final AccountRenamer renamer;

    AutomatedRuleParser(JournalLines lines, TransactionParser amounts, AccountRenamer renamer) {
        this.lines = lines;
        this.amounts = amounts;
        this.renamer = renamer;
    }

    /** Reads an automated transaction: {@code = QUERY} and its indented postings. */
    AutomatedRule parse(String header, int headerLine) {
        String queryText = header.strip().substring(1);
        int semicolon = queryText.indexOf(';');
        queryText = (semicolon < 0 ? queryText : queryText.substring(0, semicolon)).strip();
        AutoQuery query;
        try {
            query = AutoQuery.parse(queryText);
        } catch (IllegalArgumentException unusable) {
            throw new JournalParseException(lines.file(), headerLine, 0, unusable.getMessage());
        }
        List<AutomatedRule.Template> templates = new ArrayList<>();
        String line;
        while ((line = lines.peek()) != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
            lines.next();
            String content = line.strip();
            if (!content.startsWith(";")) {
                templates.add(ruleTemplate(line, lines.lineNumber()));
            }
        }
        if (templates.isEmpty()) {
            throw new JournalParseException(lines.file(), headerLine, 0, "the automated transaction has no postings");
        }
        return new AutomatedRule(query, templates, new SourceLocation(lines.file(), headerLine));
    }

    private AutomatedRule.Template ruleTemplate(String line, int lineNumber) {
        int position = 0;
        while (Character.isWhitespace(line.charAt(position))) {
            position++;
        }
        int accountEnd = TransactionParser.accountEnd(line, position);
        String accountText = line.substring(position, accountEnd).strip();
        PostingKind kind = PostingKind.written(accountText);
        // as in hledger, the aliases and apply account in force where the rule stands name its accounts
        String account = renamer.rename(kind.unwrap(accountText));
        int semicolon = TransactionParser.indexOutsideQuotes(line, ';', accountEnd);
        String amountText = line.substring(accountEnd, semicolon < 0 ? line.length() : semicolon).strip();
        if (amountText.isEmpty() || TransactionParser.indexOutsideQuotes(amountText, '@', 0) >= 0
                || TransactionParser.indexOutsideQuotes(amountText, '=', 0) >= 0) {
            throw new JournalParseException(lines.file(), lineNumber, accountEnd + 1, "a posting of an automated"
                    + " transaction needs an amount or a multiplier such as *0.1, without price or assertion");
        }
        if (amountText.startsWith("*")) {
            String number = amountText.substring(1).strip();
            if (!number.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new JournalParseException(lines.file(), lineNumber, accountEnd + 1, "the multiplier \"" + amountText
                        + "\" of an automated posting must be a plain number such as *0.1 or *-1");
            }
            return new AutomatedRule.Template(account, kind, null, new BigDecimal(number));
        }
        return new AutomatedRule.Template(account, kind, amounts.amount(amountText, lineNumber, accountEnd, false), null);
    }
}

package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.domain.ledger.AccountType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code account}, {@code commodity} and {@code Y} directives, with their indented sub-lines. */
final class DirectiveParser {

    /** {@code DATE [TIME] COMMODITY AMOUNT}, the commodity quoted or a run of non-space characters. */
    private static final Pattern MARKET_PRICE =
            Pattern.compile("(\\S+)(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s+(\"[^\"]+\"|\\S+)\\s+(\\S.*)");

    /** The parts of a {@code P} directive: the date as written, the priced commodity (unquoted) and the price. */
    record MarketPriceParts(String date, String commodity, ParsedAmount price) {
    }

    /** The directives hledger 1.25 also reads with ledger's leading {@code !} ({@code !include}, {@code !account}...). */
    private static final Set<String> BANG_DIRECTIVES = Set.of("include", "account", "alias", "end",
            "commodity", "payee", "tag", "apply", "Y", "D", "C", "N", "decimal-mark");

    /** {@code Y2014}: hledger 1.25 needs no space between {@code Y} and the year ({@code year2014} it refuses). */
    private static final Pattern YEAR_RUN_IN = Pattern.compile("Y\\d+");

    private DirectiveParser() {
    }

    /**
     * A top-level directive line's keyword and argument, as hledger 1.25 reads them: ledger's leading {@code !} is
     * dropped where hledger drops it ({@code !include x}), and {@code Y} may run into its year ({@code Y2014}).
     * Other lines keep their first word, so that an unknown one is refused by name.
     */
    static String[] keywordAndArgument(String stripped) {
        String text = stripped;
        String first = firstWord(stripped);
        if (first.length() > 1 && first.charAt(0) == '!' && (BANG_DIRECTIVES.contains(first.substring(1))
                || YEAR_RUN_IN.matcher(first.substring(1)).matches())) {
            text = stripped.substring(1);
            first = first.substring(1);
        }
        String keyword = YEAR_RUN_IN.matcher(first).matches() ? "Y" : first;
        return new String[]{keyword, text.substring(keyword.length()).strip()};
    }

    /**
     * What {@code text.split("\\s+", 2)[0]} gives (the text before its first space, tab, line feed, vertical tab, form
     * feed or carriage return), without compiling that expression for every directive line: a journal with 2,000 account
     * declarations had {@code String.split} compiled by C2 three times in its import (JFR, session 14).
     */
    static String firstWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return text.substring(0, i);
            }
        }
        return text;
    }

    static JournalDirective.AccountDeclaration account(String file, int lineNumber, String argument, JournalLines lines,
            Consumer<JournalWarning> warn) {
        // as in hledger, the name ends at two whitespace characters: "account a ; type: L" declares "a ; type: L"
        int nameEnd = TransactionParser.accountEnd(argument, 0);
        int wideSpace = nameEnd == argument.length() ? -1 : nameEnd;
        String name = (wideSpace < 0 ? argument : argument.substring(0, wideSpace)).strip().replace('\t', ' ');
        String rest = wideSpace < 0 ? "" : argument.substring(wideSpace).strip();
        if (name.isEmpty()) {
            throw new JournalParseException(file, lineNumber, 0, "the account directive has no account name");
        }
        List<String> commentLines = new ArrayList<>();
        if (rest.startsWith(";")) {
            commentLines.add(rest.substring(1).strip());
        }
        String subLine;
        while ((subLine = nextIndented(lines)) != null) {
            // one at a time, so that a warning names the sub-directive's own line (until session 19 the last one's)
            if (subLine.startsWith(";")) {
                commentLines.add(subLine.substring(1).strip());
            } else {
                warn.accept(new JournalWarning(new SourceLocation(file, lines.lineNumber()),
                        "the account sub-directive \"" + subLine + "\" is not supported and was skipped"));
            }
        }
        String comment = String.join("\n", commentLines);
        List<Tag> tags = TagParser.tags(comment);
        requireKnownType(file, lineNumber, tags);
        return new JournalDirective.AccountDeclaration(name, comment, tags, new SourceLocation(file, lineNumber));
    }

    /** hledger 1.25 refuses a {@code type:} tag that names no account type; the first such tag is the one it reads. */
    private static void requireKnownType(String file, int lineNumber, List<Tag> tags) {
        tags.stream().filter(tag -> tag.name().equals(JournalDirective.AccountDeclaration.TYPE_TAG)).findFirst()
                .filter(tag -> AccountType.fromTag(tag.value()).isEmpty())
                .ifPresent(tag -> {
                    throw new JournalParseException(file, lineNumber, 0, "the account type \"" + tag.value()
                            + "\" is not one of A, L, E, R, X, C, V, Asset, Liability, Equity, Revenue, Expense, Cash,"
                            + " Conversion, as hledger requires");
                });
    }

    static JournalDirective.CommodityDeclaration commodity(String file, int lineNumber, String argument, JournalLines lines,
            AmountParser amountParser, Consumer<JournalWarning> warn) {
        int semicolon = argument.indexOf(';');
        String declared = (semicolon < 0 ? argument : argument.substring(0, semicolon)).strip();
        String commodity;
        AmountStyle style = null;
        // a quoted name alone declares that commodity, digits in it or not (commodity "LU0274208692"), as in hledger 1.25;
        // until session 20 the import took its digits for an amount and refused it
        boolean quotedNameAlone = declared.length() > 2 && declared.charAt(0) == '"'
                && declared.indexOf('"', 1) == declared.length() - 1;
        if (!quotedNameAlone && declared.chars().anyMatch(Character::isDigit)) {
            ParsedAmount sample = declarationSample(file, lineNumber, declared, amountParser);
            commodity = sample.amount().commodity();
            style = sample.style();
        } else {
            commodity = declared.startsWith("\"") && declared.endsWith("\"") && declared.length() > 2
                    ? declared.substring(1, declared.length() - 1) : declared;
        }
        if (commodity.isEmpty() && style == null) {
            throw new JournalParseException(file, lineNumber, 0, "the commodity directive names no commodity");
        }
        boolean sampled = style != null;
        String subLine;
        while ((subLine = nextIndented(lines)) != null) {
            // one at a time, so that a refusal names the sub-directive's own line (until session 19 the last one's);
            // a format with nothing after it is refused as such (until session 20: "format" is not one hledger reads)
            subLine = subLine.equals("format") ? "format " : subLine;
            if (subLine.startsWith("format ") && sampled) {
                // hledger 1.25 refuses it ("unexpected 'f'"): the directive's own amount already gives the format
                throw new JournalParseException(file, lines.lineNumber(), 0, "a format sub-directive under a commodity"
                        + " directive that already has an amount (" + declared + ") is refused by hledger 1.25 too:"
                        + " keep one of the two formats");
            } else if (subLine.startsWith("format ")) {
                // a comment may follow the format, as in hledger 1.25 ("format ILS 2.000.000,00 ; comment"); until session 20
                // the import refused it
                String format = subLine.substring("format ".length());
                int formatComment = format.indexOf(';');
                ParsedAmount sample = declarationSample(file, lines.lineNumber(),
                        (formatComment < 0 ? format : format.substring(0, formatComment)).strip(), amountParser);
                style = sample.style();
            } else if (!subLine.startsWith(";")) {
                // hledger 1.25 refuses them too; ledger's alias, precision, default... would change the numbers
                throw new JournalParseException(file, lines.lineNumber(), 0, "the commodity sub-directive \"" + subLine
                        + "\" is not one hledger reads (it reads only format and ; comments), and ledger's alias,"
                        + " precision or default would change the numbers; remove it, or write what it means in the journal");
            }
        }
        return new JournalDirective.CommodityDeclaration(commodity, style, new SourceLocation(file, lineNumber));
    }

    /** {@code D $1,000.00}: the commodity bare amounts get from here on, and its number style. */
    static ParsedAmount defaultCommodity(String file, int lineNumber, String argument, AmountParser amountParser) {
        int semicolon = argument.indexOf(';');
        String declared = (semicolon < 0 ? argument : argument.substring(0, semicolon)).strip();
        ParsedAmount sample = sample(file, lineNumber, declared, amountParser);
        if (sample.amount().commodity().isEmpty()) {
            throw new JournalParseException(file, lineNumber, 0, "the D directive needs an amount with a commodity,"
                    + " such as D $1,000.00");
        }
        // as hledger 1.25: its sample, read in the commodity's style so far, must show its decimal mark (D 0,00 EUR
        // after D 0.00 EUR is refused; until session 18 the import read it, and 1,01 below it as 101)
        if (declared.indexOf(sample.style().decimalMark()) < 0) {
            throw new JournalParseException(file, lineNumber, 0, "the D directive's amount \"" + declared + "\" shows no"
                    + " decimal mark (this commodity's is \"" + sample.style().decimalMark() + "\" so far); hledger needs"
                    + " one, even with no decimals (write D 1000.00 EUR or D 1.000,00 EUR)");
        }
        return sample;
    }

    /**
     * The parts of {@code P DATE [TIME] COMMODITY AMOUNT}. It changes no balance, but hledger counts the price's
     * decimal places in its commodity's display precision.
     */
    static MarketPriceParts marketPrice(String file, int lineNumber, String argument, AmountParser amountParser) {
        int semicolon = argument.indexOf(';');
        String rest = (semicolon < 0 ? argument : argument.substring(0, semicolon)).strip();
        Matcher parts = MARKET_PRICE.matcher(rest);
        if (!parts.matches()) {
            throw new JournalParseException(file, lineNumber, 0, "the P directive needs a date, a commodity and a price,"
                    + " such as P 2025-01-31 AAA 10.50 EUR, but has \"" + rest + "\"");
        }
        String commodity = parts.group(2);
        if (commodity.length() > 2 && commodity.startsWith("\"") && commodity.endsWith("\"")) {
            commodity = commodity.substring(1, commodity.length() - 1);
        } else {
            for (int index = 0; index < commodity.length(); index++) {
                if (!AmountParser.isSimpleCommodityCharacter(commodity.charAt(index))) {
                    // hledger 1.25 ends an unquoted symbol there and reads the rest as the price: badele/ledger-tools's
                    // "P 2023-10-29  AUM5 75.726 EUR" is AUM at 575.726 EUR for hledger, a number its author did not mean
                    // (until session 20 the import read AUM5 at 75.726 EUR, a price hledger does not give)
                    throw new JournalParseException(file, lineNumber, 0, "the P directive's commodity " + commodity
                            + " is not quoted, so hledger 1.25 reads only \"" + commodity.substring(0, index) + "\" as the"
                            + " commodity and the rest (\"" + rest.substring(rest.indexOf(commodity) + index) + "\") as the"
                            + " price: quote it (\"" + commodity + "\") to say which is meant");
                }
            }
        }
        ParsedAmount price;
        try {
            price = amountParser.parse(parts.group(3));
        } catch (AmountSyntaxException invalid) {
            throw new JournalParseException(file, lineNumber, 0, "the price of the P directive " + invalid.getMessage());
        }
        if (price.amount().commodity().isEmpty()) {
            // ledger-autosync writes these (P 2016/10/08 07:30:08 SHSAX 47.8600000); hledger 1.25 values nothing with it
            throw new JournalParseException(file, lineNumber, 0, "the price " + parts.group(3).strip() + " of the P"
                    + " directive has no commodity, so it says nothing about " + commodity + "'s value: write the"
                    + " commodity it is in (such as " + parts.group(3).strip() + " USD) or remove the line");
        }
        return new MarketPriceParts(parts.group(1), commodity, price);
    }

    /** Refuses an {@code N} or {@code C} directive hledger 1.25 refuses (it reads and ignores the others). */
    static void checkIgnored(String keyword, String file, int lineNumber, String argument, AmountParser amountParser) {
        if (keyword.equals("C")) {
            conversion(file, lineNumber, argument, amountParser);
        } else if (keyword.equals("N")) {
            ignoredPriceCommodity(file, lineNumber, argument);
        }
    }

    /**
     * Checks a {@code C AMOUNT = AMOUNT} directive (ledger's commodity conversion) as hledger 1.25 reads it: an amount
     * (a price after it allowed), {@code =}, and an amount, anything after the second amount ignored. hledger ignores the
     * directive for balances, and so does the import; but it refuses the journal when either amount is missing
     * ({@code C EUR = 1.20 USD}, in cbarrete/tree-sitter-ledger's tests), and until session 21 the import read such a
     * journal.
     */
    static void conversion(String file, int lineNumber, String argument, AmountParser amountParser) {
        String text = argument.strip();
        int equals = text.indexOf('=');
        String example = ": write it as C 1.00 EUR = 1.20 USD (hledger 1.25 refuses it too)";
        if (equals < 0) {
            throw new JournalParseException(file, lineNumber, 0, "the C directive \"C " + text + "\" has no \"=\" between"
                    + " its two amounts" + example);
        }
        String left = text.substring(0, equals);
        int at = left.indexOf('@');
        try {
            amountParser.parse(at < 0 ? left : left.substring(0, at));
            if (at >= 0) {
                amountParser.parse(left.substring(at + 1).replaceFirst("^@", ""));
            }
        } catch (AmountSyntaxException invalid) {
            throw new JournalParseException(file, lineNumber, 0, "the C directive's first amount \"" + left.strip()
                    + "\" is not an amount" + example);
        }
        String right = text.substring(equals + 1);
        int semicolon = right.indexOf(';');
        if (semicolon >= 0) {
            right = right.substring(0, semicolon);
        }
        right = right.strip();
        int priceAt = right.indexOf('@');
        if (priceAt >= 0) {
            right = right.substring(0, priceAt).strip();
        }
        // hledger reads the amount at the start and ignores the rest of the line ("C 1 EUR = 1.20 USD junk")
        for (int end = right.length(); end > 0; end = right.lastIndexOf(' ', end - 1)) {
            try {
                amountParser.parse(right.substring(0, end));
                return;
            } catch (AmountSyntaxException tooLong) {
                // try a shorter start
            }
        }
        throw new JournalParseException(file, lineNumber, 0, "the C directive's second amount \"" + right
                + "\" is not an amount" + example);
    }

    /**
     * Checks an {@code N COMMODITY} directive (ledger's commodity whose price is ignored) as hledger 1.25 reads it: a
     * quoted or unquoted commodity symbol must follow ({@code N} alone and {@code N 5} are refused, by hledger too).
     */
    static void ignoredPriceCommodity(String file, int lineNumber, String argument) {
        String text = argument.strip();
        boolean symbol = text.startsWith("\"") ? text.indexOf('"', 1) > 1
                : !text.isEmpty() && AmountParser.isSimpleCommodityCharacter(text.charAt(0));
        if (!symbol) {
            throw new JournalParseException(file, lineNumber, 0, "the N directive needs a commodity symbol after it, as in"
                    + " N EUR, but has \"" + text + "\" (hledger 1.25 refuses it too)");
        }
    }

    /**
     * hledger 1.25 reads only comment lines under a {@code payee} or {@code tag} directive; ledger's sub-directives
     * there ({@code alias}, {@code check}, {@code assert}) are refused naming their line, as hledger refuses them.
     */
    static void requireCommentOnly(String file, int lineNumber, String keyword, String indentedLine) {
        String text = indentedLine.strip();
        if ((keyword.equals("payee") || keyword.equals("tag")) && !text.startsWith(";") && !text.startsWith("#")
                && !text.startsWith("*")) {
            throw new JournalParseException(file, lineNumber, 0, "\"" + text + "\" under the " + keyword + " directive"
                    + " is a ledger sub-directive that hledger 1.25 does not read (only comment lines may follow)");
        }
    }

    /** The refusal of a top-level line that is neither a transaction nor a directive. */
    static JournalParseException unknown(String file, String line, int lineNumber) {
        String start = line.strip();
        String shown = PrintableText.of(start.length() > 30 ? start.substring(0, 30) + "..." : start);
        int first = start.isEmpty() ? 'x' : start.codePointAt(0);
        // session 21: a byte-order mark in the middle of a journal (two files joined) was quoted invisibly
        String hidden = Character.getType(first) == Character.FORMAT || Character.isISOControl(first)
                ? String.format(" (it starts with the invisible character U+%04X%s; remove it)", first,
                        first == 0xFEFF ? ", a byte-order mark, which belongs only at the start of a file" : "")
                : "";
        return new JournalParseException(file, lineNumber, 1, "\"" + shown + "\" is neither a transaction"
                + " (which starts with a date such as 2025-01-05) nor a directive Eventscope or hledger knows" + hidden);
    }

    static int year(String file, int lineNumber, String argument) {
        argument = argument.replaceFirst("\\s*[;#].*", ""); // a comment may follow, as in hledger 1.25 ("Y 2024 ; c")
        if (!argument.matches("\\d{4}")) {
            throw new JournalParseException(file, lineNumber, 0, "the year directive needs a four-digit year but has \""
                    + argument + "\"");
        }
        return Integer.parseInt(argument);
    }

    private static ParsedAmount sample(String file, int lineNumber, String text, AmountParser amountParser) {
        if (text.isBlank()) {
            // until session 20: 'the commodity format "" is not an amount'
            throw new JournalParseException(file, lineNumber, 0, "the directive has no commodity format after it (hledger"
                    + " 1.25 refuses it too): write a sample amount, such as 1,000.00 EUR");
        }
        try {
            return amountParser.parse(text);
        } catch (AmountSyntaxException invalid) {
            throw new JournalParseException(file, lineNumber, 0, "the commodity format " + invalid.getMessage());
        }
    }

    /** A {@code commodity} directive's sample; as in hledger 1.25 it must show its decimal mark ({@code 1000.}). */
    private static ParsedAmount declarationSample(String file, int lineNumber, String text, AmountParser amountParser) {
        ParsedAmount sample;
        if (text.isBlank()) {
            return sample(file, lineNumber, text, amountParser);
        }
        try {
            sample = amountParser.parseDeclarationSample(text);
        } catch (AmountSyntaxException invalid) {
            throw new JournalParseException(file, lineNumber, 0, "the commodity format " + invalid.getMessage());
        }
        if (text.indexOf(sample.style().decimalMark()) < 0) {
            throw new JournalParseException(file, lineNumber, 0, "the commodity format \"" + text + "\" has no decimal"
                    + " mark; hledger needs one, even with no decimals (write 1000. or 1.000,00)");
        }
        return sample;
    }

    /** The next indented line under a directive, stripped and consumed (so its line number is current); else null. */
    private static String nextIndented(JournalLines lines) {
        String next = lines.peek();
        return next != null && !next.isBlank() && Character.isWhitespace(next.charAt(0)) ? lines.next().strip() : null;
    }
}

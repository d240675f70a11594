package dev.eventscope.journal;

import dev.eventscope.codec.DateDigits;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.PriceKind;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one transaction: its header line and the indented posting and comment lines under it. */
final class TransactionParser {

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern SHORT_DATE = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})");

    private final JournalLines lines;
    private final AmountParser amountParser;
    private final TransactionBalancer balancer;
    private final AmountListener amountNoted;
    private Integer defaultYear;
    private AutomatedRules automated;
    private int currentYear = java.time.Year.now().getValue();
    private YearlessDateListener yearlessDateNoted = (file, line, year) -> { };

    /** Hears a date without a year read in the current year (no {@code Y} directive in force). */
    interface YearlessDateListener {
        void noted(String file, int line, int year);
    }

    void onYearlessDate(int year, YearlessDateListener listener) {
        currentYear = year;
        yearlessDateNoted = listener;
    }

    private final AccountRenamer renamer;

    TransactionParser(JournalLines lines, AmountParser amountParser, TransactionBalancer balancer,
            AmountListener amountNoted, AccountRenamer renamer) {
        this.renamer = renamer;
        this.lines = lines;
        this.amountParser = amountParser;
        this.balancer = balancer;
        this.amountNoted = amountNoted;
    }

    /** Hears every amount read, to track display precision and ambiguous decimal marks. */
    interface AmountListener {
        void noted(ParsedAmount amount, int lineNumber, boolean setsPrecision);
    }

    void setDefaultYear(Integer year) {
        defaultYear = year;
    }

    Integer defaultYear() {
        return defaultYear;
    }

    /** The automated transactions to apply to every transaction from now on (null: none). */
    void applyAutomated(AutomatedRules rules) {
        automated = rules;
    }

    JournalTransaction parse(String header, int headerLine) {
        int dateEnd = 0;
        while (dateEnd < header.length() && !Character.isWhitespace(header.charAt(dateEnd)) && header.charAt(dateEnd) != ';') {
            dateEnd++;
        }
        String dateText = header.substring(0, dateEnd);
        int equals = dateText.indexOf('=');
        String primary = equals < 0 ? dateText : dateText.substring(0, equals);
        Integer year = defaultYear;
        if (year == null && primary.length() <= 5 && SHORT_DATE.matcher(primary).matches()) {
            // hledger reads a date without a year, with no Y directive, in the current year
            year = currentYear;
            yearlessDateNoted.noted(lines.file(), headerLine, currentYear);
        }
        LocalDate date = parseDate(primary, headerLine, 1, year);
        LocalDate secondaryDate = equals < 0 ? null
                : parseDate(dateText.substring(equals + 1), headerLine, equals + 2, date.getYear());
        String rest = header.substring(dateEnd);
        int semicolon = rest.indexOf(';');
        List<String> commentLines = new ArrayList<>();
        if (semicolon >= 0) {
            commentLines.add(rest.substring(semicolon + 1).strip());
            rest = rest.substring(0, semicolon);
        }
        rest = rest.strip();
        Status status = Status.UNMARKED;
        if (rest.startsWith("*") || rest.startsWith("!")) {
            status = rest.charAt(0) == '*' ? Status.CLEARED : Status.PENDING;
            rest = rest.substring(1).strip();
        }
        String code = "";
        if (rest.startsWith("(") && rest.indexOf(')') > 0) {
            code = rest.substring(1, rest.indexOf(')')).strip();
            rest = rest.substring(rest.indexOf(')') + 1).strip();
        }
        String description = rest;
        TransactionBalancer.EntryName entryName = new TransactionBalancer.EntryName(date, description);

        List<PostingDraft> drafts = new ArrayList<>();
        String line;
        while ((line = lines.peek()) != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
            lines.next();
            int lineNumber = lines.lineNumber();
            String content = line.strip();
            if (content.startsWith(";")) {
                String text = content.substring(1).strip();
                if (drafts.isEmpty()) {
                    commentLines.add(text);
                } else {
                    drafts.get(drafts.size() - 1).addCommentLine(text);
                }
            } else {
                EntryPostingLimit.check(drafts.size(), lines.file(), lineNumber, headerLine, date);
                drafts.add(parsePosting(line, lineNumber));
            }
        }
        drafts.forEach(draft -> noteOwnDate(draft, date));
        List<JournalPosting> postings = balancer.complete(lines.file(), entryName, headerLine, drafts, description,
                automated, date);
        EntryPostingLimit.check(postings.size() - 1, lines.file(), headerLine, headerLine, date); // --auto added some
        String comment = commentLines.isEmpty() ? "" : String.join("\n", commentLines);
        return new JournalTransaction(date, secondaryDate, status, code, description, comment, TagParser.tags(comment),
                postings, new SourceLocation(lines.file(), headerLine));
    }

    /**
     * The date in the form nearly every entry writes it, {@code YYYY-MM-DD} (or with {@code /} or {@code .}), read
     * without the regular expressions; null for any other text or a day not on the calendar, which {@link #parseDate}
     * then reads (or refuses) as before. {@code ParserFastPathsProperties} compares the two.
     */
    static LocalDate fullDate(String text) {
        return DateDigits.read(text, "-/.");
    }

    /** A date written as in an entry's header (the year may come from a {@code Y} directive), for directives. */
    LocalDate date(String text, int lineNumber) {
        return parseDate(text, lineNumber, 0, defaultYear);
    }

    private LocalDate parseDate(String text, int lineNumber, int column, Integer yearIfMissing) {
        LocalDate written = fullDate(text);
        if (written != null) {
            return written;
        }
        Matcher full = FULL_DATE.matcher(text);
        Matcher partial = SHORT_DATE.matcher(text);
        int year;
        int month;
        int day;
        if (full.matches()) {
            year = Integer.parseInt(full.group(1));
            month = Integer.parseInt(full.group(3));
            day = Integer.parseInt(full.group(4));
        } else if (partial.matches() && yearIfMissing != null) {
            year = yearIfMissing;
            month = Integer.parseInt(partial.group(1));
            day = Integer.parseInt(partial.group(3));
        } else {
            throw new JournalParseException(lines.file(), lineNumber, column, "\"" + text + "\" is not a date: write it as"
                    + " YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD" + (partial.matches() ? ", or set the year with a Y directive"
                    : text.matches("\\d{5,}[-/.].*") ? " (a year of more than four digits, which hledger reads, is not"
                    + " imported: a ledger's dates have four-digit years)" : ""));
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            throw new JournalParseException(lines.file(), lineNumber, column, "\"" + text + "\" is not a date on the calendar"
                    + " (month " + month + ", day " + day + ")");
        }
    }

    private PostingDraft parsePosting(String line, int lineNumber) {
        int position = 0;
        while (Character.isWhitespace(line.charAt(position))) {
            position++;
        }
        Status status = Status.UNMARKED;
        if (line.charAt(position) == '*' || line.charAt(position) == '!') {
            status = line.charAt(position) == '*' ? Status.CLEARED : Status.PENDING;
            position++;
            while (position < line.length() && line.charAt(position) == ' ') {
                position++;
            }
        }
        int accountEnd = accountEnd(line, position);
        // a single tab inside the name is a space there, as hledger 1.25 reads it
        String accountText = line.substring(position, accountEnd).strip().replace('\t', ' ');
        if (accountText.isEmpty()) {
            throw new JournalParseException(lines.file(), lineNumber, position + 1, "this posting has no account name");
        }
        PostingKind kind = PostingKind.written(accountText);
        String account = kind.unwrap(accountText);
        String written = account;
        if (kind != PostingKind.REAL) {
            // hledger 1.25 takes off up to two more pairs of brackets around the whole name: [([(a)])] is [ ] of (a)
            account = renamer.renameVirtual(account);
            if (PostingKind.written(account) != PostingKind.REAL) {
                throw new JournalParseException(lines.file(), lineNumber, position + 1, "hledger 1.25 reads this"
                        + " posting's account as \"" + account + "\", a name in brackets, which Eventscope could not"
                        + " write back so that hledger reads the same name: rename the account without the brackets");
            }
        } else if (!renamer.isIdentity()) {
            account = renamer.rename(account);
        }
        if (account.isBlank() && !written.equals(account)) {
            throw new JournalParseException(lines.file(), lineNumber, position + 1, "the alias directives in force"
                    + " turn the account \"" + written + "\" into an empty name; hledger keeps the posting with no"
                    + " account name, but a ledger account needs one");
        }
        // session 21 (adversary2): refused at the posting's own line, the character written out (AccountControlCharacters)
        AccountControlCharacters.refuse(lines.file(), line, lineNumber, position, written, account);
        long marks = PostingMarks.plainMarks(line, accountEnd);
        if (marks != PostingMarks.NOT_PLAIN) {
            // nearly every posting: no quote, lot price or lot date before its comment; one scan found the marks
            int semicolon = (int) (marks >> 40) - 1;
            int equals = (int) ((marks >> 20) & 0xFFFFF) - 1;
            int at = (int) (marks & 0xFFFFF) - 1;
            return finishPosting(line, lineNumber, status, account, kind, accountEnd, semicolon,
                    semicolon < 0 ? line.length() : semicolon, "", equals, equals >= 0 && at > equals ? -1 : at);
        }
        int semicolon = indexOutsideQuotes(line, ';', accountEnd);
        int amountEnd = semicolon < 0 ? line.length() : semicolon;
        String lot = "";
        int brace = indexOutsideQuotes(line, '{', accountEnd, amountEnd);
        if (brace >= 0) {
            int lotEnd = lotAnnotationEnd(line, brace, amountEnd, lineNumber);
            lot = line.substring(brace, lotEnd).strip();
            // blanked out, so that the rest of the posting reads as if the annotation were not there
            line = line.substring(0, brace) + " ".repeat(lotEnd - brace) + line.substring(lotEnd);
        }
        // hledger 1.25 reads a lot date [DATE] in any place after the quantity, with or without a lot price
        int bracket = indexOutsideQuotes(line, '[', accountEnd, amountEnd);
        Matcher lotDate = bracket < 0 ? null : LOT_DATE.matcher(line).region(bracket, amountEnd);
        if (lotDate != null && lotDate.lookingAt()) {
            parseDate(lotDate.group(1), lineNumber, bracket + 1, null);
            lot = (lot + " " + line.substring(bracket, lotDate.end()).strip()).strip();
            line = line.substring(0, bracket) + " ".repeat(lotDate.end() - bracket) + line.substring(lotDate.end());
        }
        int note = lot.isEmpty() ? -1 : indexOutsideQuotes(line, '(', accountEnd, amountEnd);
        if (note >= 0 && (note + 1 >= amountEnd || line.charAt(note + 1) != '@')) {
            int noteEnd = line.indexOf(')', note);
            throw new JournalParseException(lines.file(), lineNumber, note + 1, "the lot note " + line.substring(note,
                    noteEnd < 0 || noteEnd >= amountEnd ? amountEnd : noteEnd + 1).strip() + " is ledger syntax that"
                    + " hledger 1.25 refuses: move the note into the posting's comment");
        }
        int equals = indexOutsideQuotes(line, '=', accountEnd, amountEnd);
        int at = indexOutsideQuotes(line, '@', accountEnd, equals < 0 ? amountEnd : equals);
        return finishPosting(line, lineNumber, status, account, kind, accountEnd, semicolon, amountEnd, lot, equals, at);
    }

    /** The rest of a posting, its marks found: {@code at} is the first {@code @} before {@code equals} (-1: none). */
    private PostingDraft finishPosting(String line, int lineNumber, Status status, String account, PostingKind kind,
            int accountEnd, int semicolon, int amountEnd, String lot, int equals, int at) {
        int priceEnd = equals < 0 ? amountEnd : equals;
        // ledger's virtual cost (@) / (@@): hledger 1.25 reads it as @ / @@
        boolean parenthesised = at > accountEnd && line.charAt(at - 1) == '(';
        int quantityEnd = at < 0 ? priceEnd : parenthesised ? at - 1 : at;
        String amountText = line.substring(accountEnd, quantityEnd);
        Amount amount = amountText.isBlank() ? null : amount(amountText, lineNumber, accountEnd, true);
        if (amount == null && !lot.isEmpty()) {
            throw new JournalParseException(lines.file(), lineNumber, accountEnd + 1, "the lot annotation " + lot
                    + " needs a quantity before it (hledger refuses it too)");
        }
        Price price = null;
        if (at >= 0) {
            if (amount == null) {
                throw new JournalParseException(lines.file(), lineNumber, at + 1, "a price needs an amount before the @");
            }
            boolean total = at + 1 < line.length() && line.charAt(at + 1) == '@';
            int priceStart = at + (total ? 2 : 1);
            if (parenthesised) {
                if (priceStart >= priceEnd || line.charAt(priceStart) != ')') {
                    throw new JournalParseException(lines.file(), lineNumber, priceStart + 1, "a cost written (@ or (@@"
                            + " needs its closing parenthesis right after the @: (@) or (@@)");
                }
                priceStart++;
            }
            if (line.substring(priceStart, priceEnd).isBlank()) {
                throw MissingAmounts.price(lines.file(), line, lineNumber, at, total, equals, amountEnd);
            }
            Amount priceAmount = amount(line.substring(priceStart, priceEnd), lineNumber, priceStart, false);
            // a price in the commodity it prices (10 EUR @@ 20 EUR) is read as hledger 1.25 reads it: the posting moves
            // 10 EUR and costs 20 EUR, so the entry balances at cost and the balances do not sum to zero; ledger refuses it
            price = new Price(total ? PriceKind.TOTAL : PriceKind.UNIT, priceAmount);
        }
        BalanceAssertion assertion = null;
        if (equals >= 0) {
            boolean total = equals + 1 < amountEnd && line.charAt(equals + 1) == '=';
            int assertionStart = equals + (total ? 2 : 1);
            boolean inclusive = assertionStart < amountEnd && line.charAt(assertionStart) == '*';
            if (inclusive) {
                assertionStart++;
            }
            int costAt = indexOutsideQuotes(line, '@', assertionStart, amountEnd);
            int expectedEnd = costAt < 0 ? amountEnd : costAt;
            if (line.substring(assertionStart, expectedEnd).isBlank()) {
                throw MissingAmounts.assertion(lines.file(), line, lineNumber, equals, assertionStart);
            }
            Amount expected = amount(line.substring(assertionStart, expectedEnd), lineNumber, assertionStart, false);
            if (costAt >= 0 && amount == null) {
                // hledger 1.25 gives such a posting the assigned amount at its cost less the balance before it at none
                // (two amounts), and balances the entry with that cost; the import keeps no cost on an assignment
                throw new JournalParseException(lines.file(), lineNumber, costAt + 1, "a balance assignment with a cost"
                        + " is not imported (hledger 1.25 gives the posting the assigned amount at that cost less the"
                        + " balance before it at none): write the posting's amount and cost, with the assignment as an"
                        + " assertion after it");
            }
            if (costAt >= 0) {
                // hledger reads the cost of an asserted amount and ignores it: balances are not kept at cost
                int costStart = costAt + (costAt + 1 < amountEnd && line.charAt(costAt + 1) == '@' ? 2 : 1);
                amount(line.substring(costStart, amountEnd), lineNumber, costStart, false);
            }
            assertion = new BalanceAssertion(expected, total, inclusive);
        }
        PostingDraft draft = new PostingDraft(status, account, kind, amount, price, assertion, lineNumber,
                accountEnd + 1, equals + 1);
        draft.lot = lot;
        if (semicolon >= 0) {
            draft.addCommentLine(line.substring(semicolon + 1).strip());
        }
        return draft;
    }

    private static final Pattern BRACKETED_POSTING_DATE =
            Pattern.compile("\\[(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2})(=[^\\]]*)?\\]");
    private static final Pattern DATE_TAG = Pattern.compile("(?:^|[\\s,])date:\\s*([^,\\s]+)");

    /**
     * hledger counts a posting with its own date ({@code ; date:2025-03-01} or ledger's {@code ; [2025-03-01]}) on
     * that date; the first such date becomes the posting's own (a secondary posting date, {@code [=DATE]} or
     * {@code date2:}, only matters to --date2 reports and is kept as text).
     */
    private void noteOwnDate(PostingDraft draft, LocalDate entryDate) {
        String comment = draft.comment();
        if (comment.isEmpty()) {
            return;
        }
        List<String> ownDates = new ArrayList<>();
        Matcher bracketed = BRACKETED_POSTING_DATE.matcher(comment);
        while (bracketed.find()) {
            ownDates.add(bracketed.group(1));
            if (bracketed.group(2) != null && bracketed.group(2).length() > 1) {
                // hledger refuses a bracketed date whose secondary date is not one ([1/1=1/2/3/4])
                parseDate(bracketed.group(2).substring(1), draft.line, 0, entryDate.getYear());
            }
        }
        Matcher tagged = DATE_TAG.matcher(comment);
        while (tagged.find()) {
            ownDates.add(tagged.group(1));
        }
        for (String text : ownDates) {
            // a posting date that is not a date is refused naming its line, as hledger refuses it (date: 3.32)
            LocalDate own = parseDate(text.replaceAll("[,;]$", ""), draft.line, 0, entryDate.getYear());
            if (draft.amount == null && draft.assertion != null) {
                throw new JournalParseException(lines.file(), draft.line, 0, "this balance assignment has its own"
                        + " posting date (" + text + "); hledger 1.25 refuses that (\"balance assignments may not have a"
                        + " custom date\")");
            }
            draft.ownDate = own.equals(entryDate) ? null : own;
            return;
        }
    }

    private static final Pattern LOT_DATE = Pattern.compile("\\[[ \\t]*(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})[ \\t]*\\]");

    /**
     * Where a lot annotation that starts at {@code brace} ends: {@code {PRICE}} or {@code {{TOTAL}}} (an optional
     * {@code =} first), as hledger 1.25 reads it (a lot date {@code [DATE]} is read on its own, in any place). The price
     * must be an amount.
     */
    private int lotAnnotationEnd(String line, int brace, int amountEnd, int lineNumber) {
        boolean total = brace + 1 < amountEnd && line.charAt(brace + 1) == '{';
        String closing = total ? "}}" : "}";
        int close = line.indexOf(closing, brace);
        if (close < 0 || close > amountEnd) {
            throw new JournalParseException(lines.file(), lineNumber, brace + 1, "the lot price that starts here has no"
                    + " closing " + closing);
        }
        int priceStart = brace + (total ? 2 : 1);
        String priceText = line.substring(priceStart, close);
        if (!priceText.isEmpty() && AmountParser.isSpace(priceText.charAt(0)) && !priceText.isBlank()
                && !priceText.strip().startsWith("=")) {
            // hledger 1.25 refuses "{ 0.90 GBP}" ("expecting '='": only a fixed price "{ =0.90 GBP}" may follow a
            // space there); until session 20 the import read it, and so imported journals hledger refuses
            throw new JournalParseException(lines.file(), lineNumber, priceStart + 1, "the lot price " + closing.replace('}',
                    '{') + line.substring(priceStart, close) + closing + " has a space after its opening brace, which hledger"
                    + " 1.25 refuses: write it " + closing.replace('}', '{') + priceText.strip() + closing);
        }
        if (priceText.strip().startsWith("=")) {
            priceStart += priceText.indexOf('=') + 1;
        }
        if (line.substring(priceStart, close).isBlank()) {
            throw new JournalParseException(lines.file(), lineNumber, brace + 1, "the lot price " + closing.replace('}',
                    '{') + closing + " is empty, which hledger 1.25 refuses too: write the price in it or take it out");
        }
        amount(line.substring(priceStart, close), lineNumber, priceStart, false);
        return close + closing.length();
    }

    /** Only posting amounts set a commodity's display precision, as in hledger (prices and assertions do not). */
    Amount amount(String text, int lineNumber, int offset, boolean setsPrecision) {
        try {
            ParsedAmount parsed = amountParser.parse(text);
            amountNoted.noted(parsed, lineNumber, setsPrecision);
            return parsed.amount();
        } catch (AmountSyntaxException invalid) {
            throw new JournalParseException(lines.file(), lineNumber, offset + invalid.offset() + 1, invalid.getMessage());
        }
    }

    /**
     * The account name ends at two whitespace characters in a row (spaces, tabs, no-break spaces, in any mix) or at
     * the end of the line. As in hledger 1.25, one tab alone does not end it: {@code a<TAB>5} names the account
     * {@code a 5} (the tab read as a space), with no amount.
     */
    static int accountEnd(String line, int start) {
        for (int index = start; index < line.length(); index++) {
            if (AmountParser.isSpace(line.charAt(index)) && index + 1 < line.length()
                    && AmountParser.isSpace(line.charAt(index + 1))) {
                return index;
            }
        }
        return line.length();
    }

    static int indexOutsideQuotes(String text, char wanted, int from) {
        return indexOutsideQuotes(text, wanted, from, text.length());
    }

    /** As {@link #indexOutsideQuotes(String, char, int)} in {@code text} up to {@code to}, without a substring. */
    static int indexOutsideQuotes(String text, char wanted, int from, int to) {
        boolean quoted = false;
        for (int index = from; index < to; index++) {
            char character = text.charAt(index);
            if (character == '"') {
                quoted = !quoted;
            } else if (character == wanted && !quoted) {
                return index;
            }
        }
        return -1;
    }
}

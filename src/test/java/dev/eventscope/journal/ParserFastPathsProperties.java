package dev.eventscope.journal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The journal parser's fast paths against the plain code they stand in for: a header's date read without regular
 * expressions ({@link TransactionParser#fullDate}) against the full-date expression and {@link LocalDate#of}, and the
 * digit-group check ({@link AmountParser#checkGroups}) against splitting at the group mark, a quantity read from its digits
 * ({@link AmountParser#decimal}) against {@code new BigDecimal(text)}, and the tag reading's early return for a
 * comment without a colon.
 */
class ParserFastPathsProperties {

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");

    @Property(tries = 5_000)
    void a_date_is_read_as_the_expression_reads_it_or_left_to_it(@ForAll("nearlyDates") String text) {
        LocalDate expected = null;
        Matcher full = FULL_DATE.matcher(text);
        if (full.matches() && text.length() == 10) {
            try {
                expected = LocalDate.of(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(3)),
                        Integer.parseInt(full.group(4)));
            } catch (DateTimeException notOnTheCalendar) {
                // left to the expression, which refuses it with its own message
            }
        }
        assertEquals(expected, TransactionParser.fullDate(text), text);
    }

    @Property(tries = 5_000)
    void a_line_is_blank_as_the_stream_of_its_code_points_says(@ForAll("blankish") String line) {
        boolean expected = line.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        assertEquals(expected, JournalLines.isBlank(line), line);
    }

    @Provide
    Arbitrary<String> blankish() {
        // mostly the characters hledger and Java count as space (ASCII ones, the no-break spaces, the Unicode spaces,
        // the line and paragraph separators), now and then a visible one, a lone surrogate or a pair
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u001F', '\u00A0', '\u2007', '\u202F',
                '\u2000', '\u200A', '\u2028', '\u2029', '\u3000', '\u1680', '\u200B', '\u0085', 'a', ';', '\uD83D', '\uDE00')
                .list().ofMaxSize(6).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Property(tries = 5_000)
    void digit_groups_are_checked_as_splitting_checks_them(@ForAll("numbers") String integerPart, @ForAll("marks") char mark) {
        String[] groups = integerPart.split(Pattern.quote(String.valueOf(mark)), -1);
        boolean expected = true;
        if (groups.length > 1) {
            for (String group : groups) {
                expected &= !group.isEmpty();
            }
        }
        assertEquals(expected, AmountParser.checkGroups(integerPart, mark), integerPart + " grouped by " + mark);
    }

    @Property(tries = 5_000)
    void a_quantity_is_the_decimal_its_text_reads_as(@ForAll("digitRuns") String digits, @ForAll("digitRuns") String fraction) {
        net.jqwik.api.Assume.that(!(digits.isEmpty() && fraction.isEmpty()));
        java.math.BigDecimal expected = new java.math.BigDecimal((digits.isEmpty() ? "0" : digits)
                + (fraction.isEmpty() ? "" : "." + fraction));
        java.math.BigDecimal read = AmountParser.decimal(digits, fraction);
        // equals compares the unscaled value and the scale: 1.50 is not 1.5
        assertEquals(expected, read, digits + "." + fraction);
        assertEquals(expected.precision(), read.precision(), digits + "." + fraction);
    }

    @Property(tries = 2_000)
    void a_comment_without_a_colon_has_no_tags(@ForAll("commentTexts") String comment) {
        net.jqwik.api.Assume.that(comment.indexOf(':') < 0);
        assertEquals(java.util.List.of(), TagParser.tags(comment), comment);
        // the expression the early return stands in for finds no tag name either: each one ends at a colon
        assertEquals(false, java.util.regex.Pattern.compile("(?<![^\\s,])([^\\s,:]+):").matcher(comment).find(), comment);
    }

    @Property(tries = 5_000)
    void a_directive_keyword_is_the_first_word_splitting_gives(@ForAll("directiveLines") String line) {
        assertEquals(line.split("\\s+", 2)[0], DirectiveParser.firstWord(line), line);
    }

    /**
     * A posting's marks found in one scan ({@link PostingMarks#plainMarks}, session 19) against the quote-aware searches
     * the parser made before (and still makes for any other line): the same comment, assertion and price positions, and
     * the scan gives up exactly when a quote, a brace or a bracket comes before the first semicolon. Fails when the scan
     * ignores quotes (checked by taking the quote out of its give-up characters).
     */
    @Property(tries = 10_000)
    void a_plain_postings_marks_are_where_the_quote_aware_searches_find_them(@ForAll("postingTails") String line,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4) int from) {
        net.jqwik.api.Assume.that(from <= line.length());
        long marks = PostingMarks.plainMarks(line, from);
        int rawSemicolon = line.indexOf(';', from);
        String beforeComment = line.substring(from, rawSemicolon < 0 ? line.length() : rawSemicolon);
        boolean plain = beforeComment.indexOf('"') < 0 && beforeComment.indexOf('{') < 0 && beforeComment.indexOf('[') < 0;
        assertEquals(!plain, marks == PostingMarks.NOT_PLAIN, line);
        if (!plain) {
            return;
        }
        int semicolon = TransactionParser.indexOutsideQuotes(line, ';', from);
        int amountEnd = semicolon < 0 ? line.length() : semicolon;
        int equals = TransactionParser.indexOutsideQuotes(line, '=', from, amountEnd);
        int at = TransactionParser.indexOutsideQuotes(line, '@', from, equals < 0 ? amountEnd : equals);
        int scannedAt = (int) (marks & 0xFFFFF) - 1;
        int scannedEquals = (int) ((marks >> 20) & 0xFFFFF) - 1;
        assertEquals(semicolon, (int) (marks >> 40) - 1, "comment of " + line);
        assertEquals(equals, scannedEquals, "assertion of " + line);
        assertEquals(at, scannedEquals >= 0 && scannedAt > scannedEquals ? -1 : scannedAt, "price of " + line);
    }

    @Provide
    Arbitrary<String> postingTails() {
        return Arbitraries.strings().withChars("  a1.;=@\"{[(*E-").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> directiveLines() {
        // \u000B, \f, \r are whitespace to the expression; a no-break space and \u001C are not (Character.isWhitespace: the second is)
        return Arbitraries.strings().withChars("ab! \t\n\u000B\f\r\u00A0\u001C2").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> digitRuns() {
        Arbitrary<String> shortRuns = Arbitraries.strings().withChars("0123456789").ofMaxLength(10);
        Arbitrary<String> longRuns = Arbitraries.strings().withChars("0123456789").ofMinLength(8).ofMaxLength(25);
        Arbitrary<String> zeros = Arbitraries.strings().withChars("09").ofMaxLength(19);
        return Arbitraries.oneOf(shortRuns, longRuns, zeros);
    }

    @Provide
    Arbitrary<String> commentTexts() {
        return Arbitraries.strings().withChars("ab ,;\n\t1").ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> nearlyDates() {
        Arbitrary<String> real = Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9_999, 12, 31).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).toString());
        Arbitrary<String> separated = real.map(date -> date.replace('-', date.hashCode() % 2 == 0 ? '/' : '.'));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-/. x١").ofMinLength(8).ofMaxLength(11);
        Arbitrary<String> shaped = Arbitraries.strings().withChars("0123456789").ofLength(8)
                .map(digits -> digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6));
        return Arbitraries.oneOf(real, separated, noise, shaped);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("0123456789.,").ofMaxLength(12);
    }

    @Provide
    Arbitrary<Character> marks() {
        return Arbitraries.of('.', ',');
    }
}

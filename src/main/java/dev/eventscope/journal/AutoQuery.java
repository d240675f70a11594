package dev.eventscope.journal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The query of an automated transaction ({@code = expenses:food amt:>100}), with the hledger 1.25 terms it
 * supports: a bare word or {@code acct:} (account regex, case-insensitive, matching anywhere), {@code desc:}
 * (description regex), {@code cur:} (whole commodity symbol, case-insensitive), {@code amt:} ({@code N},
 * {@code <N}, {@code <=N}, {@code >N}, {@code >=N}: signed comparison when N has a sign or is 0, else of
 * magnitudes), {@code date:} (the posting's own date, else its transaction's, within a period written with explicit
 * dates: {@code 2023}, {@code 2023-01}, {@code 2023/1/15}, {@code 20230115}, {@code 2023q1}, and ranges
 * {@code A..B}, {@code A..}, {@code ..B}, {@code from A}, {@code from A to B}, {@code A to B}, {@code to B},
 * {@code in A}, the end exclusive, as hledger 1.25 reads them; since session 19) and {@code not:} before any of them.
 * As in hledger, account terms are alternatives, description terms are alternatives, and every other term must hold
 * too. Other terms, and periods relative to today ({@code thisyear}, {@code jan}), are refused by {@link #parse}.
 */
final class AutoQuery {

    private static final List<String> UNSUPPORTED_PREFIXES = List.of("tag", "date2", "status", "real", "depth",
            "code", "payee", "note", "expr", "empty", "inacct", "inacctonly", "amt2");

    private record Context(JournalPosting posting, String description, LocalDate date) {
    }

    /** A period: {@code from} inclusive, {@code to} exclusive, either open when null. */
    private record Span(LocalDate from, LocalDate to) {
        boolean contains(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
        }
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})q([1-4])");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})|(\\d{4})(\\d{2})");
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})|(\\d{4})(\\d{2})(\\d{2})");

    private final String text;
    private final List<Predicate<Context>> accountTerms = new ArrayList<>();
    private final List<Predicate<Context>> descriptionTerms = new ArrayList<>();
    private final List<Predicate<Context>> otherTerms = new ArrayList<>();

    private AutoQuery(String text) {
        this.text = text;
    }

    /** Throws {@link IllegalArgumentException} with a sentence naming the term that cannot be used. */
    static AutoQuery parse(String text) {
        AutoQuery query = new AutoQuery(text);
        List<String> terms = tokens(text);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the automated transaction has no query after =");
        }
        for (String term : terms) {
            query.add(term);
        }
        return query;
    }

    String text() {
        return text;
    }

    /** Whether the posting matches; {@code transactionDate} is its date unless the posting has its own. */
    boolean matches(JournalPosting posting, String description, LocalDate transactionDate) {
        Context context = new Context(posting, description, posting.date() != null ? posting.date() : transactionDate);
        return (accountTerms.isEmpty() || accountTerms.stream().anyMatch(term -> term.test(context)))
                && (descriptionTerms.isEmpty() || descriptionTerms.stream().anyMatch(term -> term.test(context)))
                && otherTerms.stream().allMatch(term -> term.test(context));
    }

    private void add(String term) {
        boolean negated = false;
        String rest = term;
        while (rest.startsWith("not:")) {
            negated = !negated;
            rest = rest.substring(4);
        }
        int colon = rest.indexOf(':');
        String prefix = colon < 0 ? "" : rest.substring(0, colon);
        Predicate<Context> predicate;
        List<Predicate<Context>> group;
        if (prefix.equals("acct")) {
            predicate = account(rest.substring(colon + 1));
            group = accountTerms;
        } else if (prefix.equals("desc")) {
            Pattern pattern = regex(rest.substring(colon + 1));
            predicate = context -> pattern.matcher(context.description()).find();
            group = descriptionTerms;
        } else if (prefix.equals("cur")) {
            Pattern pattern = regex(rest.substring(colon + 1));
            predicate = context -> pattern.matcher(context.posting().amount().commodity()).matches();
            group = otherTerms;
        } else if (prefix.equals("amt")) {
            predicate = amount(rest.substring(colon + 1));
            group = otherTerms;
        } else if (prefix.equals("date")) {
            Span span = span(rest.substring(colon + 1), term);
            predicate = context -> context.date() != null && span.contains(context.date());
            group = otherTerms;
        } else if (UNSUPPORTED_PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException("the automated transaction's query term \"" + term
                    + "\" is not supported by Eventscope (it supports acct:, desc:, cur:, amt:, date: and not:)");
        } else {
            predicate = account(rest);
            group = accountTerms;
        }
        if (negated) {
            otherTerms.add(predicate.negate());
        } else {
            group.add(predicate);
        }
    }

    private static Predicate<Context> account(String regex) {
        Pattern pattern = regex(regex);
        return context -> pattern.matcher(context.posting().account()).find();
    }

    private static Pattern regex(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException invalid) {
            throw new IllegalArgumentException("the automated transaction's query has an invalid regular expression \""
                    + regex + "\"");
        }
    }

    private static Predicate<Context> amount(String condition) {
        String operator = condition.startsWith("<=") || condition.startsWith(">=") ? condition.substring(0, 2)
                : condition.startsWith("<") || condition.startsWith(">") || condition.startsWith("=")
                ? condition.substring(0, 1) : "=";
        String number = condition.substring(condition.startsWith(operator) ? operator.length() : 0);
        BigDecimal wanted;
        try {
            wanted = new BigDecimal(number);
        } catch (NumberFormatException invalid) {
            throw new IllegalArgumentException("the automated transaction's query term \"amt:" + condition
                    + "\" needs a number such as amt:>100");
        }
        boolean signed = number.startsWith("+") || number.startsWith("-") || wanted.signum() == 0;
        return context -> {
            BigDecimal quantity = context.posting().amount().quantity();
            int comparison = (signed ? quantity : quantity.abs()).compareTo(signed ? wanted : wanted.abs());
            return switch (operator) {
                case "<" -> comparison < 0;
                case "<=" -> comparison <= 0;
                case ">" -> comparison > 0;
                case ">=" -> comparison >= 0;
                default -> comparison == 0;
            };
        };
    }

    /** The period of a {@code date:} term, as hledger 1.25 reads the explicit forms listed on the class. */
    private static Span span(String period, String term) {
        String text = period.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        try {
            int dots = text.indexOf("..");
            if (dots >= 0) {
                String left = text.substring(0, dots).trim();
                String right = text.substring(dots + 2).trim();
                if (!(left.isEmpty() && right.isEmpty())) {
                    return new Span(left.isEmpty() ? null : period(left).from(), right.isEmpty() ? null : period(right).from());
                }
            } else if (text.startsWith("from ")) {
                String rest = text.substring(5);
                int to = rest.indexOf(" to ");
                return to < 0 ? new Span(period(rest).from(), null)
                        : new Span(period(rest.substring(0, to)).from(), period(rest.substring(to + 4)).from());
            } else if (text.startsWith("to ")) {
                return new Span(null, period(text.substring(3)).from());
            } else if (text.startsWith("in ")) {
                return period(text.substring(3));
            } else if (text.contains(" to ")) {
                int to = text.indexOf(" to ");
                return new Span(period(text.substring(0, to)).from(), period(text.substring(to + 4)).from());
            } else {
                return period(text);
            }
        } catch (IllegalArgumentException | DateTimeException unread) {
            // refused below, naming the term
        }
        throw new IllegalArgumentException("the automated transaction's query term \"" + term + "\" names a period"
                + " Eventscope does not read (it reads explicit dates: 2023, 2023-01, 2023-01-15, 20230115, 2023q1, and"
                + " ranges such as 2023-01..2023-03 or from 2023-01 to 2023-03)");
    }

    /** One explicit year, quarter, month or day. */
    private static Span period(String word) {
        String text = word.trim();
        Matcher matcher;
        if ((matcher = YEAR.matcher(text)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), 1, 1);
            return new Span(start, start.plusYears(1));
        }
        if ((matcher = QUARTER.matcher(text)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), 3 * Integer.parseInt(matcher.group(2)) - 2, 1);
            return new Span(start, start.plusMonths(3));
        }
        if ((matcher = YEAR_MONTH.matcher(text)).matches()) {
            boolean separated = matcher.group(1) != null;
            LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(separated ? 1 : 4)),
                    Integer.parseInt(matcher.group(separated ? 3 : 5)), 1);
            return new Span(start, start.plusMonths(1));
        }
        if ((matcher = FULL_DATE.matcher(text)).matches()) {
            boolean separated = matcher.group(1) != null;
            LocalDate day = LocalDate.of(Integer.parseInt(matcher.group(separated ? 1 : 5)),
                    Integer.parseInt(matcher.group(separated ? 3 : 6)), Integer.parseInt(matcher.group(separated ? 4 : 7)));
            return new Span(day, day.plusDays(1));
        }
        throw new IllegalArgumentException(word);
    }

    /** Whitespace-separated terms; single or double quotes keep spaces inside a term. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char character : text.toCharArray()) {
            if (quote != 0) {
                if (character == quote) {
                    quote = 0;
                } else {
                    current.append(character);
                }
            } else if (character == '\'' || character == '"') {
                quote = character;
            } else if (Character.isWhitespace(character)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(character);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}

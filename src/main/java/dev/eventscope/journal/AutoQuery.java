package dev.eventscope.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The query of an automated transaction ({@code = expenses:food amt:>100}), with the hledger 1.25 terms it
 * supports: a bare word or {@code acct:} (account regex, case-insensitive, matching anywhere), {@code desc:}
 * (description regex), {@code cur:} (whole commodity symbol, case-insensitive), {@code amt:} ({@code N},
 * {@code <N}, {@code <=N}, {@code >N}, {@code >=N}: signed comparison when N has a sign or is 0, else of
 * magnitudes) and {@code not:} before any of them. As in hledger, account terms are alternatives, description
 * terms are alternatives, and every other term must hold too. Other terms are refused by {@link #parse}.
 */
final class AutoQuery {

    private static final List<String> UNSUPPORTED_PREFIXES = List.of("tag", "date", "date2", "status", "real", "depth",
            "code", "payee", "note", "expr", "empty", "inacct", "inacctonly", "amt2");

    private record Context(JournalPosting posting, String description) {
    }

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

    boolean matches(JournalPosting posting, String description) {
        Context context = new Context(posting, description);
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
        } else if (UNSUPPORTED_PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException("the automated transaction's query term \"" + term
                    + "\" is not supported by Eventscope (it supports acct:, desc:, cur:, amt: and not:)");
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

package dev.eventscope.journal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check hledger 1.25 makes on a periodic transaction ({@code ~ PERIOD}) when it reads a journal, with or
 * without {@code --forecast}: a rule repeating by weeks, months, quarters or years must start on the first day of
 * one (a Monday, the 1st, the 1st of January, April, July or October, the 1st of January), or hledger refuses the
 * whole journal ("Unable to generate transactions according to "monthly from 2026-01-02" because 2026-01-02 is not
 * a first day of the Month"). The import leaves periodic transactions out, as hledger does without
 * {@code --forecast}; it refuses the same rules, so it never reads a journal hledger refuses (found by the corpus of
 * session 17: hledger-macos's and hledger-forecast's recurring rules). Only start dates written out are checked (a
 * date with no year is checked only where the year does not matter); relative dates ({@code this month}) are left
 * alone, so the check never refuses a rule hledger reads.
 */
final class PeriodicRuleStart {

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d).*");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})(?![\\d./]).*");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?![\\d/.]).*");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})");

    private enum Unit { WEEK, MONTH, QUARTER, YEAR }

    private PeriodicRuleStart() {
    }

    /** Refuses the periodic transaction header {@code line} (starting with {@code ~}) as hledger 1.25 refuses it. */
    static void check(String file, String line, int lineNumber) {
        String period = line.strip().substring(1);
        int end = period.indexOf("  ");
        period = end < 0 ? period : period.substring(0, end);
        int comment = period.indexOf(';');
        period = (comment < 0 ? period : period.substring(0, comment)).strip();
        if (period.isEmpty()) {
            // hledger 1.25 refuses "~" with no period after it ("unexpected newline"), even without --forecast; until
            // session 21 the import left the rule out and read the journal (cbarrete/tree-sitter-ledger's tests)
            throw new JournalParseException(file, lineNumber, 2, "the periodic transaction has no period after \"~\","
                    + " and hledger 1.25 refuses it too: write one, as in \"~ monthly\"");
        }
        String[] words = period.toLowerCase(Locale.ROOT).split("\\s+");
        int at = 0;
        Unit unit = switch (words[0]) {
            case "weekly", "biweekly", "fortnightly" -> Unit.WEEK;
            case "monthly", "bimonthly" -> Unit.MONTH;
            case "quarterly" -> Unit.QUARTER;
            case "yearly" -> Unit.YEAR;
            default -> null;
        };
        if (unit == null && words[0].equals("every") && words.length > 1) {
            at = words.length > 2 && words[1].matches("\\d+") ? 2 : 1;
            unit = unitNamed(words[at]);
        }
        if (unit == null || at + 1 >= words.length) {
            return;
        }
        String first = words[at + 1];
        String dateWord = first.equals("from") || first.equals("in") ? (at + 2 < words.length ? words[at + 2] : "")
                : first;
        LocalDate start = start(dateWord, unit);
        if (start != null && !isFirstDay(start, unit)) {
            String name = unit.name().toLowerCase(Locale.ROOT);
            throw new JournalParseException(file, lineNumber, 1, "the periodic transaction \"~ " + period + "\" starts"
                    + " on " + start + ", which is not the first day of a " + name + ", and hledger 1.25 refuses"
                    + " such a rule (although it leaves periodic transactions out of balances): start it on the"
                    + " first day of a " + name + " or leave its start out");
        }
    }

    private static Unit unitNamed(String word) {
        return switch (word) {
            case "week", "weeks" -> Unit.WEEK;
            case "month", "months" -> Unit.MONTH;
            case "quarter", "quarters" -> Unit.QUARTER;
            case "year", "years" -> Unit.YEAR;
            default -> null;
        };
    }

    private static LocalDate start(String word, Unit unit) {
        try {
            Matcher matcher;
            if ((matcher = FULL_DATE.matcher(word)).matches() || (matcher = EIGHT_DIGITS.matcher(word)).matches()) {
                return LocalDate.of(number(matcher, 1), number(matcher, 2), number(matcher, 3));
            }
            if ((matcher = YEAR_MONTH.matcher(word)).matches()) {
                return LocalDate.of(number(matcher, 1), number(matcher, 2), 1);
            }
            if ((matcher = YEAR.matcher(word)).matches()) {
                return LocalDate.of(number(matcher, 1), 1, 1);
            }
            if ((matcher = MONTH_DAY.matcher(word)).matches() && unit != Unit.WEEK) {
                // no year: hledger takes this year's; whether it is a first day does not depend on it but for weeks
                return LocalDate.of(2000, number(matcher, 1), number(matcher, 2));
            }
        } catch (DateTimeException notADate) {
            return null; // hledger refuses it as a date; not this check's business
        }
        return null;
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    private static boolean isFirstDay(LocalDate date, Unit unit) {
        return switch (unit) {
            case WEEK -> date.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTH -> date.getDayOfMonth() == 1;
            case QUARTER -> date.getDayOfMonth() == 1 && (date.getMonthValue() - 1) % 3 == 0;
            case YEAR -> date.getDayOfMonth() == 1 && date.getMonthValue() == 1;
        };
    }
}

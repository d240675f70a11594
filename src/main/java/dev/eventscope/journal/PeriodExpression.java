package dev.eventscope.journal;

import java.util.List;
import java.util.Locale;

/**
 * hledger 1.25's period expressions, as its periodic transactions ({@code ~ PERIOD}) read them: which texts it reads,
 * the repeating unit, and the start date as written (a date with parts left out, or relative, is fixed by
 * {@link PeriodicRuleStart} from hledger's reference date). The grammar is
 * hledger's ({@code Hledger.Data.Dates.periodexprp}), with its ordered choices: an alternative that reads a prefix
 * wins, and the rest must then read (so {@code every months} is refused, although {@code every} and {@code months}
 * are both words of the grammar). Checked against hledger 1.25 on the period texts of
 * {@code PeriodExpressionTest}; until session 22 the import read only the start of a rule, and left a rule hledger
 * refuses ({@code ~ foo}, {@code ~ annually}, {@code ~ Monthly Rent}) out with a warning.
 */
final class PeriodExpression {

    /** How a rule repeats, as far as hledger's check of its start date cares. */
    enum Unit { DAY, WEEK, MONTH, QUARTER, YEAR, OTHER }

    /**
     * A period hledger reads: its unit ({@code null} without one, as in {@code ~ 2024}), its start's year, month and
     * day where written out ({@code 0} where left out or relative), and a relative start ({@code today}, {@code next
     * month}, {@code in 3 days}; {@code null} where none).
     */
    record Period(Unit unit, int startYear, int startMonth, int startDay, Relative relative) {
        Period(Unit unit, int startYear, int startMonth, int startDay) {
            this(unit, startYear, startMonth, startDay, null);
        }
    }

    /**
     * A start {@code offset} units from the reference date's day, week, month, quarter or year ({@code DAY}: the day
     * itself, {@code WEEK}: its Monday, {@code MONTH}: its 1st...), as hledger 1.25 fixes {@code today}, {@code last
     * week}, {@code in 2 months} or {@code 3 days ago}.
     */
    record Relative(Unit unit, int offset) {
    }

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final List<String> MONTH_ABBREVIATIONS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec");
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> UNITS = List.of("day", "week", "month", "quarter", "year");

    private final String text;
    private Unit unit;
    private int year;
    private int month;
    private int day;
    private int namedMonth;
    private Relative relative;
    private Relative readRelative;

    private PeriodExpression(String text) {
        this.text = text.toLowerCase(Locale.ROOT);
    }

    /** The period hledger 1.25 reads in {@code text} (the whole of it), or {@code null} where it refuses it. */
    static Period parse(String text) {
        PeriodExpression parser = new PeriodExpression(text);
        int at = parser.spaces(0);
        int end = parser.intervalAndSpan(at);
        if (end < 0) {
            parser.unit = null;
            end = parser.dateSpan(at);
        }
        return end == parser.text.length()
                ? new Period(parser.unit, parser.year, parser.month, parser.day, parser.relative) : null;
    }

    /** An interval, then optionally a date span; the end reached, or -1. */
    private int intervalAndSpan(int at) {
        int end = interval(at);
        if (end < 0) {
            return -1;
        }
        int span = dateSpan(spaces(end));
        return span < 0 ? end : span;
    }

    private int interval(int at) {
        int everyDay = word(at, "every");
        int days = everyDay < 0 ? -1 : oneOf(spaces(everyDay), "weekday", "weekendday");
        if (days >= 0) { // every weekday, every weekendday: before "every week", which would read a prefix
            unit = Unit.OTHER;
            return days;
        }
        String[][] simple = {{"day", "daily"}, {"week", "weekly"}, {"month", "monthly"}, {"quarter", "quarterly"},
            {"year", "yearly"}};
        Unit[] units = {Unit.DAY, Unit.WEEK, Unit.MONTH, Unit.QUARTER, Unit.YEAR};
        for (int i = 0; i < simple.length; i++) {
            int end = simpleInterval(at, simple[i][0], simple[i][1]);
            if (end >= 0) {
                unit = units[i];
                return end;
            }
        }
        for (String word : new String[] {"biweekly", "fortnightly", "bimonthly"}) {
            int end = word(at, word);
            if (end >= 0) {
                unit = word.equals("bimonthly") ? Unit.MONTH : Unit.WEEK;
                return end;
            }
        }
        int every = word(at, "every");
        if (every < 0) {
            return -1;
        }
        unit = Unit.OTHER;
        int from = spaces(every);
        int end;
        if ((end = of(word(spaces(nth(from)), "day"), "week")) >= 0) { // every 2nd day of week
            return end;
        }
        if ((end = weekdays(from)) >= 0) { // every tue, every mon,wed,fri
            return end;
        }
        if ((end = optionalOf(word(spaces(nth(from)), "day"), "month")) >= 0) { // every 15th day [of month]
            return end;
        }
        if ((end = dayOfYear(every)) >= 0) { // every nov 29th, every 29th nov [of year]
            return optionalOf(end, "year");
        }
        if ((end = monthDay(from)) >= 0) { // every 11/29 [of year]
            return optionalOf(end, "year");
        }
        return optionalOf(weekday(spaces(nth(from))), "month"); // every 2nd thursday [of month]
    }

    /** {@code monthly}, {@code every month} or {@code every N months}. */
    private int simpleInterval(int at, String singular, String compact) {
        int end = word(at, compact);
        if (end >= 0) {
            return end;
        }
        int every = word(at, "every");
        if (every < 0) {
            return -1;
        }
        end = word(spaces(every), singular);
        if (end >= 0) {
            return end;
        }
        int digits = digits(spaces(every));
        return digits < 0 ? -1 : word(spaces(digits), singular + "s");
    }

    private int dayOfYear(int every) {
        int monthEnd = monthName(spaces(every));
        if (monthEnd >= 0) {
            return nth(spaces(monthEnd));
        }
        int nthEnd = nth(spaces(every));
        return nthEnd < 0 ? -1 : monthName(spaces(nthEnd));
    }

    /** A date span: a quarter, {@code A to B}, {@code from A}, {@code A-}, {@code to B}, {@code [in] A}. */
    private int dateSpan(int at) {
        if (at < 0) {
            return -1;
        }
        int end;
        if ((end = quarter(at)) >= 0 || (end = doubleSpan(at)) >= 0 || (end = fromSpan(at)) >= 0
                || (end = toSpan(at)) >= 0) {
            return end;
        }
        int in = word(at, "in");
        return smartDate(in < 0 ? at : spaces(in), true);
    }

    private int quarter(int at) {
        int end = at;
        int quarterYear = 0;
        if (digitsExactly(at, 4)) {
            quarterYear = number(at, at + 4);
            end = at + 4;
        }
        if (end < text.length() && text.charAt(end) == 'q' && end + 1 < text.length()
                && text.charAt(end + 1) >= '1' && text.charAt(end + 1) <= '4') {
            start(quarterYear, 3 * (text.charAt(end + 1) - '1') + 1, 1);
            return end + 2;
        }
        return -1;
    }

    private int doubleSpan(int at) {
        int from = word(at, "from");
        int first = smartDate(from < 0 ? at : spaces(from), true);
        if (first < 0) {
            return -1;
        }
        int separator = oneOf(spaces(first), "to", "..", "-");
        return separator < 0 ? -1 : smartDate(spaces(separator), false);
    }

    private int fromSpan(int at) {
        int from = word(at, "from");
        if (from >= 0) {
            return smartDate(spaces(from), true);
        }
        int date = smartDate(at, true);
        return date < 0 ? -1 : oneOf(date, "-", "..");
    }

    private int toSpan(int at) {
        int separator = oneOf(at, "to", "until", "..", "-");
        if (separator < 0) {
            return -1;
        }
        start(0, 0, 0);
        return smartDate(spaces(separator), false);
    }

    /** One of hledger's smart dates; the end reached or -1; {@code isStart}: the date starts the span. */
    private int smartDate(int at, boolean isStart) {
        if (at < 0 || at >= text.length()) {
            return -1;
        }
        int end;
        if ((end = relative(at)) >= 0) {
            return started(isStart, 0, 0, 0, end);
        }
        readRelative = null;
        if (digitsExactly(at, 8) && validMonth(at + 4, at + 6) && validDay(at + 6, at + 8)) {
            return started(isStart, number(at, at + 4), number(at + 4, at + 6), number(at + 6, at + 8), at + 8);
        }
        if (digitsExactly(at, 6) && validMonth(at + 4, at + 6)) {
            return started(isStart, number(at, at + 4), number(at + 4, at + 6), 1, at + 6);
        }
        int first = digits(at);
        if (first >= 0) {
            boolean year = first - at >= 4;
            if (year && first < text.length() && isSeparator(text.charAt(first))) {
                char separator = text.charAt(first);
                int second = digits(first + 1);
                if (second >= 0 && validMonth(first + 1, second)) {
                    if (second < text.length() && text.charAt(second) == separator) {
                        int third = digits(second + 1);
                        if (third >= 0 && validDay(second + 1, third)) {
                            return started(isStart, number(at, first), number(first + 1, second),
                                    number(second + 1, third), third);
                        }
                    }
                    return started(isStart, number(at, first), number(first + 1, second), 1, second);
                }
            }
            if (validMonth(at, first) && first < text.length() && isSeparator(text.charAt(first))) {
                int second = digits(first + 1);
                if (second >= 0 && validDay(first + 1, second)) {
                    return started(isStart, 0, number(at, first), number(first + 1, second), second);
                }
            }
            if (year) {
                return started(isStart, number(at, first), 1, 1, first);
            }
            return validDay(at, first) ? started(isStart, 0, 0, number(at, first), first) : -1;
        }
        if ((end = monthName(at)) >= 0) {
            return started(isStart, 0, namedMonth, 1, end);
        }
        if ((end = oneOf(at, "today", "yesterday", "tomorrow")) >= 0) {
            int offset = text.startsWith("today", at) ? 0 : text.startsWith("tomorrow", at) ? 1 : -1;
            readRelative = new Relative(Unit.DAY, offset);
            return started(isStart, 0, 0, 0, end);
        }
        int which = oneOf(at, "last", "this", "next");
        end = which < 0 ? -1 : oneOf(spaces(which), UNITS.toArray(String[]::new));
        if (end >= 0) {
            readRelative = new Relative(unitNamed(text.substring(spaces(which), end)),
                    text.startsWith("last", at) ? -1 : text.startsWith("this", at) ? 0 : 1);
        }
        return end < 0 ? -1 : started(isStart, 0, 0, 0, Math.max(end, word(end, "s"))); // last days, as hledger
    }

    /** {@code [in] [+-]N unit[s] [ago]}, a date relative to the day it is read. */
    private int relative(int at) {
        int in = word(at, "in");
        int from = in < 0 ? at : spaces(in);
        if (from < text.length() && (text.charAt(from) == '-' || text.charAt(from) == '+')) {
            from++;
        }
        int digits = digits(from);
        int unitEnd = digits < 0 ? -1 : oneOf(spaces(digits), UNITS.toArray(String[]::new));
        if (unitEnd < 0) {
            return -1;
        }
        int count = digits - from > 9 ? Integer.MAX_VALUE : Integer.parseInt(text.substring(from, digits));
        boolean negative = from > at && text.charAt(from - 1) == '-';
        Unit named = unitNamed(text.substring(spaces(digits), unitEnd));
        unitEnd = Math.max(unitEnd, word(unitEnd, "s"));
        int ago = word(spaces(unitEnd), "ago");
        readRelative = new Relative(named, (negative ? -count : count) * (ago < 0 ? 1 : -1));
        return ago < 0 ? unitEnd : ago;
    }

    private static Unit unitNamed(String name) {
        return Unit.values()[UNITS.indexOf(name)];
    }

    private int started(boolean isStart, int startYear, int startMonth, int startDay, int end) {
        if (isStart) {
            start(startYear, startMonth, startDay);
            relative = readRelative;
        }
        readRelative = null;
        return end;
    }

    private void start(int startYear, int startMonth, int startDay) {
        year = startYear;
        month = startMonth;
        day = startDay;
        relative = null;
    }

    private int monthName(int at) {
        for (List<String> names : List.of(MONTHS, MONTH_ABBREVIATIONS)) {
            for (int i = 0; i < names.size(); i++) {
                int end = word(at, names.get(i));
                if (end >= 0) {
                    namedMonth = i + 1;
                    return end;
                }
            }
        }
        return -1;
    }

    private int weekday(int at) {
        return oneOf(at, WEEKDAYS.toArray(String[]::new));
    }

    /** Weekdays separated by commas, no spaces ({@code mon,wed,fri}). */
    private int weekdays(int at) {
        int end = weekday(at);
        while (end >= 0 && end < text.length() && text.charAt(end) == ',') {
            int next = weekday(end + 1);
            if (next < 0) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** Digits and one of st, nd, rd, th (any number, any suffix, as hledger reads them). */
    private int nth(int at) {
        int digits = digits(at);
        return digits < 0 ? -1 : oneOf(digits, "st", "nd", "rd", "th");
    }

    private int monthDay(int at) {
        int first = digits(at);
        if (first < 0 || !validMonth(at, first) || first >= text.length() || !isSeparator(text.charAt(first))) {
            return -1;
        }
        int second = digits(first + 1);
        return second >= 0 && validDay(first + 1, second) ? second : -1;
    }

    private int of(int at, String period) {
        int of = at < 0 ? -1 : word(spaces(at), "of");
        return of < 0 ? -1 : word(spaces(of), period);
    }

    private int optionalOf(int at, String period) {
        if (at < 0) {
            return -1;
        }
        int end = of(at, period);
        return end < 0 ? at : end;
    }

    private int oneOf(int at, String... words) {
        for (String word : words) {
            int end = word(at, word);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    private int word(int at, String word) {
        return at >= 0 && text.startsWith(word, at) ? at + word.length() : -1;
    }

    private int spaces(int at) {
        int end = at;
        while (end >= 0 && end < text.length()
                && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\u00A0')) {
            end++;
        }
        return end;
    }

    /** The end of the digits at {@code at} (all of them, as hledger's greedy parser takes them), or -1. */
    private int digits(int at) {
        int end = at;
        while (end >= 0 && end < text.length() && Character.isDigit(text.charAt(end)) && text.charAt(end) < 128) {
            end++;
        }
        return end > at ? end : -1;
    }

    private boolean digitsExactly(int at, int count) {
        if (at < 0 || at + count > text.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '-' || c == '.';
    }

    private boolean validMonth(int from, int to) {
        return to - from <= 9 && number(from, to) >= 1 && number(from, to) <= 12;
    }

    private boolean validDay(int from, int to) {
        return to - from <= 9 && number(from, to) >= 1 && number(from, to) <= 31;
    }

    private int number(int from, int to) {
        return to - from > 9 ? Integer.MAX_VALUE : Integer.parseInt(text.substring(from, to));
    }
}

package dev.eventscope.statement;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a statement covers, from {@code start} (included; null: from the first entry) to {@code end} (not
 * included; null: through the last entry), read as hledger 1.25 reads {@code -p}: {@code 2025}, {@code 2025Q1},
 * {@code 2025-03}, {@code 2025-03-15}, or a range {@code A..B} from the start of A to the start of B, B not
 * included (so {@code 2025-01..2025-04} is the first quarter), with either side left open.
 */
public record ReportPeriod(LocalDate start, LocalDate end, String text) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[qQ]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** hledger's other ways of writing a range: "from A to B", "A to B", "from A", "to B", "A-B", "A - B", "-B", "A-". */
    private static final Pattern FROM_TO = Pattern.compile("(?i)(?:from\\s+)?(\\S*?)\\s*(?:\\bto\\b|(?<=^|\\d)\\s*-\\s*(?=\\d{4}|$))\\s*(\\S*)");
    private static final Pattern FROM = Pattern.compile("(?i)from\\s+(\\S+)");
    private static final Pattern IN = Pattern.compile("(?i)in\\s+(\\S+)");
    /** A word ("last", "jan", "today") or a quarter without its year ("q1"): a period hledger reads by today's date. */
    private static final Pattern RELATIVE_WORD = Pattern.compile("(?i)\\p{L}{2,}|(?<![0-9])q[1-4]");
    private static final Pattern INTERVAL_WORD = Pattern.compile("(?i).*\\b(daily|weekly|biweekly|fortnightly|monthly|bimonthly"
            + "|quarterly|yearly|every|each)\\b.*");

    public ReportPeriod {
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidPeriod(text);
        }
    }

    /** Every day: from the first entry through the last. */
    public static ReportPeriod all() {
        return new ReportPeriod(null, null, "");
    }

    /**
     * Reads the forms above, and hledger's other ways of writing them ({@code in 2025}, {@code from 2025-01 to 2025-04},
     * {@code 2025-01 to 2025-04}, {@code from 2025-02}, {@code to 2025-03}, {@code 2025-01-2025-04}, {@code 20250315},
     * {@code 202503}); throws {@link InvalidPeriod} naming the text when it fits none, with its own sentence for a
     * period relative to today ({@code last year}, {@code jan}) and for an interval ({@code monthly in 2025}).
     */
    public static ReportPeriod parse(String text) {
        String trimmed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            return all();
        }
        ReportPeriod read = parseDotted(asDotted(trimmed, text), text);
        return new ReportPeriod(read.start(), read.end(), trimmed);
    }

    /** hledger's word and hyphen forms written as {@code A..B}; the dotted forms as they are. */
    private static String asDotted(String trimmed, String text) {
        if (INTERVAL_WORD.matcher(trimmed).matches()) {
            throw new InvalidPeriod(text, InvalidPeriod.INTERVAL);
        }
        Matcher matcher;
        if (trimmed.contains("..")) {
            return trimmed;
        }
        if ((matcher = IN.matcher(trimmed)).matches()) {
            return asDotted(matcher.group(1), text);
        }
        if ((matcher = FROM_TO.matcher(trimmed)).matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return matcher.group(1) + ".." + matcher.group(2);
        }
        if ((matcher = FROM.matcher(trimmed)).matches()) {
            return matcher.group(1) + "..";
        }
        if (RELATIVE_WORD.matcher(trimmed).find()) {
            throw new InvalidPeriod(text, InvalidPeriod.RELATIVE);
        }
        return trimmed;
    }

    private static ReportPeriod parseDotted(String trimmed, String text) {
        int dots = trimmed.indexOf("..");
        if (dots < 0) {
            LocalDate[] span = span(trimmed, text);
            return new ReportPeriod(span[0], span[1], trimmed);
        }
        String from = trimmed.substring(0, dots).strip();
        String to = trimmed.substring(dots + 2).strip();
        if (to.contains("..") || (from.isEmpty() && to.isEmpty())) {
            throw new InvalidPeriod(text);
        }
        return new ReportPeriod(from.isEmpty() ? null : span(from, text)[0], to.isEmpty() ? null : span(to, text)[0], trimmed);
    }

    /** The first day of {@code part} and the first day after it. */
    private static LocalDate[] span(String part, String text) {
        try {
            Matcher matcher;
            if ((matcher = YEAR.matcher(part)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), 1, 1);
                return new LocalDate[] {start, start.plusYears(1)};
            }
            if ((matcher = QUARTER.matcher(part)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1);
                return new LocalDate[] {start, start.plusMonths(3)};
            }
            if ((matcher = COMPACT_MONTH.matcher(part)).matches() || (matcher = MONTH.matcher(part)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), 1);
                return new LocalDate[] {start, start.plusMonths(1)};
            }
            if ((matcher = COMPACT_DAY.matcher(part)).matches() || (matcher = DAY.matcher(part)).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
                return new LocalDate[] {start, start.plusDays(1)};
            }
        } catch (DateTimeException notADate) {
            throw new InvalidPeriod(text);
        }
        throw new InvalidPeriod(text);
    }

    /**
     * The columns of this period split by {@code interval}, where the ledger's entries run from {@code firstDate}
     * to {@code lastDate} (used for a side left open; null when there are no entries: then an open period has no
     * columns). As hledger, columns cover whole intervals: the first starts at the start of the interval holding
     * the period's start.
     */
    public List<Column> columns(Interval interval, LocalDate firstDate, LocalDate lastDate) {
        LocalDate from = start != null ? start : firstDate;
        LocalDate last = end != null ? end.minusDays(1) : lastDate;
        if (from == null || last == null || from.isAfter(last)) {
            return List.of();
        }
        if (interval == Interval.NONE) {
            return List.of(new Column(spanLabel(from, last), start, last));
        }
        List<Column> columns = new ArrayList<>();
        for (LocalDate columnStart = interval.start(from); !columnStart.isAfter(last); columnStart = interval.next(columnStart)) {
            columns.add(new Column(interval.label(columnStart), columnStart, interval.next(columnStart).minusDays(1)));
        }
        if (interval == Interval.MONTHLY && columns.get(0).start().getYear() == columns.get(columns.size() - 1).start().getYear()) {
            // months of one year are headed by their short names, as hledger heads them
            columns.replaceAll(column -> new Column(column.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                    java.util.Locale.ENGLISH), column.start(), column.end()));
        }
        return columns;
    }

    /**
     * How hledger 1.25 heads one column from {@code from} to {@code last} (its {@code showPeriod} of the simplified
     * span): a whole year "2025", quarter "2025Q1", month "Mar", week "2025-03-10W11", day "2025-03-15", else
     * "2025-01-10..2025-05-15".
     */
    static String spanLabel(LocalDate from, LocalDate last) {
        LocalDate after = last.plusDays(1);
        if (from.equals(last)) {
            return from.toString();
        }
        if (from.getDayOfYear() == 1 && after.equals(from.plusYears(1))) {
            return Integer.toString(from.getYear());
        }
        if (from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0 && after.equals(from.plusMonths(3))) {
            return from.getYear() + "Q" + ((from.getMonthValue() - 1) / 3 + 1);
        }
        if (from.getDayOfMonth() == 1 && after.equals(from.plusMonths(1))) {
            // one column within one year: the month's short name, as hledger abbreviates it
            return from.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        }
        if (from.getDayOfWeek() == java.time.DayOfWeek.MONDAY && after.equals(from.plusWeeks(1))) {
            return from + "W" + String.format(java.util.Locale.ROOT, "%02d", from.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return from + ".." + last;
    }

    @Override
    public String toString() {
        return text;
    }
}

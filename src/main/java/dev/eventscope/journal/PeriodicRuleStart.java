package dev.eventscope.journal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The checks hledger 1.25 makes on a periodic transaction ({@code ~ PERIOD}) when it reads a journal, with or without
 * {@code --forecast}. Its period must be one hledger reads ({@link PeriodExpression}; hledger takes as the period the
 * text after {@code ~} up to two spaces in a row or a {@code ;}, and refuses the journal when it cannot read all of it:
 * {@code ~ foo}, {@code ~ annually}, {@code ~ Monthly Rent} with one space; since session 22, until then such a rule was
 * left out with a warning). And a rule repeating by weeks, months, quarters or years must start on the first day of one
 * (a Monday, the 1st, the 1st of January, April, July or October, the 1st of January), or hledger refuses the whole
 * journal ("Unable to generate transactions according to "monthly from 2026-01-02" because 2026-01-02 is not a first
 * day of the Month"; found by the corpus of session 17: hledger-macos's and hledger-forecast's recurring rules). The
 * import leaves periodic transactions out, as hledger does without {@code --forecast}, and refuses the same rules, so
 * it never reads a journal hledger refuses for them. A start with parts left out ({@code jan}, {@code 1/15}, {@code 15},
 * {@code q1}) or relative ({@code today}, {@code this month}, {@code in 3 days}, {@code 2 weeks ago}) is fixed as
 * hledger 1.25 fixes it: from its reference date, 1 January of the year a {@code Y} directive in force sets, else of
 * the current year (not the day it reads the journal: {@code ~ monthly in 3 days} starts on 4 January). Since session
 * 23; until then such a start was not checked, and {@code ~ weekly from jan} was read in 2026, whose 1 January is a
 * Thursday, where hledger refuses the journal.
 */
final class PeriodicRuleStart {

    private PeriodicRuleStart() {
    }

    /**
     * Refuses the periodic transaction header {@code line} (starting with {@code ~}) as hledger 1.25 refuses it, the
     * {@code Y} year in force being {@code yearInForce} ({@code null}: none, the current year is hledger's).
     */
    static void check(String file, String line, int lineNumber, Integer yearInForce) {
        check(file, line, lineNumber, yearInForce != null ? yearInForce : java.time.Year.now().getValue());
    }

    /** As {@link #check(String, String, int, Integer)}, the reference date being 1 January of {@code referenceYear}. */
    static void check(String file, String line, int lineNumber, int referenceYear) {
        String afterTilde = line.strip().substring(1);
        int leading = 0;
        while (leading < afterTilde.length() && isSpace(afterTilde.charAt(leading))) {
            leading++;
        }
        String period = periodText(afterTilde.substring(leading));
        if (period.isEmpty()) {
            // hledger 1.25 refuses "~" with no period after it ("unexpected newline"), even without --forecast; until
            // session 21 the import left the rule out and read the journal (cbarrete/tree-sitter-ledger's tests)
            throw new JournalParseException(file, lineNumber, 2, "the periodic transaction has no period after \"~\","
                    + " and hledger 1.25 refuses it too: write one, as in \"~ monthly\"");
        }
        PeriodExpression.Period read = PeriodExpression.parse(period);
        if (read == null) {
            throw new JournalParseException(file, lineNumber, 2 + leading, "the periodic transaction's period \""
                    + period + "\" is not a period hledger 1.25 reads, and it refuses the whole journal for it (although"
                    + " it leaves periodic transactions out of balances): write one such as \"monthly\", \"every 2 weeks"
                    + " from 2024-01-01\" or \"every 15th day of month\", and two spaces before a description");
        }
        LocalDate start = start(read, referenceYear);
        String unit = start == null ? null : notFirstDay(read.unit(), start);
        if (unit != null) {
            boolean written = read.relative() == null && read.startYear() != 0 && read.startMonth() != 0;
            throw new JournalParseException(file, lineNumber, 1, "the periodic transaction \"~ " + period + "\" starts"
                    + " on " + start + (written ? "" : " (hledger 1.25 reads a start without a year, or relative, from 1"
                    + " January of the Y year in force, else of the current year: " + referenceYear + ")")
                    + ", which is not the first day of a " + unit + ", and hledger 1.25 refuses"
                    + " such a rule (although it leaves periodic transactions out of balances): start it on the"
                    + " first day of a " + unit + " or leave its start out");
        }
    }

    /** The rule's start as hledger fixes it from 1 January of {@code referenceYear}; null where it has none. */
    static LocalDate start(PeriodExpression.Period read, int referenceYear) {
        LocalDate reference = LocalDate.of(referenceYear, 1, 1);
        PeriodExpression.Relative relative = read.relative();
        if (relative != null) {
            long offset = relative.offset();
            return switch (relative.unit()) {
                case DAY, OTHER -> reference.plusDays(offset);
                case WEEK -> reference.with(DayOfWeek.MONDAY).plusWeeks(offset);
                case MONTH -> reference.plusMonths(offset);
                case QUARTER -> reference.plusMonths(3 * offset);
                case YEAR -> reference.plusYears(offset);
            };
        }
        if (read.startDay() == 0) {
            return null;
        }
        try {
            return LocalDate.of(read.startYear() != 0 ? read.startYear() : referenceYear,
                    read.startMonth() != 0 ? read.startMonth() : 1, read.startDay());
        } catch (DateTimeException notADay) {
            return null; // hledger reads 2024-02-30 as a period; whether it starts a week is not checked here
        }
    }

    /**
     * hledger's period text: up to two whitespace characters in a row, a {@code ;} or the end of the line (its
     * {@code singlespacedtextsatisfying1p}); what follows is the rule's description and comment.
     */
    static String periodText(String text) {
        int end = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == ';') {
                break;
            }
            if (isSpace(c)) {
                if (end + 1 >= text.length() || isSpace(text.charAt(end + 1)) || text.charAt(end + 1) == ';') {
                    break;
                }
            }
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** The unit whose first day {@code start} is not, for a rule repeating by {@code unit}; else null. */
    private static String notFirstDay(PeriodExpression.Unit unit, LocalDate start) {
        if (unit == null) {
            return null;
        }
        return switch (unit) {
            case WEEK -> start.getDayOfWeek() == DayOfWeek.MONDAY ? null : "week";
            case MONTH -> start.getDayOfMonth() == 1 ? null : "month";
            case QUARTER -> start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0 ? null : "quarter";
            case YEAR -> start.getDayOfYear() == 1 ? null : "year";
            case DAY, OTHER -> null;
        };
    }
}

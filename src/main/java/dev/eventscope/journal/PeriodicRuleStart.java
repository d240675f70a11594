package dev.eventscope.journal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

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
 * it never reads a journal hledger refuses for them. A start is checked only where it does not depend on the day of
 * the import: a relative start ({@code from this month}, {@code in 3 days}) and the parts of a date left out
 * ({@code 1/15} for weeks) are left alone, so the check never refuses a rule hledger reads.
 */
final class PeriodicRuleStart {

    private PeriodicRuleStart() {
    }

    /** Refuses the periodic transaction header {@code line} (starting with {@code ~}) as hledger 1.25 refuses it. */
    static void check(String file, String line, int lineNumber) {
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
        String unit = notFirstDay(read);
        if (unit != null) {
            throw new JournalParseException(file, lineNumber, 1, "the periodic transaction \"~ " + period + "\" starts"
                    + " on " + startText(read) + ", which is not the first day of a " + unit + ", and hledger 1.25 refuses"
                    + " such a rule (although it leaves periodic transactions out of balances): start it on the"
                    + " first day of a " + unit + " or leave its start out");
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

    /** The unit whose first day the rule's start is not, where that does not depend on the day; else null. */
    private static String notFirstDay(PeriodExpression.Period read) {
        if (read.unit() == null || read.startDay() == 0) {
            return null;
        }
        int year = read.startYear();
        int month = read.startMonth();
        int day = read.startDay();
        return switch (read.unit()) {
            case WEEK -> year == 0 || month == 0 || isMonday(year, month, day) ? null : "week";
            case MONTH -> day == 1 ? null : "month";
            case QUARTER -> day == 1 && (month == 0 || (month - 1) % 3 == 0) ? null : "quarter";
            case YEAR -> day == 1 && (month == 0 || month == 1) ? null : "year";
            case DAY, OTHER -> null;
        };
    }

    private static boolean isMonday(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).getDayOfWeek() == DayOfWeek.MONDAY;
        } catch (DateTimeException notADay) {
            return true; // hledger reads 2024-02-30 as a period; whether it starts on a Monday is not checked here
        }
    }

    private static String startText(PeriodExpression.Period read) {
        if (read.startYear() != 0 && read.startMonth() != 0) {
            return String.format(Locale.ROOT, "%04d-%02d-%02d", read.startYear(), read.startMonth(), read.startDay());
        }
        return read.startMonth() != 0 ? String.format(Locale.ROOT, "%02d-%02d (month-day)", read.startMonth(),
                read.startDay()) : "day " + read.startDay() + " of a month";
    }
}

package dev.eventscope.codec;

import java.time.LocalDate;

/**
 * Reads a date in the form nearly every stored event and every journal entry writes it, {@code YYYY-MM-DD} (four,
 * two and two ASCII digits, one separator twice), without a formatter or a regular expression: the readers' field
 * resolution and pattern matching were a tenth of decoding a posting (docs/postgresql.md) and a few percent of reading
 * a journal (docs/cli-speed.md). Any other text gives null, and the caller reads it the long way, which says what is
 * wrong in its own words ({@code IsoDatesProperties}, {@code ParserFastPathsProperties}).
 */
public final class DateDigits {

    private DateDigits() {
    }

    /** The date, or null when {@code text} is not in the form (with one of {@code separators}) or not on the calendar. */
    public static LocalDate read(String text, String separators) {
        if (text.length() != 10) {
            return null;
        }
        char separator = text.charAt(4);
        if (separators.indexOf(separator) < 0 || text.charAt(7) != separator) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        return day <= 28 || day <= java.time.YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, day) : null;
    }

    /** The number that the ASCII digits from {@code from} to {@code to} write, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

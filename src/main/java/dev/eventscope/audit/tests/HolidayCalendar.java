package dev.eventscope.audit.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public holidays by date: a built-in calendar ({@code DE}: Germany's nine nationwide holidays, the
 * movable ones from the Gregorian Easter date; {@code none}: no holidays) and dates read from a file,
 * one ISO date per line with an optional name after it ({@code 2025-12-24 Christmas Eve}); {@code #}
 * starts a comment.
 */
public final class HolidayCalendar {

    private static final Map<MonthDay, String> GERMAN_FIXED = Map.of(
            MonthDay.of(1, 1), "New Year's Day",
            MonthDay.of(5, 1), "Labour Day",
            MonthDay.of(10, 3), "German Unity Day",
            MonthDay.of(12, 25), "Christmas Day",
            MonthDay.of(12, 26), "Boxing Day");

    private final String name;
    private final boolean german;
    private final Map<LocalDate, String> extra;

    private HolidayCalendar(String name, boolean german, Map<LocalDate, String> extra) {
        this.name = name;
        this.german = german;
        this.extra = Map.copyOf(extra);
    }

    /** Germany's nationwide public holidays. */
    public static HolidayCalendar germany() {
        return new HolidayCalendar("DE", true, Map.of());
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar("none", false, Map.of());
    }

    /** A built-in calendar by name ({@code DE} or {@code none}, any case); throws with the known names otherwise. */
    public static HolidayCalendar builtIn(String name) {
        return switch (name.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "DE" -> germany();
            case "NONE" -> none();
            default -> throw new IllegalArgumentException("There is no built-in holiday calendar \"" + name
                    + "\": use DE or none, or give a file of dates.");
        };
    }

    /**
     * This calendar plus the dates of a file; a line that is not a date stops it with the file and line
     * named.
     */
    public HolidayCalendar withFile(Path file) throws IOException {
        Map<LocalDate, String> dates = new HashMap<>(extra);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            try {
                dates.put(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "holiday");
            } catch (DateTimeException notADate) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the holiday file " + file + " does not start with a"
                        + " date as 2025-12-24: \"" + text + "\".");
            }
        }
        return new HolidayCalendar(name + "+" + file.getFileName(), german, dates);
    }

    /** The calendar's name as shown in results: {@code DE}, {@code none}, or one of those plus a file name. */
    public String name() {
        return name;
    }

    /** The holiday's name on that date, if the date is a holiday. */
    public Optional<String> holiday(LocalDate date) {
        String listed = extra.get(date);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (!german) {
            return Optional.empty();
        }
        String fixed = GERMAN_FIXED.get(MonthDay.from(date));
        if (fixed != null) {
            return Optional.of(fixed);
        }
        LocalDate easter = easterSunday(date.getYear());
        long days = java.time.temporal.ChronoUnit.DAYS.between(easter, date);
        if (days == -2) {
            return Optional.of("Good Friday");
        } else if (days == 1) {
            return Optional.of("Easter Monday");
        } else if (days == 39) {
            return Optional.of("Ascension Day");
        } else if (days == 50) {
            return Optional.of("Whit Monday");
        }
        return Optional.empty();
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}

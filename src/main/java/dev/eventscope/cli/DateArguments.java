package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates and instants on the command line, refused in one sentence that says what to write (session 14: picocli's own
 * conversion named Java's exception and its parse index, "Text '99999-01-01' could not be parsed at index 0").
 */
final class DateArguments {

    private DateArguments() {
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(LocalDate.class, DateArguments::date);
        commandLine.registerConverter(Instant.class, DateArguments::instant);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + printable(text) + "' is not "
                    + (text.matches("\\d{4}-\\d{2}-\\d{2}") ? "a day of the calendar" : "a date") + "; write YYYY-MM-DD, e.g. 2025-02-28");
        }
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + printable(text) + "' is not a point in time; write it in UTC as"
                    + " YYYY-MM-DDTHH:MM:SSZ, e.g. 2025-04-15T17:00:00Z");
        }
    }

    /** The argument as given, control characters (a newline, a NUL) shown as \\uXXXX so the sentence stays one line. */
    private static String printable(String text) {
        return PrintableText.shortened(text, 80);
    }
}

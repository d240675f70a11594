package dev.eventscope.projection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The entry dates after {@code after} and on or before {@code upTo}, either end open: which register lines a question
 * as of a date adds (those dated after a date checkpoint's date up to the date asked, or every line from the first
 * date when no checkpoint lies before it). Its ends as ISO text ({@link #afterText}, {@link #upToText}) compare with a
 * line's ISO date as the dates do; an open end is a text every date sorts after ("") or before ("~").
 */
public record DateSpan(Optional<LocalDate> after, Optional<LocalDate> upTo) {

    private static final DateSpan ALL = new DateSpan(Optional.empty(), Optional.empty());

    /** Every date. */
    public static DateSpan all() {
        return ALL;
    }

    /** The dates up to {@code upTo} (inclusive), from the first. */
    public static DateSpan upTo(LocalDate upTo) {
        return new DateSpan(Optional.empty(), Optional.of(upTo));
    }

    /** The dates after {@code after} (exclusive), without an upper end. */
    public static DateSpan after(LocalDate after) {
        return new DateSpan(Optional.of(after), Optional.empty());
    }

    /** The dates after {@code after} (when given) up to {@code upTo} (inclusive). */
    public static DateSpan between(Optional<LocalDate> after, LocalDate upTo) {
        return new DateSpan(after, Optional.of(upTo));
    }

    /** The lower end as ISO text, exclusive; "" (before every date) when open. */
    public String afterText() {
        return after.map(LocalDate::toString).orElse("");
    }

    /** The upper end as ISO text, inclusive; "~" (after every date) when open. */
    public String upToText() {
        return upTo.map(LocalDate::toString).orElse("~");
    }
}

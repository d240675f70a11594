package dev.eventscope.projection;

import java.time.LocalDate;

/** How many postings an account has up to a date, the latest of their dates and positions (null and 0 when none). */
public record PostingSummary(long postings, LocalDate lastDate, long lastPosition) {
}

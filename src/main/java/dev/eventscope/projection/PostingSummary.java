package dev.eventscope.projection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How many postings an account has up to a date, the latest of their dates and positions (no date and position 0
 * when it has none).
 */
public record PostingSummary(long postings, Optional<LocalDate> lastDate, long lastPosition) {

    /** An account without postings. */
    public static final PostingSummary NONE = new PostingSummary(0, Optional.empty(), 0);
}

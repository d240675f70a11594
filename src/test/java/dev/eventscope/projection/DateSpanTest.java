package dev.eventscope.projection;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An open end of a date span lets every date through on its side: its text sorts before or after every ISO date. */
class DateSpanTest {

    private static final List<LocalDate> DATES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1999, 12, 31),
            LocalDate.of(2025, 3, 31), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1));

    @Test
    void open_ends_compare_with_every_date_as_no_limit() {
        for (LocalDate date : DATES) {
            assertTrue(date.toString().compareTo(DateSpan.all().afterText()) > 0, date + " after the open lower end");
            assertTrue(date.toString().compareTo(DateSpan.all().upToText()) <= 0, date + " within the open upper end");
        }
    }

    @Test
    void given_ends_are_the_dates_themselves_lower_exclusive_upper_inclusive() {
        LocalDate after = LocalDate.of(2025, 1, 31);
        LocalDate upTo = LocalDate.of(2025, 3, 31);
        DateSpan span = DateSpan.between(Optional.of(after), upTo);
        assertEquals("2025-01-31", span.afterText());
        assertEquals("2025-03-31", span.upToText());
        assertEquals(new DateSpan(Optional.empty(), Optional.of(upTo)), DateSpan.upTo(upTo));
        assertEquals(new DateSpan(Optional.of(after), Optional.empty()), DateSpan.after(after));
        assertEquals(DateSpan.upTo(upTo), DateSpan.between(Optional.empty(), upTo));
        assertEquals("~", DateSpan.after(after).upToText());
        assertEquals("", DateSpan.upTo(upTo).afterText());
    }
}

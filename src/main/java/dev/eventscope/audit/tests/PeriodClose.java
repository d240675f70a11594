package dev.eventscope.audit.tests;

import java.time.Instant;
import java.time.LocalDate;

/** A period close as recorded: the books were closed through {@code throughDate} at {@code recordedAt}. */
public record PeriodClose(long position, LocalDate throughDate, Instant recordedAt, String user) {
}

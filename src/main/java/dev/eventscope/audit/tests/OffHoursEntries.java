package dev.eventscope.audit.tests;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entries recorded (by the event's recorded time, in the configured zone) on a Saturday or Sunday, on a
 * public holiday of the configured calendar, or outside working hours.
 */
public final class OffHoursEntries implements JournalEntryTest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd 'at' HH:mm", java.util.Locale.ENGLISH);

    @Override
    public String name() {
        return "off-hours";
    }

    @Override
    public String title() {
        return "Recorded on weekends, holidays or outside working hours";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Entries recorded on a weekend, on a public holiday (calendar " + settings.holidays().name()
                + ") or outside " + settings.workStart() + "–" + settings.workEnd() + " (" + settings.zone() + ").";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (EntryFacts entry : facts.entries()) {
            ZonedDateTime recorded = entry.recordedAt().atZone(settings.zone());
            String when = WHEN.format(recorded) + " " + settings.zone();
            Optional<String> holiday = settings.holidays().holiday(recorded.toLocalDate());
            LocalTime time = recorded.toLocalTime();
            String reason = null;
            if (recorded.getDayOfWeek() == DayOfWeek.SATURDAY || recorded.getDayOfWeek() == DayOfWeek.SUNDAY) {
                reason = "Recorded on a weekend, " + when + ".";
            } else if (holiday.isPresent()) {
                reason = "Recorded on a public holiday (" + holiday.get() + "), " + when + ".";
            } else if (time.isBefore(settings.workStart()) || !time.isBefore(settings.workEnd())) {
                reason = "Recorded outside working hours (" + settings.workStart() + "–" + settings.workEnd() + "), " + when + ".";
            }
            if (reason != null) {
                flagged.add(FlaggedEntry.of(this, entry, reason));
            }
        }
        return result(settings, flagged);
    }
}

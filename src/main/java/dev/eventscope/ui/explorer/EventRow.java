package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the history table: a recorded event with its display texts and hash status. */
public record EventRow(RecordedEvent event, String recordedLocal, String recordedUtc, LocalDate recordedDate,
                       String summary, HashStatus hashStatus, String hashLabel) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'");

    public static EventRow of(RecordedEvent event, ZoneId zone, IntegrityReport report) {
        Instant recordedAt = event.recordedAt();
        HashStatus status = HashStatus.of(event.position(), report);
        return new EventRow(event,
                LOCAL.format(recordedAt.atZone(zone)),
                UTC.format(recordedAt.atZone(ZoneOffset.UTC)),
                recordedAt.atZone(zone).toLocalDate(),
                EventSummary.of(event.type(), event.data()),
                status,
                status.labelFor(report));
    }

    /** The same event judged by another integrity report. */
    public EventRow withReport(IntegrityReport report) {
        HashStatus status = HashStatus.of(event.position(), report);
        return new EventRow(event, recordedLocal, recordedUtc, recordedDate, summary, status, status.labelFor(report));
    }

    public long position() {
        return event.position();
    }

    public String user() {
        return event.metadata().user();
    }

    public String command() {
        String command = event.metadata().commandName();
        return command == null ? "" : command;
    }
}

package dev.eventscope.cli;

import dev.eventscope.eventstore.RecordedEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints a stream's events one by one, so that a long history never sits in memory. */
interface HistoryWriter {

    /** Recorded times as ISO-8601 in UTC with microseconds: {@code 2024-03-31T09:00:00.000001Z}. */
    DateTimeFormatter RECORDED_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    void begin();

    void write(RecordedEvent event);

    /** Called once after the last event; {@code count} is how many were written. */
    void end(long count);

    static String recordedTime(RecordedEvent event) {
        return RECORDED_TIME.format(event.recordedAt());
    }
}

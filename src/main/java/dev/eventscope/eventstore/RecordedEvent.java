package dev.eventscope.eventstore;

/**
 * An event as stored: its global position (1, 2, 3, ... across the whole ledger), its version
 * within its stream (1, 2, 3, ...), the recorded time in microseconds since the epoch, and the
 * hash that chains it to the event before.
 */
public record RecordedEvent(
        long position,
        String eventId,
        StreamId streamId,
        long version,
        String type,
        int schemaVersion,
        String data,
        EventMetadata metadata,
        long recordedAtMicros,
        String hash) {

    public java.time.Instant recordedAt() {
        return java.time.Instant.EPOCH.plus(recordedAtMicros, java.time.temporal.ChronoUnit.MICROS);
    }
}

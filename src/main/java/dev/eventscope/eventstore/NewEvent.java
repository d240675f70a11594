package dev.eventscope.eventstore;

import java.util.Objects;

/**
 * An event about to be appended. {@code data} is the event's JSON text; the store keeps it
 * byte-for-byte and never interprets it. The event id makes appends idempotent: appending an
 * event id that is already stored writes nothing and returns the original position.
 */
public record NewEvent(String eventId, String type, int schemaVersion, String data, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(type, "event type");
        Objects.requireNonNull(data, "event data");
        Objects.requireNonNull(metadata, "event metadata");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be at least 1, was " + schemaVersion);
        }
    }
}

package dev.eventscope.codec;

import java.util.Objects;

/**
 * An event turned into what the store keeps: its registered type name, the schema version of the
 * shape it was written in, and its JSON text.
 */
public record EncodedEvent(String type, int schemaVersion, String json) {

    public EncodedEvent {
        Objects.requireNonNull(type, "event type");
        Objects.requireNonNull(json, "event json");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be at least 1, was " + schemaVersion);
        }
    }
}

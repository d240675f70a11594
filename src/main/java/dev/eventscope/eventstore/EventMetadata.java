package dev.eventscope.eventstore;

import java.util.Objects;

/**
 * Who and what caused an event. The store adds the event id, recorded time and schema version,
 * which live on {@link RecordedEvent}. Any field but {@code user} may be null.
 */
public record EventMetadata(String user, String correlationId, String causationId, String commandName) {

    public EventMetadata {
        Objects.requireNonNull(user, "user");
    }

    public static EventMetadata by(String user) {
        return new EventMetadata(user, null, null, null);
    }
}

package dev.eventscope.codec;

import java.util.Objects;

/** One registered event type: the name stored with each event, its record class and its current schema version. */
public record EventType(String name, Class<?> javaClass, int currentSchemaVersion) {

    public EventType {
        Objects.requireNonNull(name, "event type name");
        Objects.requireNonNull(javaClass, "event class");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an event type name cannot be blank");
        }
        if (currentSchemaVersion < 1) {
            throw new IllegalArgumentException("the schema version of event type '" + name
                    + "' must be at least 1, was " + currentSchemaVersion);
        }
    }
}

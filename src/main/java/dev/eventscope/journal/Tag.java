package dev.eventscope.journal;

import java.util.Objects;

/** A {@code name:value} tag found in a comment; the value is empty for a bare {@code name:}. */
public record Tag(String name, String value) {

    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}

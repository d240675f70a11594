package dev.eventscope.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step that turns the JSON of an event of {@code type} written in schema version
 * {@code fromVersion} into the shape of version {@code fromVersion + 1}. Steps are chained on read
 * (v1 -> v2 -> v3); they work on a parsed copy, so the stored bytes never change. The function may
 * change the node it is given and return it, or return a new node.
 */
public record Upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> transform) {

    public Upcaster {
        Objects.requireNonNull(type, "event type");
        Objects.requireNonNull(transform, "transform");
        if (fromVersion < 1) {
            throw new IllegalArgumentException("an upcaster of '" + type + "' must start at version 1 or later, was " + fromVersion);
        }
    }

    public static Upcaster of(String type, int fromVersion, UnaryOperator<ObjectNode> transform) {
        return new Upcaster(type, fromVersion, transform);
    }

    /** The schema version this step produces. */
    public int toVersion() {
        return fromVersion + 1;
    }
}

package dev.eventscope.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stored event as a reader sees it: always the {@link RecordedEvent} as stored, and, when its
 * data could be read, its JSON brought up to the current schema version. Decoding never throws
 * for bad data: an event becomes {@link Typed} (a record of its registered class), {@link Generic}
 * (readable JSON without a class, with the reason) or {@link Unreadable} (data that is not JSON).
 */
public sealed interface DecodedEvent {

    /** The event exactly as stored; decoding never changes it. */
    RecordedEvent recorded();

    /** The event's JSON after upcasting; {@link MissingNode} when the data is not JSON. */
    JsonNode json();

    /** The stored schema version when upcasters changed the JSON, empty when it was read as stored. */
    OptionalInt upcastedFrom();

    /** The typed event record, when its class is known and the JSON fits it. */
    Optional<Object> value();

    /** Why no typed record could be produced, empty for a typed event. */
    Optional<String> problem();

    default boolean wasUpcasted() {
        return upcastedFrom().isPresent();
    }

    /**
     * The event's record of its registered class, after upcasting. The JSON tree may be left out (null)
     * by a reader that needs only the record ({@link EventCodec#decodeValue}); {@link #json()} then parses
     * the stored data again when asked.
     */
    record Typed(RecordedEvent recorded, JsonNode json, OptionalInt upcastedFrom, Object event) implements DecodedEvent {

        private static final ObjectMapper TREES = EventCodec.newObjectMapper();

        public Typed {
            Objects.requireNonNull(recorded, "recorded event");
            Objects.requireNonNull(upcastedFrom, "upcasted from");
            Objects.requireNonNull(event, "event");
        }

        @Override
        public JsonNode json() {
            if (json != null) {
                return json;
            }
            try {
                return TREES.readTree(recorded.data());
            } catch (JsonProcessingException impossible) {
                throw new CodecException("The data of event " + recorded.position() + " was read once but is not JSON now: "
                        + impossible.getOriginalMessage(), impossible);
            }
        }

        @Override
        public Optional<Object> value() {
            return Optional.of(event);
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    /**
     * Readable JSON that could not become a record: its type is not registered, it was written by
     * a newer schema, an upcaster is missing or failed, or the JSON does not fit the class.
     */
    record Generic(RecordedEvent recorded, JsonNode json, OptionalInt upcastedFrom, String reason) implements DecodedEvent {

        public Generic {
            Objects.requireNonNull(recorded, "recorded event");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(upcastedFrom, "upcasted from");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Object> value() {
            return Optional.empty();
        }

        @Override
        public Optional<String> problem() {
            return Optional.of(reason);
        }
    }

    /** Data that is not valid JSON; {@code parseError} says where parsing stopped. */
    record Unreadable(RecordedEvent recorded, String parseError) implements DecodedEvent {

        public Unreadable {
            Objects.requireNonNull(recorded, "recorded event");
            Objects.requireNonNull(parseError, "parse error");
        }

        @Override
        public JsonNode json() {
            return MissingNode.getInstance();
        }

        @Override
        public OptionalInt upcastedFrom() {
            return OptionalInt.empty();
        }

        @Override
        public Optional<Object> value() {
            return Optional.empty();
        }

        @Override
        public Optional<String> problem() {
            return Optional.of(parseError);
        }
    }
}

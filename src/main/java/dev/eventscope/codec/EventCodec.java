package dev.eventscope.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamId;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns event records into JSON for the store and stored events back into records, upcasting old
 * shapes on the way. Amounts keep every digit ({@code 0.10} stays {@code 0.10}); dates are ISO
 * strings; map keys are written sorted so the same event always gives the same bytes.
 * {@link #decode} never throws for bad stored data (see {@link DecodedEvent}); {@link #encode} and
 * the state helpers throw {@link CodecException}. Thread-safe.
 */
public final class EventCodec {

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;
    private final Map<Class<?>, ObjectReader> valueReaders = new ConcurrentHashMap<>();

    public EventCodec(EventTypeRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapper = newObjectMapper();
    }

    /** The JSON mapper every part of Eventscope uses, so that amounts and dates read and write alike everywhere. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new IsoDateModule())
                .addModule(new ValueRecordModule())
                .build();
    }

    public EventTypeRegistry registry() {
        return registry;
    }

    /** The event as the store keeps it; its class must be registered so that it can be read back. */
    public EncodedEvent encode(Object event) {
        Objects.requireNonNull(event, "event");
        EventType type = registry.byClass(event.getClass()).orElseThrow(() -> new CodecException(
                "Event class " + event.getClass().getName() + " is not registered in the event type registry,"
                        + " so it could not be read back; register it before writing it."));
        // an import's entries and postings are written without Jackson's bean machinery, to the same bytes
        String json = EventJsonWriter.write(event);
        return new EncodedEvent(type.name(), type.currentSchemaVersion(), json != null ? json : toJson(event));
    }

    /** The event ready to append, with the given id and metadata. */
    public NewEvent toNewEvent(String eventId, Object event, EventMetadata metadata) {
        EncodedEvent encoded = encode(event);
        return new NewEvent(eventId, encoded.type(), encoded.schemaVersion(), encoded.json(), metadata);
    }

    /**
     * As {@link #decode}, for a reader that needs only the event's record (a projection): an event of the
     * current schema version is read straight into its class, without keeping its JSON tree (about half
     * the work and most of the garbage); any other event, or one that does not fit, is decoded by
     * {@link #decode}, so the outcome is the same. A posting in the form this codec writes it is read without Jackson
     * ({@link PostingJson}: the same record, for under half the CPU).
     */
    public DecodedEvent decodeValue(RecordedEvent recorded) {
        Objects.requireNonNull(recorded, "recorded event");
        EventType type = registry.byName(recorded.type()).orElse(null);
        if (type == null || recorded.schemaVersion() != type.currentSchemaVersion()) {
            return decode(recorded);
        }
        try {
            Object event = type.javaClass() == PostingRecorded.class ? PostingJson.read(recorded.data())
                    : type.javaClass() == EntryPosted.class ? PostingJson.readEntry(recorded.data()) : null;
            if (event == null) {
                event = valueReaders.computeIfAbsent(type.javaClass(), mapper::readerFor).readValue(recorded.data());
            }
            return event == null ? decode(recorded) : new DecodedEvent.Typed(recorded, null, OptionalInt.empty(), event);
        } catch (IOException | RuntimeException doesNotFit) {
            return decode(recorded);
        }
    }

    /** The stored event read as a record of its registered class, upcasted; never throws for bad data. */
    public DecodedEvent decode(RecordedEvent recorded) {
        Objects.requireNonNull(recorded, "recorded event");
        JsonNode stored;
        try {
            stored = mapper.readTree(recorded.data());
        } catch (JsonProcessingException notJson) {
            return new DecodedEvent.Unreadable(recorded, "The data of event " + recorded.position() + " ("
                    + recorded.type() + ") is not valid JSON: " + notJson.getOriginalMessage());
        }
        if (stored == null || stored.isMissingNode()) {
            return new DecodedEvent.Unreadable(recorded, "The data of event " + recorded.position() + " ("
                    + recorded.type() + ") is empty.");
        }
        EventType type = registry.byName(recorded.type()).orElse(null);
        if (type == null) {
            return new DecodedEvent.Generic(recorded, stored, OptionalInt.empty(),
                    "No event class is registered for type '" + recorded.type() + "'; shown as JSON.");
        }
        return upcastAndBind(recorded, type, stored);
    }

    private DecodedEvent upcastAndBind(RecordedEvent recorded, EventType type, JsonNode stored) {
        int storedVersion = recorded.schemaVersion();
        if (storedVersion > type.currentSchemaVersion()) {
            return new DecodedEvent.Generic(recorded, stored, OptionalInt.empty(),
                    "Event type '" + type.name() + "' was written in schema version " + storedVersion
                            + ", newer than version " + type.currentSchemaVersion() + " that this Eventscope knows; shown as JSON.");
        }
        JsonNode current = stored;
        OptionalInt upcastedFrom = OptionalInt.empty();
        for (int version = storedVersion; version < type.currentSchemaVersion(); version++) {
            Upcaster step = registry.upcaster(type.name(), version).orElse(null);
            if (step == null) {
                return new DecodedEvent.Generic(recorded, current, upcastedFrom,
                        "Event type '" + type.name() + "' has no upcaster from schema version " + version + " to "
                                + (version + 1) + "; shown as JSON.");
            }
            if (!(current instanceof ObjectNode object)) {
                return new DecodedEvent.Generic(recorded, current, upcastedFrom,
                        "Event type '" + type.name() + "' in schema version " + version
                                + " is not a JSON object, so it cannot be upcasted; shown as JSON.");
            }
            try {
                current = Objects.requireNonNull(step.transform().apply(object.deepCopy()),
                        "the upcaster returned nothing");
            } catch (RuntimeException failed) {
                return new DecodedEvent.Generic(recorded, current, upcastedFrom,
                        "The upcaster of event type '" + type.name() + "' from schema version " + version
                                + " failed: " + failed.getMessage());
            }
            upcastedFrom = OptionalInt.of(storedVersion);
        }
        try {
            Object event = mapper.treeToValue(current, type.javaClass());
            if (event == null) {
                return new DecodedEvent.Generic(recorded, current, upcastedFrom, "The JSON of event " + recorded.position()
                        + " does not fit " + type.javaClass().getSimpleName() + ": it is null, not an object.");
            }
            return new DecodedEvent.Typed(recorded, current, upcastedFrom, event);
        } catch (JsonProcessingException | IllegalArgumentException doesNotFit) {
            String detail = doesNotFit instanceof JsonProcessingException processing
                    ? processing.getOriginalMessage() : doesNotFit.getMessage();
            return new DecodedEvent.Generic(recorded, current, upcastedFrom,
                    "The JSON of event " + recorded.position() + " does not fit " + type.javaClass().getSimpleName()
                            + ": " + detail);
        }
    }

    /** Any value (an aggregate state for a snapshot, for instance) as JSON text. */
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException failed) {
            throw new CodecException("Could not write " + describe(value) + " as JSON: " + failed.getOriginalMessage(), failed);
        }
    }

    /** JSON text (a snapshot's state, for instance) read as the given type. */
    public <T> T fromJson(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException failed) {
            throw new CodecException("Could not read JSON as " + type.getSimpleName() + ": " + failed.getOriginalMessage(), failed);
        }
    }

    /** JSON text as a tree, keeping every digit of decimals. */
    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException failed) {
            throw new CodecException("The text is not valid JSON: " + failed.getOriginalMessage(), failed);
        }
    }

    /** An aggregate's state as a snapshot after the event at {@code version}; the state type is the class's simple name. */
    public Snapshot snapshotOf(StreamId stream, long version, Object state, int stateSchemaVersion) {
        Objects.requireNonNull(state, "state");
        return new Snapshot(stream, version, state.getClass().getSimpleName(), stateSchemaVersion, toJson(state));
    }

    /** A snapshot's state read back as the given type; throws {@link CodecException} when it does not fit. */
    public <T> T stateOf(Snapshot snapshot, Class<T> type) {
        return fromJson(snapshot.data(), type);
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }
}

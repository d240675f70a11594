package dev.eventscope.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Maps event type names to record classes and their current schema version, and holds the
 * upcasters that bring older stored shapes up to the current one. Built once with
 * {@link #builder()}; immutable and safe to share between threads afterwards.
 *
 * <p>Names and classes map one to one: registering a second class for a name, or a class under a
 * second name, throws {@link EventTypeConflict}.
 */
public final class EventTypeRegistry {

    private final Map<String, EventType> byName;
    private final Map<Class<?>, EventType> byClass;
    private final Map<String, Map<Integer, Upcaster>> upcastersByType;

    private EventTypeRegistry(Builder builder) {
        this.byName = Map.copyOf(builder.byName);
        this.byClass = Map.copyOf(builder.byClass);
        Map<String, Map<Integer, Upcaster>> upcasters = new HashMap<>();
        builder.upcasters.forEach((type, steps) -> upcasters.put(type, Map.copyOf(steps)));
        this.upcastersByType = Map.copyOf(upcasters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty registry: every event decodes to a generic JSON view. */
    public static EventTypeRegistry empty() {
        return builder().build();
    }

    public Optional<EventType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<EventType> byClass(Class<?> javaClass) {
        return Optional.ofNullable(byClass.get(javaClass));
    }

    public Collection<EventType> types() {
        return byName.values();
    }

    /** The step that upgrades {@code type} from {@code fromVersion}, if one was registered. */
    public Optional<Upcaster> upcaster(String type, int fromVersion) {
        return Optional.ofNullable(upcastersByType.getOrDefault(type, Map.of()).get(fromVersion));
    }

    /** Collects event types and upcasters; {@link #build()} checks that they fit together. */
    public static final class Builder {

        private final Map<String, EventType> byName = new LinkedHashMap<>();
        private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();
        private final Map<String, Map<Integer, Upcaster>> upcasters = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers a class under its simple name at schema version 1. */
        public Builder register(Class<?> javaClass) {
            return register(javaClass.getSimpleName(), javaClass, 1);
        }

        /** Registers a class under its simple name at the given current schema version. */
        public Builder register(Class<?> javaClass, int currentSchemaVersion) {
            return register(javaClass.getSimpleName(), javaClass, currentSchemaVersion);
        }

        public Builder register(String name, Class<?> javaClass, int currentSchemaVersion) {
            EventType type = new EventType(name, javaClass, currentSchemaVersion);
            EventType sameName = byName.get(name);
            if (sameName != null) {
                if (sameName.equals(type)) {
                    return this;
                }
                if (sameName.javaClass().equals(javaClass)) {
                    throw new EventTypeConflict("Event type '" + name + "' is registered twice with different schema versions ("
                            + sameName.currentSchemaVersion() + " and " + currentSchemaVersion + ").");
                }
                throw new EventTypeConflict("Event type name '" + name + "' is already registered for "
                        + sameName.javaClass().getName() + " and cannot also be used for " + javaClass.getName() + ".");
            }
            EventType sameClass = byClass.get(javaClass);
            if (sameClass != null) {
                throw new EventTypeConflict("Class " + javaClass.getName() + " is already registered as event type '"
                        + sameClass.name() + "' and cannot also be registered as '" + name + "'.");
            }
            byName.put(name, type);
            byClass.put(javaClass, type);
            return this;
        }

        /**
         * Registers every record reachable through the permitted subclasses of a sealed interface,
         * under its simple name at schema version 1. Classes already registered (for example with a
         * higher schema version) are left as they are.
         */
        public Builder registerSealedFamily(Class<?> sealedType) {
            if (!sealedType.isSealed()) {
                throw new IllegalArgumentException(sealedType.getName() + " is not a sealed type, so its event classes cannot be listed.");
            }
            Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(sealedType.getPermittedSubclasses()));
            while (!toVisit.isEmpty()) {
                Class<?> candidate = toVisit.pop();
                if (candidate.isSealed()) {
                    toVisit.addAll(List.of(candidate.getPermittedSubclasses()));
                } else if (!byClass.containsKey(candidate)) {
                    register(candidate);
                }
            }
            return this;
        }

        public Builder upcaster(Upcaster step) {
            Map<Integer, Upcaster> steps = upcasters.computeIfAbsent(step.type(), type -> new LinkedHashMap<>());
            if (steps.containsKey(step.fromVersion())) {
                throw new EventTypeConflict("Event type '" + step.type() + "' already has an upcaster from version "
                        + step.fromVersion() + " to " + step.toVersion() + ".");
            }
            steps.put(step.fromVersion(), step);
            return this;
        }

        public Builder upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> transform) {
            return upcaster(new Upcaster(type, fromVersion, transform));
        }

        /** Checks that every upcaster belongs to a registered type and ends at or below its current version. */
        public EventTypeRegistry build() {
            upcasters.forEach((typeName, steps) -> {
                EventType type = byName.get(typeName);
                if (type == null) {
                    throw new EventTypeConflict("An upcaster was given for event type '" + typeName
                            + "', but no class is registered under that name.");
                }
                for (Upcaster step : steps.values()) {
                    if (step.toVersion() > type.currentSchemaVersion()) {
                        throw new EventTypeConflict("The upcaster of event type '" + typeName + "' from version "
                                + step.fromVersion() + " to " + step.toVersion() + " goes beyond its current schema version "
                                + type.currentSchemaVersion() + ".");
                    }
                }
            });
            return new EventTypeRegistry(this);
        }
    }
}

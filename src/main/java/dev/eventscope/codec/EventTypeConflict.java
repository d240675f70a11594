package dev.eventscope.codec;

/**
 * Thrown while building an {@link EventTypeRegistry} when a name or a class is claimed twice, or
 * an upcaster does not fit the registered types: the registry must map names to classes one to one,
 * otherwise stored events could be read as the wrong record.
 */
public class EventTypeConflict extends RuntimeException {

    public EventTypeConflict(String message) {
        super(message);
    }
}

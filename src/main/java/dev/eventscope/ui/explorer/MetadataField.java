package dev.eventscope.ui.explorer;

/** One line of an event's metadata; correlation and causation ids are links to other events. */
public record MetadataField(String label, String value, Link link) {

    /** Where clicking the value leads. */
    public enum Link {
        NONE,
        /** to every event sharing this correlation id */
        CORRELATION,
        /** to the event whose id this is */
        CAUSATION
    }
}

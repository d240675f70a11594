package dev.eventscope.ui.explorer;

/** One line of an event's metadata; correlation and causation ids are links to other events. */
public record MetadataField(String label, String value, Link link) {

    /** The value in its printable form, shortened (session 23, adversary: a user "ev U+202E il⏎…" was shown raw). */
    public MetadataField {
        value = value == null ? null : dev.eventscope.domain.PrintableText.shortened(value);
    }

    /** Where clicking the value leads. */
    public enum Link {
        NONE,
        /** to every event sharing this correlation id */
        CORRELATION,
        /** to the event whose id this is */
        CAUSATION
    }
}

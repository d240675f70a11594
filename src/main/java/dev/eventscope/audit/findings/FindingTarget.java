package dev.eventscope.audit.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * What a finding is about: an event (by position), a journal entry (by id), a point in time (recorded time,
 * UTC) or a journal-entry test result (the test's name, and the flagged entry's id when it is about one).
 * Written as {@code event:335}, {@code entry:JE-2025-0100}, {@code time:2025-05-06T12:00:00Z},
 * {@code test:late-postings/JE-2025-0100}.
 */
public record FindingTarget(Kind kind, String value) {

    public enum Kind { EVENT, ENTRY, TIME, TEST }

    public FindingTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A finding's " + kind.name().toLowerCase(java.util.Locale.ROOT) + " cannot be blank.");
        }
    }

    public static FindingTarget event(long position) {
        if (position < 1) {
            throw new IllegalArgumentException("An event position is 1 or more, not " + position + ".");
        }
        return new FindingTarget(Kind.EVENT, Long.toString(position));
    }

    public static FindingTarget entry(String entryId) {
        return new FindingTarget(Kind.ENTRY, entryId.strip());
    }

    public static FindingTarget time(Instant instant) {
        return new FindingTarget(Kind.TIME, instant.toString());
    }

    /** A test result: the test, and the flagged entry (null for the test as a whole). */
    public static FindingTarget test(String test, String entryId) {
        return new FindingTarget(Kind.TEST, entryId == null || entryId.isBlank() ? test.strip() : test.strip() + "/" + entryId.strip());
    }

    /** Reads {@code kind:value} as written by {@link #toString()}. */
    public static FindingTarget parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("\"" + text + "\" is not a finding target such as event:335 or entry:JE-2025-0100.");
        }
        String kind = text.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT);
        String value = text.substring(colon + 1).strip();
        try {
            Kind parsed = Kind.valueOf(kind);
            return parsed == Kind.EVENT ? event(Long.parseLong(value)) : parsed == Kind.TIME ? time(Instant.parse(value))
                    : new FindingTarget(parsed, value);
        } catch (IllegalArgumentException | java.time.DateTimeException wrong) {
            throw new IllegalArgumentException("\"" + text + "\" is not a finding target such as event:335, entry:JE-2025-0100,"
                    + " time:2025-05-06T12:00:00Z or test:late-postings/JE-2025-0100.");
        }
    }

    /** The event position, for an event target. */
    public long position() {
        return kind == Kind.EVENT ? Long.parseLong(value) : 0;
    }

    /** How a report shows the link, such as "event 335" or "entry JE-2025-0100". */
    public String describe() {
        return switch (kind) {
            case EVENT -> "event " + value;
            case ENTRY -> "entry " + value;
            case TIME -> "the ledger as of " + value;
            case TEST -> "test " + value.replace("/", ", entry ");
        };
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }
}

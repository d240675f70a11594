package dev.eventscope.timetravel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A point in a ledger's history. Text syntax ({@link #parse}): {@code #1200} after the event at
 * global position 1200; {@code @2025-04-02T09:00:00Z} what the ledger said at that recorded time;
 * {@code 2025-03-31} as of that entry date (business time, every event known now); {@code v12}
 * after version 12 of one stream; {@code now} the latest event. Both clocks at once are an
 * {@link AsKnownAt}: as of an entry date, as the ledger stood at a knowledge point ({@link #parseKnowledge}).
 */
public sealed interface Point {

    /** After the event at this global position (0: before any event). */
    record AtPosition(long position) implements Point {
        public AtPosition {
            if (position < 0) {
                throw new IllegalArgumentException("a position is 0 or more");
            }
        }

        @Override
        public String toString() {
            return "#" + position;
        }
    }

    /** As the ledger stood at this recorded time: every event recorded at or before it. */
    record AtRecordedTime(Instant time) implements Point {
        public AtRecordedTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String toString() {
            return "@" + time;
        }
    }

    /** As of this entry date, inclusive: postings dated on or before it, as known now. */
    record AsOfDate(LocalDate date) implements Point {
        public AsOfDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /**
     * As of an entry date, as known at a knowledge point: only postings dated on or before {@code date} and
     * recorded at or before {@code knownAt} (an {@link AtPosition} or an {@link AtRecordedTime}).
     */
    record AsKnownAt(LocalDate date, Point knownAt) implements Point {
        public AsKnownAt {
            Objects.requireNonNull(date, "date");
            if (!(knownAt instanceof AtPosition || knownAt instanceof AtRecordedTime)) {
                throw new IllegalArgumentException("a knowledge point is a position or a recorded time, not " + knownAt);
            }
        }

        @Override
        public String toString() {
            return date + " known at " + knownAt;
        }
    }

    /** After version {@code version} of the one stream being looked at. */
    record AtVersion(long version) implements Point {
        public AtVersion {
            if (version < 0) {
                throw new IllegalArgumentException("a version is 0 or more");
            }
        }

        @Override
        public String toString() {
            return "v" + version;
        }
    }

    /** After the latest event. */
    record Latest() implements Point {
        @Override
        public String toString() {
            return "now";
        }
    }

    /**
     * Reads a knowledge point: {@code #1200} (after position 1200), {@code @2025-04-15T17:00:00Z} (a recorded time)
     * or {@code 2025-04-15} (the end of that day in UTC: ledgers carry no time zone, and recorded times are UTC).
     * Throws {@link InvalidPoint} naming the text when it fits none.
     */
    static Point parseKnowledge(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            if (trimmed.startsWith("#")) {
                return new AtPosition(Long.parseLong(trimmed.substring(1)));
            }
            if (trimmed.startsWith("@")) {
                return new AtRecordedTime(Instant.parse(trimmed.substring(1)));
            }
            return endOfDay(LocalDate.parse(trimmed));
        } catch (DateTimeParseException | IllegalArgumentException notAPoint) {
            throw InvalidPoint.knowledge(trimmed);
        }
    }

    /** The last recorded instant of a UTC day (recorded times are kept to the microsecond). */
    static AtRecordedTime endOfDay(LocalDate day) {
        return new AtRecordedTime(day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1_000));
    }

    /** Reads the text syntax above; throws {@link InvalidPoint} naming the text when it fits none. */
    static Point parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            if (trimmed.equalsIgnoreCase("now") || trimmed.equalsIgnoreCase("latest")) {
                return new Latest();
            }
            if (trimmed.startsWith("#")) {
                return new AtPosition(Long.parseLong(trimmed.substring(1)));
            }
            if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
                return new AtVersion(Long.parseLong(trimmed.substring(1)));
            }
            if (trimmed.startsWith("@")) {
                return new AtRecordedTime(Instant.parse(trimmed.substring(1)));
            }
            return new AsOfDate(LocalDate.parse(trimmed));
        } catch (DateTimeParseException | IllegalArgumentException notAPoint) {
            throw new InvalidPoint(trimmed);
        }
    }
}

package dev.eventscope.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store contract's rules for one append that every adapter applies the same way: a stream given
 * twice is refused; an append whose first event id is stored already is a retried command, whose
 * original positions are returned when every one of its event ids is stored in the same stream; any
 * other mix of stored and new ids, or an id given twice, is refused with one sentence. Each adapter
 * supplies how it finds a stored event; {@code X} is what that lookup may throw.
 */
public final class IdempotentRetry {

    /** Where a stored event is: its global position, its stream and its version there. */
    public record StoredEvent(long position, String streamId, long version) {
    }

    /** Finds a stored event by id; null when the id is not stored. */
    @FunctionalInterface
    public interface Lookup<X extends Exception> {
        StoredEvent find(String eventId) throws X;
    }

    /** A stream's current version. */
    @FunctionalInterface
    public interface Versions<X extends Exception> {
        long versionOf(StreamId stream) throws X;
    }

    private IdempotentRetry() {
    }

    /** Refuses an append that names a stream twice: its versions would be ambiguous. */
    public static void requireDistinctStreams(List<StreamAppend> appends) {
        if (appends.size() <= 8) {
            // the usual append (an entry and its accounts): comparing pairs costs less than hashing into a set
            for (int i = 1; i < appends.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (appends.get(i).stream().equals(appends.get(j).stream())) {
                        throw twice(appends.get(i).stream());
                    }
                }
            }
            return;
        }
        Set<StreamId> streams = new HashSet<>();
        for (StreamAppend append : appends) {
            if (!streams.add(append.stream())) {
                throw twice(append.stream());
            }
        }
    }

    private static EventStoreException twice(StreamId stream) {
        return new EventStoreException("The stream '" + stream
                + "' appears twice in one append; give all its events in one part. Nothing was written.");
    }

    /**
     * The original result when the append's first event id is stored (a retried command); null when it
     * is new. Throws when the retry is not exactly the stored append.
     */
    public static <X extends Exception> AppendResult original(List<StreamAppend> appends, Lookup<X> stored,
                                                              Versions<X> versions) throws X {
        NewEvent first = null;
        for (StreamAppend append : appends) {
            if (!append.events().isEmpty()) {
                first = append.events().get(0);
                break;
            }
        }
        if (first == null || stored.find(first.eventId()) == null) {
            return null;
        }
        List<Long> positions = new ArrayList<>();
        Map<StreamId, Long> streamVersions = new LinkedHashMap<>();
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                StoredEvent found = stored.find(event.eventId());
                if (found == null) {
                    throw new EventStoreException("This append repeats event id '" + first.eventId()
                            + "', which is already stored, but also holds the new event id '" + event.eventId()
                            + "'; a retried append must repeat exactly the same events. Nothing was written.");
                }
                if (!found.streamId().equals(append.stream().value())) {
                    throw new EventStoreException("Event id '" + event.eventId() + "' is already stored in stream '"
                            + found.streamId() + "', not in '" + append.stream() + "'. Nothing was written.");
                }
                positions.add(found.position());
                streamVersions.put(append.stream(), found.version());
            }
            if (!streamVersions.containsKey(append.stream())) {
                streamVersions.put(append.stream(), versions.versionOf(append.stream()));
            }
        }
        return new AppendResult(positions, streamVersions, true);
    }

    /**
     * Why an append whose first event id is new cannot be written: an event id it gives twice, or one
     * that is stored already; null when neither.
     */
    public static <X extends Exception> EventStoreException clash(List<StreamAppend> appends, Lookup<X> stored) throws X {
        Set<String> seen = new HashSet<>();
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                if (!seen.add(event.eventId())) {
                    return new EventStoreException("The event id '" + event.eventId()
                            + "' appears twice in one append. Nothing was written.");
                }
            }
        }
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                StoredEvent found = stored.find(event.eventId());
                if (found != null) {
                    return new EventStoreException("The event id '" + event.eventId() + "' is already stored at position "
                            + found.position() + "; a retried append must repeat exactly the same events. Nothing was written.");
                }
            }
        }
        return null;
    }

    /** Microseconds since the epoch, the unit of every recorded time. */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}

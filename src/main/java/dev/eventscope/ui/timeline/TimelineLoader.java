package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.session.LedgerSession;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds a {@link Timeline} from the ledger's session and its read models; slow on big ledgers, so it runs off the UI thread. */
public final class TimelineLoader {

    /** Buckets in the density strip. */
    public static final int BUCKETS = 240;

    private final LedgerSession session;
    private final LedgerQueries queries;
    private final ZoneId zone;

    public TimelineLoader(LedgerSession session, LedgerQueries queries, ZoneId zone) {
        this.session = session;
        this.queries = queries;
        this.zone = zone;
    }

    /** The timeline of {@code stream} (the whole ledger when null) on {@code axis}. */
    public Timeline load(StreamId stream, TimelineAxis axis) {
        if (axis == TimelineAxis.ENTRY_DATE) {
            return byEntryDate(stream);
        }
        long[][] events = stream == null ? allEvents(axis == TimelineAxis.RECORDED_TIME) : streamEvents(stream);
        long[] positions = events[0];
        long eventCount = positions.length - 1;
        long[] coordinates = axis == TimelineAxis.POSITION ? positions : events[1];
        if (axis == TimelineAxis.RECORDED_TIME && coordinates.length > 1) {
            coordinates[0] = coordinates[1] - 1; // "before anything" sits just before the first event
            long[][] compacted = lastOfEachInstant(coordinates, positions);
            coordinates = compacted[0];
            positions = compacted[1];
        }
        double[] density = stream == null && axis == TimelineAxis.POSITION ? dailyRateOverPositions(positions.length - 1)
                : histogram(coordinates, null);
        return new Timeline(stream, axis, coordinates, positions, density, zone, eventCount);
    }

    /**
     * The step of {@code loaded} nearest to {@code kept}, a point of the timeline shown before on another
     * axis (or of the same axis before new events), given as a date (entry-date axis) or as the position
     * a position or recorded-time step reached: a position stays that position; a position seen on
     * the entry-date axis is the latest entry date recorded at or before it; a date seen on a position
     * axis is the last position before the first posting dated after it was recorded.
     */
    public int stepFor(Timeline loaded, dev.eventscope.timetravel.Point kept) {
        if (kept instanceof dev.eventscope.timetravel.Point.AsOfDate asOf) {
            if (loaded.axis() == TimelineAxis.ENTRY_DATE) {
                return loaded.indexAt(asOf.date().toEpochDay());
            }
            long[] firstLater = {Long.MAX_VALUE};
            eachLine(loaded.stream(), session.lastPosition(), line -> {
                if (line.date().isAfter(asOf.date())) {
                    firstLater[0] = Math.min(firstLater[0], line.position());
                }
            });
            return firstLater[0] == Long.MAX_VALUE ? loaded.lastIndex() : stepAtPosition(loaded, firstLater[0] - 1);
        }
        long position = kept instanceof dev.eventscope.timetravel.Point.AtPosition at ? at.position() : session.lastPosition();
        if (loaded.axis() != TimelineAxis.ENTRY_DATE) {
            return stepAtPosition(loaded, position);
        }
        LocalDate[] latest = {null};
        eachLine(loaded.stream(), position, line -> {
            if (latest[0] == null || line.date().isAfter(latest[0])) {
                latest[0] = line.date();
            }
        });
        return latest[0] == null ? 0 : loaded.indexAt(latest[0].toEpochDay());
    }

    /** The last step at or before {@code position} on a position or recorded-time axis. */
    static int stepAtPosition(Timeline timeline, long position) {
        int low = 0;
        int high = timeline.lastIndex();
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (timeline.positionAt(middle) <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The register lines of the scope (an account's own, else the whole ledger's) up to {@code upTo}. */
    private void eachLine(StreamId stream, long upTo, java.util.function.Consumer<RegisterLine> sink) {
        if (stream != null && stream.value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            String account = stream.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
            queries.accountRegister(account, null, 0, upTo).forEach(sink);
        } else {
            queries.registerBetween(0, upTo, sink);
        }
    }

    /**
     * Events appended together share their recorded time, and a recorded-time point sees all of them,
     * so the recorded-time axis has one step per instant: the last event recorded at it.
     */
    static long[][] lastOfEachInstant(long[] coordinates, long[] positions) {
        int kept = 0;
        long[] keptCoordinates = new long[coordinates.length];
        long[] keptPositions = new long[positions.length];
        for (int step = 0; step < coordinates.length; step++) {
            if (kept > 0 && keptCoordinates[kept - 1] == coordinates[step]) {
                keptPositions[kept - 1] = positions[step];
            } else {
                keptCoordinates[kept] = coordinates[step];
                keptPositions[kept] = positions[step];
                kept++;
            }
        }
        return new long[][] {java.util.Arrays.copyOf(keptCoordinates, kept), java.util.Arrays.copyOf(keptPositions, kept)};
    }

    /** Positions and recorded times only (the store's stamps, through the session): a stream's event data is never read for its timeline. */
    private long[][] streamEvents(StreamId stream) {
        int count = (int) session.streamVersion(stream);
        long[] positions = new long[count + 1];
        long[] recorded = new long[count + 1];
        session.streamStamps(stream, (version, position, recordedAtMicros) -> {
            if (version <= count) {
                positions[(int) version] = position;
                recorded[(int) version] = recordedAtMicros;
            }
        });
        return new long[][] {positions, recorded};
    }

    private long[][] allEvents(boolean withRecordedTimes) {
        int last = (int) session.lastPosition();
        long[] positions = new long[last + 1];
        for (int position = 0; position <= last; position++) {
            positions[position] = position;
        }
        if (!withRecordedTimes) {
            return new long[][] {positions, null};
        }
        long[] recorded = new long[last + 1];
        long previous = 0;
        try (EventCursor cursor = session.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.position() <= last) {
                    recorded[(int) event.position()] = event.recordedAtMicros();
                }
            }
        }
        for (int position = 1; position <= last; position++) {
            // a removed event keeps the axis ascending
            recorded[position] = Math.max(recorded[position], previous);
            previous = recorded[position];
        }
        return new long[][] {positions, recorded};
    }

    private Timeline byEntryDate(StreamId stream) {
        SortedMap<LocalDate, Long> counts = new TreeMap<>();
        long last = session.lastPosition();
        if (stream != null && stream.value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            String account = stream.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
            for (RegisterLine line : queries.accountRegister(account, null, 0, last)) {
                counts.merge(line.date(), 1L, Long::sum);
            }
        } else {
            queries.registerBetween(0, last, line -> counts.merge(line.date(), 1L, Long::sum));
        }
        long[] coordinates = new long[counts.size() + 1];
        long[] weights = new long[counts.size() + 1];
        long eventCount = counts.values().stream().mapToLong(Long::longValue).sum();
        int index = 1;
        for (Map.Entry<LocalDate, Long> date : counts.entrySet()) {
            coordinates[index] = date.getKey().toEpochDay();
            weights[index] = date.getValue();
            index++;
        }
        coordinates[0] = counts.isEmpty() ? LocalDate.now(zone).toEpochDay() : coordinates[1] - 1;
        return new Timeline(stream, TimelineAxis.ENTRY_DATE, coordinates, null, histogram(coordinates, weights), zone, eventCount);
    }

    /** Events (or {@code weights}) per bucket over the coordinates' range; step 0 counts nothing. */
    static double[] histogram(long[] coordinates, long[] weights) {
        double[] buckets = new double[BUCKETS];
        if (coordinates.length < 2) {
            return buckets;
        }
        double minimum = coordinates[0];
        double span = Math.max(1, coordinates[coordinates.length - 1] - minimum);
        for (int index = 1; index < coordinates.length; index++) {
            int bucket = (int) Math.min(BUCKETS - 1, (coordinates[index] - minimum) / span * BUCKETS);
            buckets[bucket] += weights == null ? 1 : weights[index];
        }
        return buckets;
    }

    /**
     * Over positions every bucket holds the same number of events, so the whole-ledger position strip
     * shows how busy the recorded day of each bucket was instead (events per day).
     */
    private double[] dailyRateOverPositions(long last) {
        double[] buckets = new double[BUCKETS];
        if (last < 1) {
            return buckets;
        }
        SortedMap<LocalDate, Long> days = queries.countsByDay();
        long[] dayEnds = new long[days.size()];
        long[] dayCounts = new long[days.size()];
        long cumulative = 0;
        int day = 0;
        for (long count : days.values()) {
            cumulative += count;
            dayEnds[day] = cumulative;
            dayCounts[day] = count;
            day++;
        }
        int current = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            double middle = (bucket + 0.5) / BUCKETS * last;
            while (current < dayEnds.length - 1 && dayEnds[current] < middle) {
                current++;
            }
            buckets[bucket] = dayEnds.length == 0 ? 1 : dayCounts[current];
        }
        return buckets;
    }
}

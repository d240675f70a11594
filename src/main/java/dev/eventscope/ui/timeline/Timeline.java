package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The steps the slider moves over, for one scope (a stream, or the whole ledger when {@code stream}
 * is null) and one axis. Step 0 is "before anything"; each later step is one event (position and
 * recorded-time axes) or one entry date. Each step has a coordinate on the axis (position, recorded
 * micros, epoch day) in ascending order, so the slider is linear in the axis and snaps to steps.
 * {@code density} holds event counts in equal buckets over the axis, for the strip under the slider.
 */
public final class Timeline {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StreamId stream;
    private final TimelineAxis axis;
    private final long[] coordinates;
    private final long[] positions;
    private final double[] density;
    private final ZoneId zone;
    private final long events;

    /**
     * @param coordinates ascending axis coordinates per step
     * @param positions   global position reached at each step (for the position and recorded-time axes)
     */
    public Timeline(StreamId stream, TimelineAxis axis, long[] coordinates, long[] positions, double[] density, ZoneId zone) {
        this(stream, axis, coordinates, positions, density, zone, coordinates.length - 1);
    }

    /**
     * @param events how many events the scope holds: events recorded in one instant share a step on the
     *               recorded-time axis, and an entry date holds many, so the step count is not it
     */
    public Timeline(StreamId stream, TimelineAxis axis, long[] coordinates, long[] positions, double[] density, ZoneId zone,
                    long events) {
        this.events = events;
        this.stream = stream;
        this.axis = axis;
        this.coordinates = coordinates;
        this.positions = positions;
        this.density = density;
        this.zone = zone;
    }

    public StreamId stream() {
        return stream;
    }

    public boolean wholeLedger() {
        return stream == null;
    }

    public TimelineAxis axis() {
        return axis;
    }

    /** How many events the scope holds (not the number of steps). */
    public long events() {
        return events;
    }

    public double[] density() {
        return density;
    }

    public int size() {
        return coordinates.length;
    }

    public int lastIndex() {
        return size() - 1;
    }

    public long coordinateAt(int index) {
        return coordinates[index];
    }

    public long minimum() {
        return coordinates[0];
    }

    public long maximum() {
        return coordinates[lastIndex()];
    }

    /** The last step whose coordinate is at or before {@code coordinate} (step 0 when before all). */
    public int indexAt(double coordinate) {
        return lastAtOrBefore(coordinates, (long) Math.floor(coordinate + 1e-6));
    }

    /**
     * The step a typed point stands on, when it is a point of this axis: a position (or, for a stream on the position
     * axis, a version) on the position axis, a position or a recorded time on the recorded-time axis, an entry date on
     * the entry-date axis, "now" on any; the last step at or before it (step 0 when before all). Empty for a point of
     * another kind (a date on the position axis), which no step of this axis stands for. {@code #0} is step 0 of every axis.
     */
    public java.util.OptionalInt indexOf(Point point) {
        if (point instanceof Point.Latest) {
            return java.util.OptionalInt.of(lastIndex());
        }
        if (point instanceof Point.AtPosition at && at.position() == 0) {
            return java.util.OptionalInt.of(0); // before any event: the start of every axis
        }
        return switch (axis) {
            case POSITION -> point instanceof Point.AtPosition at ? java.util.OptionalInt.of(indexAt(at.position()))
                    : point instanceof Point.AtVersion version && stream != null && version.version() >= 0
                    ? java.util.OptionalInt.of((int) Math.min(version.version(), lastIndex())) : java.util.OptionalInt.empty();
            case RECORDED_TIME -> point instanceof Point.AtRecordedTime at
                    ? java.util.OptionalInt.of(indexAt(at.time().getEpochSecond() * 1_000_000.0 + at.time().getNano() / 1_000))
                    : point instanceof Point.AtPosition at ? java.util.OptionalInt.of(lastAtOrBefore(positions, at.position()))
                    : java.util.OptionalInt.empty();
            case ENTRY_DATE -> point instanceof Point.AsOfDate at ? java.util.OptionalInt.of(indexAt(at.date().toEpochDay()))
                    : java.util.OptionalInt.empty();
        };
    }

    private static int lastAtOrBefore(long[] ascending, long value) {
        int found = Arrays.binarySearch(ascending, value);
        if (found >= 0) {
            while (found + 1 < ascending.length && ascending[found + 1] == value) {
                found++;
            }
            return found;
        }
        return Math.max(0, -found - 2);
    }

    /** The global position reached at a step; for the entry-date axis, 0 (a date point sees every event). */
    public long positionAt(int index) {
        return positions == null ? 0 : positions[index];
    }

    /** The time-travel point of a step. */
    public Point pointAt(int index) {
        if (index == 0 && axis != TimelineAxis.ENTRY_DATE) {
            return new Point.AtPosition(0);
        }
        return switch (axis) {
            case POSITION -> new Point.AtPosition(positions[index]);
            case RECORDED_TIME -> new Point.AtRecordedTime(Instant.ofEpochSecond(0, coordinates[index] * 1_000));
            case ENTRY_DATE -> new Point.AsOfDate(LocalDate.ofEpochDay(coordinates[index]));
        };
    }

    /** The slider's label for a step: {@code #1234}, {@code 2025-03-31} or {@code 2025-04-02 09:00:12}. */
    public String labelAt(int index) {
        if (index == 0 && axis != TimelineAxis.ENTRY_DATE) {
            return "start (#0)";
        }
        return switch (axis) {
            case POSITION -> "#" + positions[index];
            case RECORDED_TIME -> RECORDED.format(Instant.ofEpochSecond(0, coordinates[index] * 1_000).atZone(zone))
                    + "  (#" + positions[index] + ")";
            case ENTRY_DATE -> LocalDate.ofEpochDay(coordinates[index]).toString();
        };
    }
}

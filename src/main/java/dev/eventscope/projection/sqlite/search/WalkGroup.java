package dev.eventscope.projection.sqlite.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One source of documents read in (length, position) order a batch of rows at a time: the documents of a
 * (category, type), or those in which a token repeats a given number of times; its bound depends on the length
 * (and on the phrases' highest counts, which only fall). With filters, its first head is a guess from the group's
 * shortest document whatever the filters (an upper bound, cheap); the filtered rows are read only when the guess is
 * polled, and then only up to the length at which no document could still enter the page.
 */
final class WalkGroup {

    /** Rows read at a time. */
    static final int BATCH = 64;
    /** What {@link #refresh} says: the head stands, its bound fell, or the group has no row left. */
    static final int STANDS = 0;
    static final int FELL = 1;
    static final int ENDED = 2;

    private final SearchSql filters;
    /** The longest length at which a document with the given bounds could still enter the page (the walk's page as it stands). */
    private final ToLongFunction<IntToDoubleFunction> longest;
    private final PreparedStatement rows;
    private final PreparedStatement peek;
    private final Object first;
    private final Object second;
    private final IntToDoubleFunction bounds;
    private final Runnable ended;
    private final Matches matches;
    private final List<long[]> buffer = new ArrayList<>();
    private int next;
    private double bound;
    private boolean guessed;

    WalkGroup(SearchSql filters, ToLongFunction<IntToDoubleFunction> longest, PreparedStatement rows, PreparedStatement peek,
              Object first, Object second,
              IntToDoubleFunction bounds, Runnable ended) {
        this.filters = filters;
        this.longest = longest;
        this.rows = rows;
        this.peek = peek;
        this.first = first;
        this.second = second;
        this.bounds = bounds;
        this.ended = ended;
        this.matches = null;
    }

    /** The query's matches in memory (filters already applied): read as the rows of a group, without SQL. */
    WalkGroup(SearchSql filters, ToLongFunction<IntToDoubleFunction> longest, Matches matches, IntToDoubleFunction bounds) {
        this.filters = filters;
        this.longest = longest;
        this.rows = null;
        this.peek = null;
        this.first = null;
        this.second = null;
        this.bounds = bounds;
        this.ended = null;
        this.matches = matches;
    }

    long position() {
        return buffer.get(next)[0];
    }

    int length() {
        return (int) buffer.get(next)[1];
    }

    double bound() {
        return bound;
    }

    /**
     * Makes the head real (a guess is replaced by the first filtered row) and recomputes its bound: {@link #FELL} when
     * the bound fell (the group must be put back in order), {@link #ENDED} when no row is left, else {@link #STANDS}.
     */
    int refresh() throws SQLException {
        double before = bound;
        if (guessed) {
            guessed = false;
            if (!advance(0, 0)) {
                return ENDED;
            }
        } else {
            bound = bounds.applyAsDouble(length());
        }
        return bound < before ? FELL : STANDS;
    }

    /** Moves to the following document; false at the group's end. */
    boolean next() throws SQLException {
        next++;
        if (next < buffer.size()) {
            bound = bounds.applyAsDouble(length());
            return true;
        }
        long[] last = buffer.get(buffer.size() - 1);
        if (buffer.size() == BATCH) {
            return advance(last[1], last[0]);
        }
        end();
        return false;
    }

    /** The first head: a guess when there are filters (see the class comment), else the first row. */
    boolean start() throws SQLException {
        if (filters.where().isEmpty() || matches != null) {
            return advance(0, 0);
        }
        if (!read(peek, 0, 0, Integer.MAX_VALUE, false)) {
            end();
            return false;
        }
        guessed = true;
        return true;
    }

    /** Reads the documents after (length, position) that could still enter the page; false when there are none. */
    boolean advance(long length, long position) throws SQLException {
        long cap = longest.applyAsLong(bounds);
        if (cap < length || !read(rows, length, position, cap, true)) {
            // rows longer than the cap were not read; they cannot enter, now or later (the page's last score only rises)
            end();
            return false;
        }
        return true;
    }

    private boolean read(PreparedStatement statement, long length, long position, long cap, boolean filtered) throws SQLException {
        if (matches != null) {
            buffer.clear();
            next = 0;
            matches.after(length, position, cap, BATCH, buffer);
            if (buffer.isEmpty()) {
                return false;
            }
            bound = bounds.applyAsDouble(length());
            return true;
        }
        statement.setObject(1, first);
        statement.setObject(2, second);
        statement.setLong(3, length);
        statement.setLong(4, position);
        statement.setLong(5, cap);
        if (filtered) {
            filters.bind(statement, 6);
        }
        buffer.clear();
        next = 0;
        try (ResultSet found = statement.executeQuery()) {
            while (found.next()) {
                buffer.add(new long[] {found.getLong(1), found.getLong(2)});
            }
        }
        if (buffer.isEmpty()) {
            return false;
        }
        bound = bounds.applyAsDouble(length());
        return true;
    }

    private void end() {
        if (ended != null) {
            ended.run();
        }
    }

    /** Documents in (length, position) order, each as one long: the length in the high bits, the position in the low 40. */
    record Matches(long[] keys) {

        private static final int POSITION_BITS = 40;

        static long key(int length, long position) {
            return ((long) length << POSITION_BITS) | position;
        }

        /**
         * The matches (ascending positions with their FTS5 lengths) by length then position: counted per length (a few dozen),
         * the positions already ascending within each (a sort of the 100,000 keys took most of the time).
         */
        static Matches of(long[] positions, int[] lengths) {
            int longest = 0;
            for (int length : lengths) {
                longest = Math.max(longest, length);
            }
            int[] starts = new int[longest + 2];
            for (int length : lengths) {
                starts[length + 1]++;
            }
            for (int length = 1; length < starts.length; length++) {
                starts[length] += starts[length - 1];
            }
            long[] keys = new long[positions.length];
            boolean ascending = true;
            for (int index = 0; index < positions.length; index++) {
                keys[starts[lengths[index]]++] = key(lengths[index], positions[index]);
                ascending &= index == 0 || positions[index - 1] < positions[index];
            }
            if (!ascending) {
                java.util.Arrays.sort(keys);
            }
            return new Matches(keys);
        }

        /** Adds up to {@code most} documents after (length, position), none longer than {@code cap}, as {position, length}. */
        void after(long length, long position, long cap, int most, List<long[]> into) {
            long from = position >= 1L << POSITION_BITS ? key((int) length + 1, 0) : key((int) length, position) + 1;
            int index = java.util.Arrays.binarySearch(keys, from);
            for (index = index < 0 ? -index - 1 : index; index < keys.length && into.size() < most; index++) {
                long found = keys[index] >>> POSITION_BITS;
                if (found > cap) {
                    return;
                }
                into.add(new long[] {keys[index] & ((1L << POSITION_BITS) - 1), found});
            }
        }
    }
}

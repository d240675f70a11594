package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.EventStampsProjection;
import dev.eventscope.projection.ProjectionState;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.RegisterBlob;
import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The balances register's lines read from its blobs (session 23, see {@code RegisterWriter}): ledger-wide ranges from
 * {@code register_runs}, one account's lines from {@code register_blocks}, and who, by which command and when from the
 * events at the lines' positions (or, for a server ledger's cache, the event-stamps read model).
 */
final class SqliteRegisterReads {

    /** Runs a query on the store's reader connection, each row to the consumer. */
    @FunctionalInterface
    interface Query {
        void each(String sql, RowConsumer consumer, Object... parameters);
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    /** Receives one line, positioned on it (valid until the consumer returns). */
    @FunctionalInterface
    interface LineConsumer {
        void line(RegisterBlob.Lines line);
    }

    /** How many of an account's blocks {@link #countAccount} reads first. */
    private static final int FIRST_BLOCKS = 16;
    /** How many positions one query for the lines' events asks for. */
    private static final int STAMPS_AT_ONCE = 64;

    private final SqliteReadSide store;
    private final Query query;
    /** A projection's generation in service (or a {@link ReadModelException} when it has none). */
    private final ToIntFunction<String> generations;

    SqliteRegisterReads(SqliteReadSide store, Query query, ToIntFunction<String> generations) {
        this.store = store;
        this.query = query;
        this.generations = generations;
    }

    private String table(String name) {
        return SqlTables.physicalName(BalancesProjection.NAME, name, generations.applyAsInt(BalancesProjection.NAME));
    }

    private String runs() {
        return table(BalancesProjection.REGISTER_RUNS);
    }

    private String blocks() {
        return table(BalancesProjection.REGISTER_BLOCKS);
    }

    /**
     * The runs that can hold lines recorded after {@code after}: from the one that starts at or before the position after
     * it (a lookup by the primary key), not every run from the first one (a scan of every earlier run's row).
     */
    private String runsFrom(String runs) {
        return "first_position >= COALESCE((SELECT MAX(first_position) FROM " + runs + " WHERE first_position <= ?), 0)";
    }

    /** Every line recorded after {@code after} and at or before {@code upTo}, in position order, one run's blob at a time. */
    void runs(long after, long upTo, Consumer<byte[]> blob) {
        String runs = runs();
        query.each("SELECT lines FROM " + runs + " WHERE " + runsFrom(runs) + " AND last_position > ? AND first_position <= ?"
                        + " ORDER BY first_position", rows -> blob.accept(rows.getBytes(1)),
                after == Long.MIN_VALUE ? after : after + 1, after, upTo);
    }

    /** Every line recorded after {@code after} and at or before {@code upTo}, in position order. */
    void lines(long after, long upTo, LineConsumer consumer) {
        runs(after, upTo, blob -> {
            RegisterBlob.Lines lines = RegisterBlob.Lines.ofRun(blob);
            while (lines.next()) {
                if (lines.position() > after && lines.position() <= upTo) {
                    consumer.line(lines);
                }
            }
        });
    }

    /**
     * The lines of {@code account} (in {@code commodity}, or in every one when it is null) recorded after {@code after}
     * and at or before {@code upTo}, as {@code reader} makes them, in position order.
     */
    <T> List<T> accountLines(String account, String commodity, long after, long upTo, LineFilter<T> reader) {
        List<T> found = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        String blocks = blocks();
        // per commodity, from the block that starts at or before the position after {@code after} (a lookup in the
        // index), not every earlier block of the account (a read of each one's row)
        List<String> commodities = new ArrayList<>();
        if (commodity == null) {
            query.each("SELECT DISTINCT commodity FROM " + blocks + " WHERE account = ?", rows -> commodities.add(rows.getString(1)),
                    account);
        } else {
            commodities.add(commodity);
        }
        String sql = "SELECT commodity, lines FROM " + blocks + " WHERE account = ? AND commodity = ? AND first_position >="
                + " COALESCE((SELECT MAX(first_position) FROM " + blocks + " WHERE account = ? AND commodity = ? AND"
                + " first_position <= ?), 0) AND last_position > ? AND first_position <= ? ORDER BY first_position";
        boolean[] sorted = {true};
        for (String each : commodities) {
            query.each(sql, rows -> {
                RegisterBlob.Lines lines = RegisterBlob.Lines.ofBlock(rows.getBytes(2), account, rows.getString(1));
                while (lines.next()) {
                    if (lines.position() > after && lines.position() <= upTo) {
                        T made = reader.read(lines);
                        if (made != null) {
                            sorted[0] &= positions.isEmpty() || positions.get(positions.size() - 1) < lines.position();
                            positions.add(lines.position());
                            found.add(made);
                        }
                    }
                }
            }, account, each, account, each, after == Long.MIN_VALUE ? after : after + 1, after, upTo);
        }
        if (sorted[0]) {
            return found;
        }
        // blocks of several commodities overlap: in position order
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(positions::get));
        List<T> inOrder = new ArrayList<>(order.length);
        for (Integer i : order) {
            inOrder.add(found.get(i));
        }
        return inOrder;
    }

    /** Makes a value of a line, or null to leave it out. */
    @FunctionalInterface
    interface LineFilter<T> {
        T read(RegisterBlob.Lines line);
    }

    /** A line without who, by which command and when (see {@link #stamped}). */
    static RegisterLine unstamped(RegisterBlob.Lines line) {
        return new RegisterLine(line.position(), line.account(), line.commodity(), line.amount(), line.runningBalance(),
                line.entryId(), (int) line.postingIndex(), parseDate(line.date()), line.description(), null, null, 0,
                line.reverses());
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReadModelException("The balances read model's register holds the date '" + date
                    + "', which is not a date: rebuild the balances projection.");
        }
    }

    private record Stamp(String user, String command, long recordedAt) {
    }

    /**
     * The lines with who, by which command and when from their events: a line whose event is not there is left out
     * (in a ledger file), or shown without them (a server ledger's cache whose event-stamps read model stopped).
     */
    List<RegisterLine> stamped(List<RegisterLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        boolean cache = store.needsEventStamps();
        String events = cache ? SqlTables.physicalName(EventStampsProjection.NAME, EventStampsProjection.EVENTS,
                store.state(EventStampsProjection.NAME).map(ProjectionState::generation).orElseThrow(() ->
                        new ReadModelException("The read model '" + EventStampsProjection.NAME + "' has not been built yet in "
                                + store.location() + ".")))
                : store.eventsTable();
        String sql = "SELECT position, user_name, command_name, recorded_at FROM " + events + " WHERE position IN ("
                + String.join(", ", Collections.nCopies(STAMPS_AT_ONCE, "?")) + ")";
        List<RegisterLine> result = new ArrayList<>(lines.size());
        Map<Long, Stamp> stamps = new HashMap<>();
        Object[] parameters = new Object[STAMPS_AT_ONCE];
        for (int from = 0; from < lines.size(); from += STAMPS_AT_ONCE) {
            int to = Math.min(lines.size(), from + STAMPS_AT_ONCE);
            for (int i = 0; i < STAMPS_AT_ONCE; i++) {
                parameters[i] = from + i < to ? lines.get(from + i).position() : -1L;
            }
            stamps.clear();
            query.each(sql, rows -> stamps.put(rows.getLong(1), new Stamp(rows.getString(2), rows.getString(3),
                    rows.getLong(4))), parameters);
            for (RegisterLine line : lines.subList(from, to)) {
                Stamp stamp = stamps.get(line.position());
                if (stamp != null) {
                    result.add(new RegisterLine(line.position(), line.account(), line.commodity(), line.amount(),
                            line.runningBalance(), line.entryId(), line.postingIndex(), line.date(), line.description(),
                            stamp.user(), stamp.command(), stamp.recordedAt(), line.reversesEntryId()));
                } else if (cache) {
                    result.add(line);
                }
            }
        }
        return result;
    }

    /** The lines recorded after {@code after} and at or before {@code upTo} that {@code keep} keeps, stamped, in order. */
    void stampedLines(long after, long upTo, LineFilter<Boolean> keep, Consumer<RegisterLine> sink) {
        runs(after, upTo, blob -> {
            List<RegisterLine> lines = new ArrayList<>(RegisterBlob.LINES);
            RegisterBlob.Lines run = RegisterBlob.Lines.ofRun(blob);
            while (run.next()) {
                if (run.position() > after && run.position() <= upTo && keep.read(run)) {
                    lines.add(unstamped(run));
                }
            }
            stamped(lines).forEach(sink);
        });
    }

    /** The running balance of {@code account} in {@code commodity} after its last line at or before {@code position}. */
    BigDecimal balanceAt(String account, String commodity, long position) {
        BigDecimal[] balance = {null};
        query.each("SELECT last_position, last_balance, lines FROM " + blocks()
                + " WHERE account = ? AND commodity = ? AND first_position <= ? ORDER BY first_position DESC LIMIT 1", rows -> {
                    if (rows.getLong(1) <= position) {
                        balance[0] = decimal(rows.getString(2));
                        return;
                    }
                    RegisterBlob.Lines lines = RegisterBlob.Lines.ofBlock(rows.getBytes(3), account, commodity);
                    while (lines.next() && lines.position() <= position) {
                        balance[0] = lines.runningBalance();
                    }
                }, account, commodity, position);
        return balance[0];
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadModelException("The balances read model's register holds the balance '" + text
                    + "', which is not a number: rebuild the balances projection.");
        }
    }

    /** How many lines are recorded after {@code after} and at or before {@code upTo} (full runs counted from their column). */
    long count(long after, long upTo) {
        long[] count = {0};
        List<Long> partial = new ArrayList<>();
        String runs = runs();
        query.each("SELECT first_position, last_position, lines_count FROM " + runs
                + " WHERE " + runsFrom(runs) + " AND last_position > ? AND first_position <= ?", rows -> {
                    if (rows.getLong(1) > after && rows.getLong(2) <= upTo) {
                        count[0] += rows.getLong(3);
                    } else {
                        partial.add(rows.getLong(1));
                    }
                }, after == Long.MIN_VALUE ? after : after + 1, after, upTo);
        for (long first : partial) {
            query.each("SELECT lines FROM " + runs() + " WHERE first_position = ?", rows -> {
                RegisterBlob.Lines lines = RegisterBlob.Lines.ofRun(rows.getBytes(1));
                while (lines.next()) {
                    if (lines.position() > after && lines.position() <= upTo) {
                        count[0]++;
                    }
                }
            }, first);
        }
        return count[0];
    }

    /**
     * How many lines {@code account} has, at most {@code limit}: the sum of its first {@link #FIRST_BLOCKS} blocks' counts
     * when that reaches the limit (a full block holds {@link RegisterBlob#LINES} lines, so a busy account's first few
     * do), else of all of them. Summing every block of a busy account (929 rows of 4 KB pages for the benchmark ledger's
     * bank account, twice a question) was a fifth of a question as of a date about it (session 24 (mend)).
     */
    long countAccount(String account, long limit) {
        long[] count = {0, 0};
        String blocks = blocks();
        query.each("SELECT lines_count FROM " + blocks + " WHERE account = ? LIMIT " + FIRST_BLOCKS, rows -> {
            count[0] += rows.getLong(1);
            count[1]++;
        }, account);
        if (count[1] == FIRST_BLOCKS && count[0] < limit) {
            query.each("SELECT COALESCE(SUM(lines_count), 0) FROM " + blocks + " WHERE account = ?",
                    rows -> count[0] = rows.getLong(1), account);
        }
        return Math.min(count[0], limit);
    }

    /**
     * {@code account}'s lines dated on or before {@code date} and recorded at or before {@code upTo}: how many, the
     * latest date, the last position (0 when none); a block wholly inside is counted from its columns.
     */
    long[] summary(String account, String date, long upTo, String[] lastDate) {
        long[] counts = {0, 0};
        List<Object[]> partial = new ArrayList<>();
        query.each("SELECT first_position, commodity, last_position, lines_count, min_date, max_date FROM " + blocks()
                + " WHERE account = ? AND first_position <= ?", rows -> {
                    String minDate = rows.getString(5);
                    String maxDate = rows.getString(6);
                    if (minDate.compareTo(date) > 0) {
                        return;
                    }
                    if (rows.getLong(3) <= upTo && maxDate.compareTo(date) <= 0) {
                        counts[0] += rows.getLong(4);
                        counts[1] = Math.max(counts[1], rows.getLong(3));
                        lastDate[0] = lastDate[0] == null || maxDate.compareTo(lastDate[0]) > 0 ? maxDate : lastDate[0];
                    } else {
                        partial.add(new Object[] {rows.getLong(1), rows.getString(2)});
                    }
                }, account, upTo);
        for (Object[] block : partial) {
            query.each("SELECT lines FROM " + blocks() + " WHERE first_position = ?", rows -> {
                RegisterBlob.Lines lines = RegisterBlob.Lines.ofBlock(rows.getBytes(1), account, (String) block[1]);
                while (lines.next()) {
                    String lineDate = lines.date();
                    if (lines.position() <= upTo && lineDate.compareTo(date) <= 0) {
                        counts[0]++;
                        counts[1] = Math.max(counts[1], lines.position());
                        lastDate[0] = lastDate[0] == null || lineDate.compareTo(lastDate[0]) > 0 ? lineDate : lastDate[0];
                    }
                }
            }, block[0]);
        }
        return counts;
    }
}

package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.BalanceCheckpoint;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.DateCheckpoint;
import dev.eventscope.projection.DateSpan;
import dev.eventscope.projection.DatedLines;
import dev.eventscope.projection.EventCountsProjection;
import dev.eventscope.projection.EventStampsProjection;
import dev.eventscope.projection.JournalProjection;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.PostingDates;
import dev.eventscope.projection.PostingSummaries;
import dev.eventscope.projection.PostingSummary;
import dev.eventscope.projection.ProjectionState;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The built-in read models' queries in SQL, on the store's reader connection. */
final class SqliteLedgerQueries implements LedgerQueries {

    private final SqliteReadSide store;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** The connection {@link #statements} were prepared on (a store that turns to the cache changes it, session 24). */
    private Connection prepared;
    /** The register's lines, kept as blobs since the balances read model's version 8 (session 23). */
    private final SqliteRegisterReads register;

    SqliteLedgerQueries(SqliteReadSide store) {
        this.store = store;
        this.register = new SqliteRegisterReads(store, (sql, consumer, parameters) -> each(sql, consumer::accept, parameters),
                this::generation);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        List<T> result = new ArrayList<>();
        each(sql, rows -> result.add(reader.read(rows)), parameters);
        return result;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    private void each(String sql, RowConsumer consumer, Object... parameters) {
        Connection reader = store.reader();
        synchronized (reader) {
            try {
                if (reader != prepared) {
                    statements.clear(); // prepared on a connection no longer read (closed with its store)
                    prepared = reader;
                }
                PreparedStatement statement = statements.get(sql);
                if (statement == null) {
                    statement = reader.prepareStatement(sql);
                    statements.put(sql, statement);
                }
                for (int i = 0; i < parameters.length; i++) {
                    SqlValues.bind(statement, i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows);
                    }
                }
            } catch (SQLException e) {
                throw new ReadModelException("Could not read the read models in " + store.location() + ": " + e.getMessage(), e);
            }
        }
    }

    private String table(String projection, String table) {
        return SqlTables.physicalName(projection, table, generation(projection));
    }

    /**
     * The generation in service of {@code projection}, by a statement prepared once: every query names its tables by it,
     * and the whole state read by a statement prepared at each call ({@link SqliteReadModelStore#state}) was two thirds
     * of SQLite's share of an account's balance at a position (session 24 (mend)).
     */
    private int generation(String projection) {
        List<Integer> found = query("SELECT generation FROM projection_state WHERE name = ?", rows -> rows.getInt(1), projection);
        if (found.isEmpty()) {
            throw new ReadModelException("The read model '" + projection + "' has not been built yet in " + store.location() + ".");
        }
        return found.get(0);
    }


    /**
     * The register lines dated in {@code dates} with position at most {@code upTo} (the register has no index by
     * date): first those the date checkpoints hold, from the rows whose lines can be in range (each holds the lines
     * dated after the previous one's date, see {@link DatedLines}), in date order, as long as {@code more} says so
     * before a row, each row's lines read by {@code read}; then those recorded after the checkpoints' position, by
     * position (at most the two checkpoint intervals a catch-up lets them lag), of {@code account} (every account
     * when null).
     */
    private void datedLines(DateSpan dates, long upTo, BooleanSupplier more, RowConsumer read, String account,
                            DatedLines.Sink sink) {
        String checkpoints = table(BalancesProjection.NAME, BalancesProjection.DATE_CHECKPOINTS);
        String from = dates.afterText();
        String to = dates.upToText();
        each("SELECT lines FROM " + checkpoints + " WHERE date > ? AND date <= COALESCE((SELECT MIN(date) FROM "
                + checkpoints + " WHERE date >= ?), '~') ORDER BY date", rows -> {
                    if (more.getAsBoolean()) {
                        read.accept(rows);
                    }
                }, from, to);
        long[] builtAt = {0};
        each("SELECT COALESCE(MAX(position), 0) FROM " + checkpoints, rows -> builtAt[0] = rows.getLong(1));
        register.lines(builtAt[0], upTo, line -> {
            String date = line.date();
            if (date.compareTo(from) > 0 && date.compareTo(to) <= 0 && (account == null || account.equals(line.account()))) {
                sink.line(line.position(), date, line.account(), line.commodity(), line.amount());
            }
        });
    }

    /** {@link #datedLines} of every account. */
    private void datedLines(DateSpan dates, long upTo, BooleanSupplier more, DatedLines.Sink sink) {
        datedLines(dates, upTo, more, rows -> DatedLines.read(linesOf(rows), dates, upTo, sink), null, sink);
    }

    /** {@link #datedLines} of one account. */
    private void accountDatedLines(String account, DateSpan dates, long upTo, DatedLines.Sink sink) {
        datedLines(dates, upTo, () -> true, rows -> DatedLines.readAccount(linesOf(rows), dates, upTo, account, sink),
                account, sink);
    }

    private byte[] linesOf(ResultSet rows) throws SQLException {
        byte[] lines = rows.getBytes(1);
        if (lines == null) {
            throw new ReadModelException("A date checkpoint in " + store.location() + " has no register lines: rebuild the"
                    + " balances projection.");
        }
        return lines;
    }

    @Override
    public SortedMap<String, BigDecimal> accountBalanceAt(String account, long position) {
        List<String> commodities = query("SELECT commodity FROM " + table(BalancesProjection.NAME, BalancesProjection.BALANCES)
                + " WHERE account = ?", rows -> rows.getString(1), account);
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        for (String commodity : commodities) {
            BigDecimal amount = register.balanceAt(account, commodity, position);
            if (amount != null && amount.signum() != 0) {
                balances.put(commodity, amount);
            }
        }
        return balances;
    }

    @Override
    public List<RegisterLine> accountRegister(String account, String commodity, long after, long upTo) {
        return register.stamped(register.accountLines(account, commodity, after, upTo, SqliteRegisterReads::unstamped));
    }

    @Override
    public void registerBetween(long after, long upTo, Consumer<RegisterLine> sink) {
        register.stampedLines(after, upTo, line -> true, sink);
    }

    @Override
    public void registerAmountsBetween(long after, long upTo, RegisterSink sink) {
        register.lines(after, upTo, line -> sink.amount(line.account(), line.commodity(), line.amount()));
    }

    @Override
    public void registerRecordedAfter(long after, LocalDate datedOnOrBefore, Consumer<RegisterLine> sink) {
        String date = datedOnOrBefore.toString();
        register.stampedLines(after, Long.MAX_VALUE, line -> line.date().compareTo(date) <= 0, sink);
    }

    @Override
    public List<RegisterLine> accountRegisterAsOf(String account, LocalDate date, long upTo) {
        String dateText = date.toString();
        return register.stamped(register.accountLines(account, null, Long.MIN_VALUE, upTo,
                line -> line.date().compareTo(dateText) <= 0 ? SqliteRegisterReads.unstamped(line) : null));
    }

    @Override
    public void registerAmountsRecordedBetween(long after, long upTo, LocalDate datedOnOrBefore, RegisterSink sink) {
        String date = datedOnOrBefore.toString();
        register.lines(after, upTo, line -> {
            if (line.date().compareTo(date) <= 0) {
                sink.amount(line.account(), line.commodity(), line.amount());
            }
        });
    }

    @Override
    public void registerAmountsDatedBetween(DateSpan dates, long upTo, DatedRegisterSink sink) {
        datedLines(dates, upTo, () -> true,
                (position, date, account, commodity, amount) -> sink.amount(date, account, commodity, amount));
    }

    @Override
    public long countRegisterDatedAfter(LocalDate after, long upTo, long limit) {
        long[] count = {0};
        datedLines(DateSpan.after(after), upTo, () -> count[0] < limit, (position, date, account, commodity, amount) -> count[0]++);
        return Math.min(count[0], limit);
    }

    @Override
    public long countRegisterBetween(long after, long upTo) {
        return register.count(after, upTo);
    }

    @Override
    public void accountPostingsRecordedBetween(String account, long after, long upTo, LocalDate datedOnOrBefore,
                                               AccountPostingSink sink) {
        // by position (the lines recorded after a checkpoint: at most the two checkpoint intervals a catch-up lets them
        // lag), not through the account's blocks (430 of them for a hot account)
        String date = datedOnOrBefore.toString();
        register.lines(after, upTo, line -> {
            if (line.account().equals(account)) {
                String lineDate = line.date();
                if (lineDate.compareTo(date) <= 0) {
                    sink.posting(line.position(), lineDate, line.commodity(), line.amount());
                }
            }
        });
    }

    @Override
    public long countAccountLines(String account, long limit) {
        return register.countAccount(account, limit);
    }

    @Override
    public void accountPostingsDatedBetween(String account, DateSpan dates, long upTo, AccountPostingSink sink) {
        if (countAccountLines(account, FEW_ACCOUNT_LINES) < FEW_ACCOUNT_LINES) {
            // a small account: its few blocks, filtered by date
            String from = dates.afterText();
            String to = dates.upToText();
            register.accountLines(account, null, Long.MIN_VALUE, upTo, line -> {
                String date = line.date();
                if (date.compareTo(from) > 0 && date.compareTo(to) <= 0) {
                    sink.posting(line.position(), date, line.commodity(), line.amount());
                }
                return null;
            });
            return;
        }
        accountDatedLines(account, dates, upTo,
                (position, date, lineAccount, commodity, amount) -> sink.posting(position, date, commodity, amount));
    }

    @Override
    public PostingSummary accountPostingSummaryAsOf(String account, LocalDate date, long upTo) {
        String[] lastDate = {null};
        long[] counts = register.summary(account, date.toString(), upTo, lastDate);
        return new PostingSummary(counts[0], Optional.ofNullable(lastDate[0]).map(LocalDate::parse), counts[1]);
    }

    @Override
    public Optional<PostingSummary> dateCheckpointSummary(LocalDate checkpointDate, String account) {
        List<byte[]> summaries = query("SELECT summaries FROM " + table(BalancesProjection.NAME, BalancesProjection.DATE_CHECKPOINTS)
                + " WHERE date = ?", rows -> rows.getBytes(1), checkpointDate.toString());
        return summaries.isEmpty() || summaries.get(0) == null ? Optional.empty()
                : PostingSummaries.find(summaries.get(0), account);
    }

    @Override
    public List<Long> accountLifecyclePositions(String account, long upTo) {
        return query("SELECT position FROM " + table(BalancesProjection.NAME, BalancesProjection.ACCOUNT_EVENTS)
                + " WHERE account = ? AND position <= ? ORDER BY position", rows -> rows.getLong(1), account, upTo);
    }

    @Override
    public Optional<DateCheckpoint> dateCheckpointOnOrBefore(LocalDate date) {
        return query("SELECT date, position, event_hash, digest, data FROM "
                + table(BalancesProjection.NAME, BalancesProjection.DATE_CHECKPOINTS)
                + " WHERE date <= ? ORDER BY date DESC LIMIT 1",
                rows -> new DateCheckpoint(LocalDate.parse(rows.getString(1)), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getBytes(5)), date.toString()).stream().findFirst();
    }

    @Override
    public Optional<BalanceCheckpoint> balanceCheckpointAtOrBelow(long position) {
        return query("SELECT position, event_hash, digest, data FROM "
                + table(BalancesProjection.NAME, BalancesProjection.CHECKPOINTS)
                + " WHERE position <= ? ORDER BY position DESC LIMIT 1",
                rows -> new BalanceCheckpoint(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4)),
                position).stream().findFirst();
    }

    @Override
    public SortedMap<LocalDate, Long> countsByDay() {
        SortedMap<LocalDate, Long> counts = new TreeMap<>();
        each("SELECT day, events FROM " + table(EventCountsProjection.NAME, EventCountsProjection.BY_DAY),
                rows -> counts.put(LocalDate.parse(rows.getString(1)), rows.getLong(2)));
        return counts;
    }

    @Override
    public Optional<PostingDates> postingDates(long upTo) {
        String[] range = new String[2];
        DatedLines.Sink widen = (position, date, account, commodity, amount) -> {
            range[0] = range[0] == null || date.compareTo(range[0]) < 0 ? date : range[0];
            range[1] = range[1] == null || date.compareTo(range[1]) > 0 ? date : range[1];
        };
        // the first checkpoint row with a line up to upTo holds the first date; the lines recorded after the checkpoints
        datedLines(DateSpan.all(), upTo, () -> range[0] == null, widen);
        // the last such row, read from the end, holds the last date of the lines the checkpoints hold
        boolean[] found = {false};
        each("SELECT lines FROM " + table(BalancesProjection.NAME, BalancesProjection.DATE_CHECKPOINTS) + " ORDER BY date DESC",
                rows -> {
                    if (!found[0]) {
                        DatedLines.read(linesOf(rows), DateSpan.all(), upTo, (position, date, account, commodity, amount) -> {
                            found[0] = true;
                            widen.line(position, date, account, commodity, amount);
                        });
                    }
                });
        return range[0] == null ? Optional.empty()
                : Optional.of(new PostingDates(LocalDate.parse(range[0]), LocalDate.parse(range[1])));
    }

    @Override
    public long registerPosition() {
        // as the generation: one column by a statement prepared once (asked before every question at a position)
        List<Long> found = query("SELECT position FROM projection_state WHERE name = ?", rows -> rows.getLong(1),
                BalancesProjection.NAME);
        return found.isEmpty() ? 0L : found.get(0);
    }

    @Override
    public Map<String, List<ReadModelRow>> dump(String projection) {
        int generation = store.state(projection).map(ProjectionState::generation).orElseThrow();
        Map<String, List<ReadModelRow>> tables = new LinkedHashMap<>();
        String prefix = "rm_" + projection + "__";
        for (String physical : store.physicalTables(projection, generation)) {
            String logical = physical.substring(prefix.length(), physical.length() - ("_g" + generation).length());
            tables.put(logical, rows("SELECT * FROM " + physical + " ORDER BY 1, 2", physical));
        }
        if (projection.equals(BalancesProjection.NAME)) {
            // the register's lines one row each, as version 7 kept them (they are kept in blobs since version 8)
            List<ReadModelRow> lines = new ArrayList<>();
            register.lines(0, Long.MAX_VALUE, line -> lines.add(new ReadModelRow(new Object[] {line.position(), line.account(),
                    line.commodity(), line.amountText(), line.runningBalanceText(), line.entryId(), line.postingIndex(),
                    line.date(), line.description(), line.reverses()})));
            tables.put(BalancesProjection.REGISTER, lines);
        }
        if (projection.equals(JournalProjection.NAME) && store.state(BalancesProjection.NAME).isPresent()) {
            // the journal's postings are the register's lines (JournalProjection), as version 1 kept them, ordered
            // by entry id (as SQLite orders texts: by their UTF-8 bytes) and posting index
            List<ReadModelRow> postings = new ArrayList<>();
            register.lines(0, Long.MAX_VALUE, line -> postings.add(new ReadModelRow(new Object[] {line.entryId(),
                    line.postingIndex(), line.account(), line.amountText(), line.commodity()})));
            postings.sort(Comparator.<ReadModelRow, byte[]>comparing(row -> row.text(0).getBytes(StandardCharsets.UTF_8),
                    Arrays::compareUnsigned).thenComparingLong(row -> row.integer(1)));
            tables.put(JournalProjection.POSTINGS, postings);
        }
        return tables;
    }

    private List<ReadModelRow> rows(String sql, String what) {
        List<ReadModelRow> rows = new ArrayList<>();
        Connection reader = store.reader();
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement(sql);
                 ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Object[] values = new Object[meta.getColumnCount()];
                    for (int i = 0; i < values.length; i++) {
                        Object value = result.getObject(i + 1);
                        values[i] = value instanceof Integer number ? Long.valueOf(number) : value;
                    }
                    rows.add(new ReadModelRow(values));
                }
            } catch (SQLException e) {
                throw new ReadModelException("Could not read " + what + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }
}

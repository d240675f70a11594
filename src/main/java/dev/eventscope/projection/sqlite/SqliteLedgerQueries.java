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
import java.util.ArrayList;
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

    /** A register line: the register's row and, from the event at its position, who, by which command and when. */
    private static final String REGISTER_LINE = "r.position, r.account, r.commodity, r.amount, r.running_balance, r.entry_id,"
            + " r.posting_index, r.date, r.description, e.user_name, e.command_name, e.recorded_at, r.reverses";


    private final SqliteReadModelStore store;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteLedgerQueries(SqliteReadModelStore store) {
        this.store = store;
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
        int generation = store.state(projection).map(ProjectionState::generation).orElseThrow(() ->
                new ReadModelException("The read model '" + projection + "' has not been built yet in " + store.location() + "."));
        return SqlTables.physicalName(projection, table, generation);
    }

    private String register() {
        return table(BalancesProjection.NAME, BalancesProjection.REGISTER);
    }

    /** Register lines of a register table (aliased r) that match {@code where}, joined with their events (e). */
    private String registerLines(String register, String where) {
        if (store.needsEventStamps()) {
            // a server ledger's cache: the events' own columns are kept by the event-stamps read model; a line
            // whose stamp is missing (that read model stopped) is still shown, without who and when
            return "SELECT " + REGISTER_LINE + " FROM " + register + " r LEFT JOIN "
                    + table(EventStampsProjection.NAME, EventStampsProjection.EVENTS) + " e ON e.position = r.position WHERE " + where;
        }
        return "SELECT " + REGISTER_LINE + " FROM " + register + " r CROSS JOIN " + store.eventsTable()
                + " e ON e.position = r.position WHERE " + where;
    }

    /**
     * The register lines dated in {@code dates} with position at most {@code upTo} (the register has no index by
     * date): first those the date checkpoints hold, from the rows whose lines can be in range (each holds the lines
     * dated after the previous one's date, see {@link DatedLines}), in date order, as long as {@code more} says so
     * before a row, each row's lines read by {@code read}; then those recorded after the checkpoints' position, by
     * position (at most the two checkpoint intervals a catch-up lets them lag), of the accounts {@code accountFilter}
     * leaves (an SQL condition and its parameters).
     */
    private void datedLines(DateSpan dates, long upTo, BooleanSupplier more, RowConsumer read, String accountFilter,
                            Object[] accountParameters, DatedLines.Sink sink) {
        String checkpoints = table(BalancesProjection.NAME, BalancesProjection.DATE_CHECKPOINTS);
        String from = dates.afterText();
        String to = dates.upToText();
        each("SELECT lines FROM " + checkpoints + " WHERE date > ? AND date <= COALESCE((SELECT MIN(date) FROM "
                + checkpoints + " WHERE date >= ?), '~') ORDER BY date", rows -> {
                    if (more.getAsBoolean()) {
                        read.accept(rows);
                    }
                }, from, to);
        Object[] parameters = new Object[3 + accountParameters.length];
        parameters[0] = upTo;
        parameters[1] = from;
        parameters[2] = to;
        System.arraycopy(accountParameters, 0, parameters, 3, accountParameters.length);
        each("SELECT position, date, account, commodity, amount FROM " + register() + " WHERE position > COALESCE("
                        + "(SELECT MAX(position) FROM " + checkpoints + "), 0) AND position <= ? AND date > ? AND date <= ?"
                        + accountFilter + " ORDER BY position",
                rows -> sink.line(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        new BigDecimal(rows.getString(5))),
                parameters);
    }

    /** {@link #datedLines} of every account. */
    private void datedLines(DateSpan dates, long upTo, BooleanSupplier more, DatedLines.Sink sink) {
        datedLines(dates, upTo, more, rows -> DatedLines.read(linesOf(rows), dates, upTo, sink), "", new Object[0], sink);
    }

    /** {@link #datedLines} of one account. */
    private void accountDatedLines(String account, DateSpan dates, long upTo, DatedLines.Sink sink) {
        // "+account": the scan goes by position, not through the account's index entries
        datedLines(dates, upTo, () -> true, rows -> DatedLines.readAccount(linesOf(rows), dates, upTo, account, sink),
                " AND +account = ?", new Object[] {account}, sink);
    }

    private byte[] linesOf(ResultSet rows) throws SQLException {
        byte[] lines = rows.getBytes(1);
        if (lines == null) {
            throw new ReadModelException("A date checkpoint in " + store.location() + " has no register lines: rebuild the"
                    + " balances projection.");
        }
        return lines;
    }

    private static RegisterLine line(ResultSet rows) throws SQLException {
        return new RegisterLine(rows.getLong(1), rows.getString(2), rows.getString(3), new BigDecimal(rows.getString(4)),
                new BigDecimal(rows.getString(5)), rows.getString(6), rows.getInt(7), LocalDate.parse(rows.getString(8)),
                rows.getString(9), rows.getString(10), rows.getString(11), rows.getLong(12), rows.getString(13));
    }

    @Override
    public SortedMap<String, BigDecimal> accountBalanceAt(String account, long position) {
        String register = register();
        List<String> commodities = query("SELECT commodity FROM " + table(BalancesProjection.NAME, BalancesProjection.BALANCES)
                + " WHERE account = ?", rows -> rows.getString(1), account);
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        String sql = "SELECT running_balance FROM " + register
                + " WHERE account = ? AND commodity = ? AND position <= ? ORDER BY position DESC LIMIT 1";
        for (String commodity : commodities) {
            each(sql, rows -> {
                BigDecimal amount = new BigDecimal(rows.getString(1));
                if (amount.signum() != 0) {
                    balances.put(commodity, amount);
                }
            }, account, commodity, position);
        }
        return balances;
    }

    @Override
    public List<RegisterLine> accountRegister(String account, String commodity, long after, long upTo) {
        if (commodity == null) {
            return query(registerLines(register(), "r.account = ? AND r.position > ? AND r.position <= ? ORDER BY r.position"),
                    SqliteLedgerQueries::line,
                    account, after, upTo);
        }
        return query(registerLines(register(),
                "r.account = ? AND r.commodity = ? AND r.position > ? AND r.position <= ? ORDER BY r.position"),
                SqliteLedgerQueries::line, account, commodity, after, upTo);
    }

    @Override
    public void registerBetween(long after, long upTo, Consumer<RegisterLine> sink) {
        each(registerLines(register(), "r.position > ? AND r.position <= ? ORDER BY r.position"),
                rows -> sink.accept(line(rows)), after, upTo);
    }

    @Override
    public void registerAmountsBetween(long after, long upTo, RegisterSink sink) {
        each("SELECT account, commodity, amount FROM " + register() + " WHERE position > ? AND position <= ?",
                rows -> sink.amount(rows.getString(1), rows.getString(2), new BigDecimal(rows.getString(3))), after, upTo);
    }

    @Override
    public void registerRecordedAfter(long after, LocalDate datedOnOrBefore, Consumer<RegisterLine> sink) {
        each(registerLines(register(), "r.position > ? AND r.date <= ? ORDER BY r.position, r.posting_index"),
                rows -> sink.accept(line(rows)), after, datedOnOrBefore.toString());
    }

    @Override
    public List<RegisterLine> accountRegisterAsOf(String account, LocalDate date, long upTo) {
        return query(registerLines(register(), "r.account = ? AND r.date <= ? AND r.position <= ? ORDER BY r.position"),
                SqliteLedgerQueries::line,
                account, date.toString(), upTo);
    }

    @Override
    public void registerAmountsRecordedBetween(long after, long upTo, LocalDate datedOnOrBefore, RegisterSink sink) {
        each("SELECT account, commodity, amount FROM " + register() + " WHERE position > ? AND position <= ? AND date <= ?",
                rows -> sink.amount(rows.getString(1), rows.getString(2), new BigDecimal(rows.getString(3))),
                after, upTo, datedOnOrBefore.toString());
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
        return query("SELECT COUNT(*) FROM " + register() + " WHERE position > ? AND position <= ?", rows -> rows.getLong(1),
                after, upTo).get(0);
    }

    @Override
    public void accountPostingsRecordedBetween(String account, long after, long upTo, LocalDate datedOnOrBefore,
                                               AccountPostingSink sink) {
        // "+account": the range goes by position (the lines recorded after a checkpoint: at most the two checkpoint
        // intervals a catch-up lets them lag), not through the account's index entries (110,000 for a hot account)
        each("SELECT position, date, commodity, amount FROM " + register()
                + " WHERE position > ? AND position <= ? AND +account = ? AND date <= ?",
                rows -> sink.posting(rows.getLong(1), rows.getString(2), rows.getString(3), new BigDecimal(rows.getString(4))),
                after, upTo, account, datedOnOrBefore.toString());
    }

    @Override
    public long countAccountLines(String account, long limit) {
        return query("SELECT COUNT(*) FROM (SELECT 1 FROM " + register() + " WHERE account = ? LIMIT ?)",
                rows -> rows.getLong(1), account, limit).get(0);
    }

    @Override
    public void accountPostingsDatedBetween(String account, DateSpan dates, long upTo, AccountPostingSink sink) {
        if (countAccountLines(account, FEW_ACCOUNT_LINES) < FEW_ACCOUNT_LINES) {
            // a small account: its few index entries, filtered by date there (the date is the index's last column)
            each("SELECT position, date, commodity, amount FROM " + register()
                            + " WHERE account = ? AND date > ? AND date <= ? AND position <= ?",
                    rows -> sink.posting(rows.getLong(1), rows.getString(2), rows.getString(3), new BigDecimal(rows.getString(4))),
                    account, dates.afterText(), dates.upToText(), upTo);
            return;
        }
        accountDatedLines(account, dates, upTo,
                (position, date, lineAccount, commodity, amount) -> sink.posting(position, date, commodity, amount));
    }

    @Override
    public PostingSummary accountPostingSummaryAsOf(String account, LocalDate date, long upTo) {
        return query("SELECT COUNT(*), MAX(date), MAX(position) FROM " + register()
                + " WHERE account = ? AND date <= ? AND position <= ?",
                rows -> new PostingSummary(rows.getLong(1),
                        Optional.ofNullable(rows.getString(2)).map(LocalDate::parse), rows.getLong(3)), account, date.toString(), upTo).get(0);
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
        return store.state(BalancesProjection.NAME).map(ProjectionState::position).orElse(0L);
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
        if (projection.equals(JournalProjection.NAME) && store.state(BalancesProjection.NAME).isPresent()) {
            // the journal's postings are the register's lines (JournalProjection), as version 1 kept them
            tables.put(JournalProjection.POSTINGS, rows("SELECT entry_id, posting_index, account, amount, commodity FROM "
                    + register() + " ORDER BY 1, 2", JournalProjection.POSTINGS));
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

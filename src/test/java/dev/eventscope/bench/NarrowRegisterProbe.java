package dev.eventscope.bench;

import dev.eventscope.bench.RegisterLinesOfAFile.Line;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The register's rows narrowed (docs/cli-speed.md, session 22 (register)), with raw JDBC and no Eventscope code: the
 * {@code balances} register of a built read-model file read into memory ({@link RegisterLinesOfAFile}: version 8's runs
 * or an older file's rows), then written into new files as a cache file is built from nothing ({@code journal_mode =
 * MEMORY}, {@code synchronous = OFF}, 20,000 lines a transaction), (a) as version 7 kept them: ten values per row, the texts bound as texts, the index (account, commodity, position, date) sorted at the end;
 * (b) narrow: account and commodity as integer ids (a names table written once per new name), the entry's texts (id,
 * description, reverses) once per entry in their own table keyed by an integer the row carries, the date as its epoch
 * day, so a row binds six integers and the two decimals' texts and its index is over integers; (c) (a) with 16 rows an
 * {@code INSERT} statement; (d) (a) with a 64 MB page cache (SQLite's sorter spills to temporary files past the cache's
 * size: 2 MB by default). Every connection as the read-model store's writer ({@code threads = 2}). Prints the calling
 * thread's CPU for the rows and the process CPU of the index, alternating (a) and (b), three rounds. Usage:
 * {@code NarrowRegisterProbe READ_MODELS_FILE SCRATCH_FOLDER}.
 */
public final class NarrowRegisterProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int PER_TRANSACTION = 20_000;
    /** The page cache (and so the sorter's memory) of the next file's connection, in MB; 0: SQLite's default (2 MB). */
    private static int cacheMegabytes;


    private NarrowRegisterProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        List<Line> lines = RegisterLinesOfAFile.read(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "%d lines%n| round | layout | rows: writer CPU s | index: writer CPU s | index: process"
                + " CPU s | rows + index, process CPU s | file MB |%n|---|---|---|---|---|---|---|%n", lines.size());
        for (int round = 1; round <= 3; round++) {
            String[] layouts = round % 2 == 1 ? new String[] {"wide", "narrow", "wide, 16 rows a statement", "wide, 64 MB cache"}
                    : new String[] {"wide, 64 MB cache", "wide, 16 rows a statement", "narrow", "wide"};
            for (String layout : layouts) {
                Path file = scratch.resolve(round + "-" + layout.replaceAll("[^a-z0-9]", "") + ".sqlite");
                Files.deleteIfExists(file);
                cacheMegabytes = layout.endsWith("cache") ? 64 : 0;
                double[] cpu = layout.equals("narrow") ? narrow(lines, file)
                        : wide(lines, file, layout.contains("16 rows") ? 16 : 1);
                System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.1f |%n", round, layout,
                        cpu[0], cpu[1], cpu[2], cpu[3], Files.size(file) / 1e6);
                Files.delete(file);
            }
        }
    }

    private static Connection fresh(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = MEMORY");
            statement.execute("PRAGMA synchronous = OFF");
            // as the read-model store's writer
            statement.execute("PRAGMA threads = 2");
            if (cacheMegabytes > 0) {
                statement.execute("PRAGMA cache_size = -" + cacheMegabytes * 1024);
            }
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static double[] wide(List<Line> lines, Path file, int rowsPerStatement) throws SQLException {
        try (Connection connection = fresh(file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE register (position INTEGER, account TEXT, commodity TEXT, amount TEXT,"
                    + " running_balance TEXT, entry_id TEXT, posting_index INTEGER, date TEXT, description TEXT,"
                    + " reverses TEXT, PRIMARY KEY (position))");
            connection.commit();
            long processStarted = PROCESS.getProcessCpuTime();
            long started = THREADS.getCurrentThreadCpuTime();
            String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register VALUES " + row);
                 PreparedStatement many = connection.prepareStatement("INSERT INTO register VALUES " + row
                         + (", " + row).repeat(rowsPerStatement - 1))) {
                int count = 0;
                int inStatement = 0;
                for (Line line : lines) {
                    // the last rows of a transaction that do not fill a statement go one by one
                    boolean whole = rowsPerStatement > 1 && (count / rowsPerStatement + 1) * rowsPerStatement <= lines.size();
                    PreparedStatement target = whole ? many : insert;
                    int base = whole ? inStatement * 10 : 0;
                    target.setLong(base + 1, line.position());
                    target.setString(base + 2, line.account());
                    target.setString(base + 3, line.commodity());
                    target.setString(base + 4, line.amount());
                    target.setString(base + 5, line.runningBalance());
                    target.setString(base + 6, line.entryId());
                    target.setLong(base + 7, line.postingIndex());
                    target.setString(base + 8, line.date());
                    target.setString(base + 9, line.description());
                    target.setString(base + 10, line.reverses());
                    if (!whole) {
                        target.addBatch();
                    } else if (++inStatement == rowsPerStatement) {
                        target.addBatch();
                        inStatement = 0;
                    }
                    if (++count % PER_TRANSACTION == 0) {
                        many.executeBatch();
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                many.executeBatch();
                insert.executeBatch();
                connection.commit();
            }
            return index(connection, statement, "CREATE INDEX register_i1 ON register (account, commodity, position, date)",
                    started, processStarted);
        }
    }

    private static double[] narrow(List<Line> lines, Path file) throws SQLException {
        try (Connection connection = fresh(file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE register (position INTEGER, account INTEGER, commodity INTEGER, amount TEXT,"
                    + " running_balance TEXT, entry INTEGER, posting_index INTEGER, date INTEGER, PRIMARY KEY (position))");
            statement.execute("CREATE TABLE names (id INTEGER, name TEXT, PRIMARY KEY (id))");
            statement.execute("CREATE TABLE entries (id INTEGER, entry_id TEXT, description TEXT, reverses TEXT,"
                    + " PRIMARY KEY (id))");
            connection.commit();
            long processStarted = PROCESS.getProcessCpuTime();
            long started = THREADS.getCurrentThreadCpuTime();
            Map<String, Long> names = new HashMap<>();
            Map<String, Long> entries = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement name = connection.prepareStatement("INSERT INTO names VALUES (?, ?)");
                 PreparedStatement entry = connection.prepareStatement("INSERT INTO entries VALUES (?, ?, ?, ?)")) {
                int count = 0;
                String lastDate = null;
                long lastDay = 0;
                String lastEntry = null;
                long lastEntryRef = 0;
                for (Line line : lines) {
                    insert.setLong(1, line.position());
                    insert.setLong(2, id(names, line.account(), name));
                    insert.setLong(3, id(names, line.commodity(), name));
                    insert.setString(4, line.amount());
                    insert.setString(5, line.runningBalance());
                    if (!line.entryId().equals(lastEntry)) {
                        lastEntry = line.entryId();
                        Long known = entries.get(lastEntry);
                        if (known == null) {
                            known = (long) entries.size() + 1;
                            entries.put(lastEntry, known);
                            entry.setLong(1, known);
                            entry.setString(2, line.entryId());
                            entry.setString(3, line.description());
                            entry.setString(4, line.reverses());
                            entry.addBatch();
                        }
                        lastEntryRef = known;
                    }
                    insert.setLong(6, lastEntryRef);
                    insert.setLong(7, line.postingIndex());
                    if (!line.date().equals(lastDate)) {
                        lastDate = line.date();
                        lastDay = LocalDate.parse(lastDate).toEpochDay();
                    }
                    insert.setLong(8, lastDay);
                    insert.addBatch();
                    if (++count % PER_TRANSACTION == 0) {
                        name.executeBatch();
                        entry.executeBatch();
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                name.executeBatch();
                entry.executeBatch();
                insert.executeBatch();
                connection.commit();
            }
            return index(connection, statement, "CREATE INDEX register_i1 ON register (account, commodity, position, date)",
                    started, processStarted);
        }
    }

    private static long id(Map<String, Long> names, String name, PreparedStatement insert) throws SQLException {
        Long id = names.get(name);
        if (id == null) {
            id = (long) names.size() + 1;
            names.put(name, id);
            insert.setLong(1, id);
            insert.setString(2, name);
            insert.addBatch();
        }
        return id;
    }

    private static double[] index(Connection connection, Statement statement, String sql, long started, long processStarted)
            throws SQLException {
        double rows = (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
        long indexStarted = THREADS.getCurrentThreadCpuTime();
        long indexProcess = PROCESS.getProcessCpuTime();
        statement.execute(sql);
        connection.commit();
        long end = PROCESS.getProcessCpuTime();
        return new double[] {rows, (THREADS.getCurrentThreadCpuTime() - indexStarted) / 1e9, (end - indexProcess) / 1e9,
                (end - processStarted) / 1e9};
    }
}

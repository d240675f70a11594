package dev.eventscope.bench;

import dev.eventscope.bench.RegisterLinesOfAFile.Line;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the first open's writer is bound by, with raw JDBC and no Eventscope code (docs/cli-speed.md, session 17): the
 * {@code balances} register's lines of a built read-model file are read into memory ({@link RegisterLinesOfAFile}:
 * version 8's runs or an older file's rows), then written into new files as a cache file is built from nothing
 * ({@code journal_mode = MEMORY}, {@code synchronous = OFF}, 20,000 rows a transaction): (a) the same ten values per
 * row, batched, and version 7's index sorted once at the end; (a') the same rows bound as one JSON text per 5,000 that
 * SQLite expands ({@code json_each}: one bind instead of ten per row); (b) the register's lines as one compact blob per
 * account, commodity and run of {@code CHUNK} lines, each encoded in Java on the writing thread, in the order the
 * postings come, the open runs rewritten at every commit; (c) the same and a second copy by runs of {@code CHUNK}
 * consecutive positions; (d) (c) with every run written once, the open ones at the end, as a build from nothing could
 * (about what version 8 keeps). Prints the calling thread's CPU for each, three rounds, beside the reading of the
 * lines themselves. Usage: {@code RegisterLayoutProbe READ_MODELS_FILE SCRATCH_FOLDER}.
 */
public final class RegisterLayoutProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int CHUNK = 256;
    private static final int PER_TRANSACTION = 20_000;
    /** The register's columns as the read model declares them. */
    private static final String REGISTER_TABLE = "CREATE TABLE register (position INTEGER, account TEXT, commodity TEXT,"
            + " amount TEXT, running_balance TEXT, entry_id TEXT, posting_index INTEGER, date TEXT, description TEXT,"
            + " reverses TEXT, PRIMARY KEY (position))";


    private RegisterLayoutProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path readModels = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        long started = THREADS.getCurrentThreadCpuTime();
        List<Line> lines = RegisterLinesOfAFile.read(readModels);
        double readCpu = (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%nRegister of %s: %,d lines; reading them back (raw JDBC, one thread): %.2f s CPU%n%n",
                readModels, lines.size(), readCpu);
        System.out.println("| round | rows: inserts s | rows: index s (process) | rows: file MB | account blobs: encode + inserts s"
                + " | account blobs: rows | account blobs: file MB | account and position blobs: s | rows"
                + " | the same, open runs written once at the end: s | rows | file MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int round = 1; round <= 3; round++) {
            Path rowsFile = scratch.resolve("rows-" + round + ".sqlite");
            Path blobsFile = scratch.resolve("blobs-" + round + ".sqlite");
            double[] rows = writeRows(lines, rowsFile);
            Path jsonFile = scratch.resolve("json-" + round + ".sqlite");
            double json = writeRowsAsJson(lines, jsonFile);
            System.out.printf(Locale.ROOT, "round %d: rows bound value by value %.2f s, the same rows as JSON texts %.2f s (%.1f MB)%n",
                    round, rows[0], json, Files.size(jsonFile) / 1e6);
            Files.delete(jsonFile);
            double[] blobs = writeBlobs(lines, blobsFile, false, true);
            long blobsSize = Files.size(blobsFile);
            Files.delete(blobsFile);
            double[] both = writeBlobs(lines, blobsFile, true, true);
            Files.delete(blobsFile);
            double[] sealed = writeBlobs(lines, blobsFile, true, false);
            System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f (%.2f) | %.1f | %.2f | %,d | %.1f | %.2f | %,d | %.2f | %,d | %.1f |%n", round,
                    rows[0], rows[1], rows[2], Files.size(rowsFile) / 1e6, blobs[0], (long) blobs[1], blobsSize / 1e6, both[0],
                    (long) both[1], sealed[0], (long) sealed[1], Files.size(blobsFile) / 1e6);
            Files.delete(rowsFile);
            Files.delete(blobsFile);
        }
    }

    private static Connection fresh(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = MEMORY");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA threads = 2");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /** The same ten values per row as the register, then its index; returns the thread CPU of each. */
    private static double[] writeRows(List<Line> lines, Path file) throws SQLException {
        try (Connection connection = fresh(file); Statement statement = connection.createStatement()) {
            statement.execute(REGISTER_TABLE);
            connection.commit();
            long started = THREADS.getCurrentThreadCpuTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO register VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int count = 0;
                for (Line line : lines) {
                    insert.setLong(1, line.position());
                    insert.setString(2, line.account());
                    insert.setString(3, line.commodity());
                    insert.setString(4, line.amount());
                    insert.setString(5, line.runningBalance());
                    insert.setString(6, line.entryId());
                    insert.setLong(7, line.postingIndex());
                    insert.setString(8, line.date());
                    insert.setString(9, line.description());
                    insert.setString(10, line.reverses());
                    insert.addBatch();
                    if (++count % 5_000 == 0) {
                        insert.executeBatch();
                    }
                    if (count % PER_TRANSACTION == 0) {
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            double inserts = (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
            started = THREADS.getCurrentThreadCpuTime();
            long processStarted = PROCESS.getProcessCpuTime();
            statement.execute("CREATE INDEX register_i1 ON register (account, commodity, position, date)");
            connection.commit();
            return new double[] {inserts, (THREADS.getCurrentThreadCpuTime() - started) / 1e9,
                    (PROCESS.getProcessCpuTime() - processStarted) / 1e9};
        }
    }

    /** The same rows, 5,000 at a time as one bound JSON text that SQLite expands ({@code json_each}). */
    private static double writeRowsAsJson(List<Line> lines, Path file) throws SQLException {
        try (Connection connection = fresh(file); Statement statement = connection.createStatement()) {
            statement.execute(REGISTER_TABLE);
            connection.commit();
            long started = THREADS.getCurrentThreadCpuTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register SELECT value ->> 0, value ->> 1,"
                    + " value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9"
                    + " FROM json_each(?)")) {
                StringBuilder json = new StringBuilder(1 << 20);
                int count = 0;
                for (Line line : lines) {
                    json.append(json.length() == 0 ? "[[" : ",[").append(line.position()).append(',');
                    text(json, line.account()).append(',');
                    text(json, line.commodity()).append(',');
                    text(json, line.amount()).append(',');
                    text(json, line.runningBalance()).append(',');
                    text(json, line.entryId()).append(',').append(line.postingIndex()).append(',');
                    text(json, line.date()).append(',');
                    text(json, line.description()).append(',');
                    text(json, line.reverses()).append(']');
                    if (++count % 5_000 == 0) {
                        insert.setString(1, json.append(']').toString());
                        insert.executeUpdate();
                        json.setLength(0);
                    }
                    if (count % PER_TRANSACTION == 0) {
                        connection.commit();
                    }
                }
                if (json.length() > 0) {
                    insert.setString(1, json.append(']').toString());
                    insert.executeUpdate();
                }
                connection.commit();
            }
            return (THREADS.getCurrentThreadCpuTime() - started) / 1e9;
        }
    }

    private static StringBuilder text(StringBuilder json, String value) {
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    /**
     * One blob per account, commodity and run of {@link #CHUNK} lines: each full run is written when it fills, the open
     * runs at every transaction's end (upserted) as a catch-up would leave them; returns the thread CPU and the rows.
     */
    private static double[] writeBlobs(List<Line> lines, Path file, boolean byPositionToo, boolean openRunsEachTransaction)
            throws SQLException, IOException {
        try (Connection connection = fresh(file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE register_chunks (account TEXT, commodity TEXT, first_position INTEGER,"
                    + " last_position INTEGER, last_date TEXT, lines INTEGER, data BLOB,"
                    + " PRIMARY KEY (account, commodity, first_position)) WITHOUT ROWID");
            // the same lines a second time, by runs of CHUNK consecutive positions (ledger-wide ranges read these)
            statement.execute("CREATE TABLE register_runs (first_position INTEGER PRIMARY KEY, last_position INTEGER,"
                    + " lines INTEGER, data BLOB)");
            connection.commit();
            Chunk run = null;
            PreparedStatement runs = connection.prepareStatement("INSERT OR REPLACE INTO register_runs VALUES (?, ?, ?, ?)");
            long started = THREADS.getCurrentThreadCpuTime();
            Map<String, Chunk> open = new HashMap<>();
            long rows = 0;
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO register_chunks VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (account, commodity, first_position) DO UPDATE SET last_position = excluded.last_position,"
                    + " last_date = excluded.last_date, lines = excluded.lines, data = excluded.data")) {
                int count = 0;
                for (Line line : lines) {
                    String key = line.account() + '\u0000' + line.commodity();
                    Chunk chunk = open.computeIfAbsent(key, k -> new Chunk(line));
                    chunk.add(line);
                    if (byPositionToo) {
                        run = run == null ? new Chunk(line) : run;
                        run.addWithAccount(line);
                        if (run.lines == CHUNK) {
                            run.writeRun(runs);
                            rows++;
                            run = null;
                        }
                    }
                    if (chunk.lines == CHUNK) {
                        chunk.write(upsert);
                        rows++;
                        open.remove(key);
                    }
                    if (++count % PER_TRANSACTION == 0 && !openRunsEachTransaction) {
                        upsert.executeBatch();
                        runs.executeBatch();
                        connection.commit();
                    } else if (count % PER_TRANSACTION == 0) {
                        for (Chunk partial : open.values()) {
                            partial.write(upsert);
                            rows++;
                        }
                        if (run != null) {
                            run.writeRun(runs);
                            rows++;
                        }
                        upsert.executeBatch();
                        runs.executeBatch();
                        connection.commit();
                    }
                }
                if (run != null) {
                    run.writeRun(runs);
                    rows++;
                }
                runs.executeBatch();
                runs.close();
                for (Chunk partial : open.values()) {
                    partial.write(upsert);
                    rows++;
                }
                upsert.executeBatch();
                connection.commit();
            }
            return new double[] {(THREADS.getCurrentThreadCpuTime() - started) / 1e9, rows};
        }
    }

    /** A run of one account and commodity's lines, encoded as they come (position as a delta, the rest as text). */
    private static final class Chunk {
        private final String account;
        private final String commodity;
        private final long firstPosition;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK * 48);
        private final DataOutputStream out = new DataOutputStream(bytes);
        private long lastPosition;
        private String lastDate;
        private int lines;

        Chunk(Line first) {
            this.account = first.account();
            this.commodity = first.commodity();
            this.firstPosition = first.position();
            this.lastPosition = first.position();
        }

        void add(Line line) throws IOException {
            writeVarLong(line.position() - lastPosition);
            out.writeUTF(line.amount());
            out.writeUTF(line.runningBalance());
            out.writeUTF(line.entryId());
            writeVarLong(line.postingIndex());
            out.writeUTF(line.date());
            out.writeUTF(line.description());
            out.writeUTF(line.reverses() == null ? "" : line.reverses());
            lastPosition = line.position();
            lastDate = line.date();
            lines++;
        }

        void addWithAccount(Line line) throws IOException {
            out.writeUTF(line.account());
            out.writeUTF(line.commodity());
            add(line);
        }

        void writeRun(PreparedStatement runs) throws SQLException {
            runs.setLong(1, firstPosition);
            runs.setLong(2, lastPosition);
            runs.setInt(3, lines);
            runs.setBytes(4, bytes.toByteArray());
            runs.addBatch();
        }

        private void writeVarLong(long value) throws IOException {
            while ((value & ~0x7FL) != 0) {
                out.writeByte((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.writeByte((int) value);
        }

        void write(PreparedStatement upsert) throws SQLException {
            upsert.setString(1, account);
            upsert.setString(2, commodity);
            upsert.setLong(3, firstPosition);
            upsert.setLong(4, lastPosition);
            upsert.setString(5, lastDate);
            upsert.setInt(6, lines);
            upsert.setBytes(7, bytes.toByteArray());
            upsert.addBatch();
        }
    }
}

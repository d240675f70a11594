package dev.eventscope.bench;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the PostgreSQL store's one row lock ({@code ledger_head ... FOR UPDATE}, taken inside
 * {@code append_events}) costs: single-command append latency, 8 concurrent writers on uncontested and
 * contested streams, batched appends against the better of two raw JDBC loads of the same rows into a
 * plain table (multi-row insert from unnest arrays, and {@code COPY}), a raw single-row insert for scale,
 * and the whole-ledger read of 1,000,000 events with and without decoding each into its
 * {@code PostingRecorded}. The batched and read figures are medians of {@value #ROUNDS} rounds, printed with
 * their range. Runs on the embedded server (or {@code EVENTSCOPE_TEST_PG_URL}) and prints a Markdown
 * table. On demand, never in CI:
 * <pre>
 * bench/run.sh PostgresStoreBenchmark [appends per writer, default 1000] [events to read, default 1000000]
 * </pre>
 * Output goes to stdout because this is a command-line program, not library code.
 */
public final class PostgresStoreBenchmark {

    private static final int ROUNDS = 3;
    private static final String DATA = "{\"amount\":\"12.50\",\"commodity\":\"EUR\",\"description\":\"a typical posting of about a hundred bytes\"}";

    private PostgresStoreBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length == 2 && (arguments[0].equals("read") || arguments[0].equals("batched"))) {
            // one figure with its reference only, for profiling (bench/run.sh PostgresStoreBenchmark read 200000)
            System.out.println("| measurement | result |");
            System.out.println("|---|---|");
            if (arguments[0].equals("read")) {
                wholeLedgerRead(Integer.parseInt(arguments[1]));
            } else {
                batchedAgainstRaw(Integer.parseInt(arguments[1]));
            }
            return;
        }
        int appends = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000;
        int readEvents = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 1_000_000;
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        if (TestPostgres.isEmbedded()) {
            // the embedded server turns synchronous_commit off for speed; a real ledger's commits wait for the disk
            try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
                statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = on");
            }
        }
        System.out.println("| measurement | result |");
        System.out.println("|---|---|");
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            row("server", (TestPostgres.isEmbedded() ? "embedded PostgreSQL 17.5" : "EVENTSCOPE_TEST_PG_URL")
                    + ", synchronous_commit=" + row.getString(1));
        }
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            single(store, "warm-up", 200);
            long[] latencies = single(store, "single", appends);
            row("1 writer, 1 event per append: p50 / p99 latency", millis(percentile(latencies, 50)) + " / "
                    + millis(percentile(latencies, 99)) + " ms");
            row("1 writer: appends/s", String.format("%.0f", appends / (sum(latencies) / 1e9)));
        }
        concurrent(url, 8, appends / 4, false);
        concurrent(url, 8, appends / 4, true);
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            long start = System.nanoTime();
            int batches = 20;
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int b = 0; b < batches; b++) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("batch-" + b), ExpectedVersion.NO_STREAM,
                            events("batch-" + b, 1_000))));
                }
                bulk.commit();
            }
            row("batched append (1,000 events per append, one bulk): events/s",
                    String.format("%.0f", batches * 1_000 / ((System.nanoTime() - start) / 1e9)));
        }
        rawInsert(appends);
        batchedAgainstRaw(100_000);
        wholeLedgerRead(readEvents);
    }

    /**
     * Batched appends (1,000 events each, one bulk transaction) against the best raw JDBC does with the same
     * rows into a plain table of the same columns and unique keys: the better of one multi-row insert from
     * unnest arrays per 1,000 rows and one {@code COPY} of all rows, each in one transaction. Both raw runs
     * and the store's run are repeated ({@value #ROUNDS} rounds, alternating) and each figure is the median;
     * the ratio is the store's median over the better raw median.
     */
    private static void batchedAgainstRaw(int events) throws Exception {
        double[] store = new double[ROUNDS];
        double[] unnest = new double[ROUNDS];
        double[] copy = new double[ROUNDS];
        // CPU µs per event (client JVM + whole server), the load-independent view: [store, unnest, copy][round]
        double[][] cpu = new double[4][ROUNDS];
        double[] temporaryCopy = new double[ROUNDS];
        ProcessCpu threads = new ProcessCpu();
        try (Connection admin = TestPostgres.admin()) {
            // one round of each, not counted: the store's hashing and row building (more code than the raw loops)
            // are compiled by the JIT before the rounds, as they are in a long-running app
            storeBulk(TestPostgres.freshLedger(), Math.min(events, 20_000));
            rawUnnest(Math.min(events, 20_000), -1, false);
            rawCopy(Math.min(events, 20_000), -1, false);
            for (int round = 0; round < ROUNDS; round++) {
                PostgresLedgerUrl fresh = TestPostgres.freshLedger();
                long[] before = cpuNow(threads, admin);
                // the store opens its connections outside the time, as the raw loads open theirs and make their table
                long seconds = storeBulk(fresh, events);
                store[round] = events / (seconds / 1e9);
                cpu[0][round] = cpuSince(threads, admin, before) / 1e3 / events;
                before = cpuNow(threads, admin);
                unnest[round] = events / rawUnnest(events, round, false);
                cpu[1][round] = cpuSince(threads, admin, before) / 1e3 / events;
                before = cpuNow(threads, admin);
                copy[round] = events / rawCopy(events, round, false);
                cpu[2][round] = cpuSince(threads, admin, before) / 1e3 / events;
                before = cpuNow(threads, admin);
                temporaryCopy[round] = events / rawCopy(events, round, true);
                cpu[3][round] = cpuSince(threads, admin, before) / 1e3 / events;
            }
        }
        double raw = Math.max(median(unnest), median(copy));
        row(String.format("batched append of %,d events (1,000 per append, one bulk, hash chain on): events/s, median of %d",
                events, ROUNDS), String.format("%.0f (rounds %.0f–%.0f)", median(store), min(store), max(store)));
        row("raw JDBC, same rows into a plain table, multi-row insert from unnest arrays per 1,000: events/s",
                String.format("%.0f (rounds %.0f–%.0f)", median(unnest), min(unnest), max(unnest)));
        row("raw JDBC, same rows into a plain table, one COPY: events/s", String.format("%.0f (rounds %.0f–%.0f)", median(copy), min(copy),
                max(copy)));
        row("for comparison with earlier runs: one COPY into a TEMPORARY table (no WAL): events/s",
                String.format("%.0f (rounds %.0f–%.0f), CPU µs per event %.2f", median(temporaryCopy), min(temporaryCopy),
                        max(temporaryCopy), median(cpu[3])));
        row("ratio store ÷ better raw into a plain table (issue's target: at least 0.6)", String.format("%.2f", median(store) / raw));
        double bestRawCpu = Math.min(median(cpu[1]), median(cpu[2]));
        row("CPU µs per event (client JVM + server), store / unnest / COPY, median of " + ROUNDS,
                String.format("%.2f / %.2f / %.2f → ratio by CPU (better raw ÷ store) %.2f", median(cpu[0]), median(cpu[1]),
                        median(cpu[2]), bestRawCpu / median(cpu[0])));
    }

    /** Nanoseconds for {@code events} events in appends of 1,000 (a new stream each) in one bulk, committed; the store opened before. */
    private static long storeBulk(PostgresLedgerUrl ledgerUrl, int events) throws Exception {
        try (PostgresEventStore ledger = PostgresEventStore.open(ledgerUrl)) {
            long start = System.nanoTime();
            try (BulkAppend bulk = ledger.beginBulkAppend()) {
                for (int b = 0; b < events / 1_000; b++) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("bulk-" + b), ExpectedVersion.NO_STREAM,
                            events("bulk-" + b, 1_000))));
                }
                bulk.commit();
            }
            return System.nanoTime() - start;
        }
    }

    /** CPU time of this whole JVM (every thread, GC and JIT included): the client's side, however it spreads its work. */
    private static final class ProcessCpu {
        private final com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        long nanos() {
            return system.getProcessCpuTime();
        }
    }

    private static long[] cpuNow(ProcessCpu threads, Connection admin) throws Exception {
        return new long[] {threads.nanos(), serverCpuNanos(admin)};
    }

    /** Client (whole JVM) plus server CPU nanoseconds since {@code before} (after the closed connections' backends exited). */
    private static long cpuSince(ProcessCpu threads, Connection admin, long[] before) throws Exception {
        long client = threads.nanos() - before[0];
        Thread.sleep(300);
        return client + serverCpuNanos(admin) - before[1];
    }

    /**
     * The raw reference's table: a plain, logged table like the events table ({@code temporary} = false), or, as
     * the figures before 3 December 2026 07:50 UTC used, a temporary one, which writes no WAL and so is not the same work.
     */
    private static Connection rawTable(String table, boolean temporary) throws Exception {
        Connection connection = TestPostgres.admin();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS public." + table);
            statement.execute("CREATE " + (temporary ? "TEMPORARY TABLE " : "TABLE public.") + table + " (position bigint PRIMARY KEY, event_id text UNIQUE,"
                    + " stream text, version bigint, type text, schema_version integer, data text, user_name text,"
                    + " correlation_id text, command_name text, recorded_at bigint, prev_hash bytea, hash bytea,"
                    + " UNIQUE (stream, version))");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /** Seconds for the raw multi-row insert from unnest arrays, 1,000 rows per statement, one transaction. */
    private static double rawUnnest(int events, int round, boolean temporary) throws Exception {
        try (Connection connection = rawTable("raw_unnest", temporary)) {
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + (temporary ? "" : "public.") + "raw_unnest SELECT * FROM unnest(?::bigint[],"
                    + " ?::text[], ?::text[], ?::bigint[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::bigint[], ?::bytea[], ?::bytea[])")) {
                for (int b = 0; b < events / 1_000; b++) {
                    Long[] positions = new Long[1_000];
                    String[] ids = new String[1_000];
                    String[] streams = new String[1_000];
                    Long[] versions = new Long[1_000];
                    String[] types = new String[1_000];
                    Integer[] schemaVersions = new Integer[1_000];
                    String[] data = new String[1_000];
                    String[] users = new String[1_000];
                    String[] correlations = new String[1_000];
                    String[] commands = new String[1_000];
                    Long[] times = new Long[1_000];
                    byte[][] hashes = new byte[1_000][];
                    for (int i = 0; i < 1_000; i++) {
                        positions[i] = (long) b * 1_000 + i + 1;
                        ids[i] = "raw-" + round + "-" + b + "-" + i;
                        streams[i] = "bulk-" + b;
                        versions[i] = (long) i + 1;
                        types[i] = "PostingRecorded";
                        schemaVersions[i] = 1;
                        data[i] = DATA;
                        users[i] = "bench";
                        correlations[i] = "c";
                        commands[i] = "PostEntry";
                        times[i] = System.currentTimeMillis() * 1_000;
                        hashes[i] = new byte[32];
                    }
                    int parameter = 1;
                    insert.setArray(parameter++, connection.createArrayOf("bigint", positions));
                    insert.setArray(parameter++, connection.createArrayOf("text", ids));
                    insert.setArray(parameter++, connection.createArrayOf("text", streams));
                    insert.setArray(parameter++, connection.createArrayOf("bigint", versions));
                    insert.setArray(parameter++, connection.createArrayOf("text", types));
                    insert.setArray(parameter++, connection.createArrayOf("integer", schemaVersions));
                    insert.setArray(parameter++, connection.createArrayOf("text", data));
                    insert.setArray(parameter++, connection.createArrayOf("text", users));
                    insert.setArray(parameter++, connection.createArrayOf("text", correlations));
                    insert.setArray(parameter++, connection.createArrayOf("text", commands));
                    insert.setArray(parameter++, connection.createArrayOf("bigint", times));
                    insert.setArray(parameter++, connection.createArrayOf("bytea", hashes));
                    insert.setArray(parameter, connection.createArrayOf("bytea", hashes));
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds for one {@code COPY ... FROM STDIN} (text format) of all rows, one transaction. */
    private static double rawCopy(int events, int round, boolean temporary) throws Exception {
        try (Connection connection = rawTable("raw_copy", temporary)) {
            long start = System.nanoTime();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + (temporary ? "" : "public.") + "raw_copy FROM STDIN");
            String hash = "\\\\x" + "00".repeat(32);
            String data = DATA.replace("\\", "\\\\");
            StringBuilder rows = new StringBuilder(64_000);
            for (int b = 0; b < events / 1_000; b++) {
                rows.setLength(0);
                for (int i = 0; i < 1_000; i++) {
                    rows.append((long) b * 1_000 + i + 1).append('\t').append("raw-").append(round).append('-').append(b)
                            .append('-').append(i).append("\tbulk-").append(b).append('\t').append(i + 1)
                            .append("\tPostingRecorded\t1\t").append(data).append("\tbench\tc\tPostEntry\t")
                            .append(System.currentTimeMillis() * 1_000).append('\t').append(hash).append('\t').append(hash)
                            .append('\n');
                }
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
            connection.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The whole-ledger read and its references, paired in the same rounds ({@link PostgresReadBenchmark}). */
    private static void wholeLedgerRead(int events) throws Exception {
        PostgresReadBenchmark.run(events, ROUNDS);
    }

    /**
     * CPU time of the whole server: its postmaster (which counts its exited children, as {@code cutime}/{@code cstime})
     * and every live child. The server must run on this machine (the embedded one does); 10 ms resolution.
     */
    static long serverCpuNanos(Connection admin) throws Exception {
        long backend;
        try (Statement statement = admin.createStatement(); java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            backend = row.getLong(1);
        }
        long postmaster = Long.parseLong(procStat(backend)[3]);
        String[] own = procStat(postmaster);
        long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
        try (java.util.stream.Stream<java.nio.file.Path> processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] fields = procStat(Long.parseLong(process.getFileName().toString()));
                    if (Long.parseLong(fields[3]) == postmaster) {
                        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile; its time went to its parent's total
                }
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) removed: [0] is the state... shifted so [3] is ppid. */
    private static String[] procStat(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = Long.toString(pid);
        fields[1] = "(name)";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static long[] single(PostgresEventStore store, String prefix, int count) throws ConcurrencyConflict {
        long[] latencies = new long[count];
        StreamId stream = StreamId.of("account-" + prefix);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            store.append(stream, ExpectedVersion.ANY, events(prefix + "-" + i, 1));
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    private static void concurrent(PostgresLedgerUrl url, int writers, int perWriter, boolean contested) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong conflicts = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                long[] latencies = new long[perWriter];
                try (PostgresEventStore store = PostgresEventStore.open(url)) {
                    StreamId stream = StreamId.of((contested ? "contested-" + (writer % 2) : "own-" + writer) + "-" + contested);
                    for (int i = 0; i < perWriter; i++) {
                        long began = System.nanoTime();
                        while (true) {
                            try {
                                store.append(stream, ExpectedVersion.exactly(store.streamVersion(stream)),
                                        events("w" + writer + "-" + contested + "-" + i, 1));
                                break;
                            } catch (ConcurrencyConflict conflict) {
                                conflicts.incrementAndGet();
                            }
                        }
                        latencies[i] = System.nanoTime() - began;
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(Long::longValue).toArray();
        String kind = contested ? "contested (2 streams)" : "uncontested (own stream each)";
        row(writers + " writers, " + kind + ": commands/s", String.format("%.0f", latencies.length / seconds)
                + (contested ? " (" + conflicts.get() + " conflicts retried)" : ""));
        row(writers + " writers, " + kind + ": p50 / p99 command latency (read version + append)",
                millis(percentile(latencies, 50)) + " / " + millis(percentile(latencies, 99)) + " ms");
    }

    /** For scale: one row per autocommitted INSERT into a plain table of the same columns, no lock, no checks. */
    private static void rawInsert(int count) throws Exception {
        try (Connection connection = TestPostgres.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE plain_events (position bigserial PRIMARY KEY, event_id text UNIQUE,"
                    + " stream text, version bigint, type text, data text, user_name text, recorded_at bigint, hash bytea)");
            long[] latencies = new long[count];
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plain_events (event_id, stream, version,"
                    + " type, data, user_name, recorded_at, hash) VALUES (?, 'account-raw', ?, 'Posted', ?, 'bench', 0, ?)")) {
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, "raw-" + i);
                    insert.setLong(2, i);
                    insert.setString(3, DATA);
                    insert.setBytes(4, new byte[32]);
                    insert.executeUpdate();
                    latencies[i] = System.nanoTime() - start;
                }
            }
            row("raw JDBC single-row INSERT (no lock, no checks, no chain): p50 / p99", millis(percentile(latencies, 50))
                    + " / " + millis(percentile(latencies, 99)) + " ms");
        }
    }

    private static List<NewEvent> events(String prefix, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(prefix + "-" + i, "PostingRecorded", 1, DATA, new EventMetadata("bench", "c", null, "PostEntry")));
        }
        return events;
    }

    private static long percentile(long[] values, int percent) {
        List<Long> sorted = new ArrayList<>();
        for (long value : values) {
            sorted.add(value);
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private static void row(String what, String result) {
        System.out.println("| " + what + " | " + result + " |");
    }
}
